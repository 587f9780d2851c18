import { ROLES, type Role, type User } from '@duidingspool/shared';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, choiceId } from '../../../components/choice-group.tsx';
import { SelectField, TextField } from '../../../components/form-field.tsx';
import { type FieldErrors, FormFrame, fieldsOrMessage, useProblemForm } from '../../../components/problem-form.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { useUpdateUser } from '../api/users.ts';
import { editValuesOf, endsSessions, type UserEditValues, userEditPatch } from './user-edit.ts';

/**
 * Changes a user's name, roles and casustafel memberships (`PATCH /users/{id}`). Takes focus on
 * its heading when opened; warns before a change that ends the user's sessions.
 */
export function EditUserForm({
  user,
  isSelf,
  caseTables,
  municipalities = [],
  onClose,
}: {
  user: User;
  isSelf: boolean;
  caseTables: { id: string; name: string }[];
  /** The municipalities a requester may be a member of (a policy adviser, decision 095). */
  municipalities?: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [values, setValues] = useState<UserEditValues>(() => editValuesOf(user));

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const isRequester = values.roles.includes('requester');
  const warnSessions = endsSessions(user, values);
  const form = useProblemForm(
    {
      displayName: 'edit-user-name',
      roles: choiceId('edit-user-roles', ROLES[0]),
      caseTableIds: choiceId('edit-user-case-tables', caseTables[0]?.id ?? ''),
    },
    { displayName: t('users.name'), roles: t('users.roles'), caseTableIds: t('users.edit.caseTables') },
  );

  const submit = () => {
    form.begin();
    const found: FieldErrors<'displayName' | 'roles' | 'caseTableIds'> = {};
    if (!values.displayName.trim()) found.displayName = t('users.nameRequired');
    if (values.roles.length === 0) found.roles = t('users.rolesRequired');
    else if (isSelf && !values.roles.includes('admin')) found.roles = t('users.edit.keepOwnAdmin');
    if (isRequester && values.caseTableIds.length === 0 && values.municipalityIds.length === 0) found.caseTableIds = t('users.edit.caseTablesRequired');
    if (!form.check(found)) return;
    const body = userEditPatch(user, values);
    if (!body) {
      form.succeed(t('users.edit.nothingChanged'));
      return;
    }
    const logsOut = warnSessions;
    update.mutate(
      { id: user.id, body },
      {
        onSuccess: (updated) => {
          setValues(editValuesOf(updated));
          form.succeed(t(logsOut ? 'users.edit.savedLoggedOut' : 'users.edit.saved', { name: isolate(updated.displayName) }));
        },
        onError: (error) => form.fail(error, fieldsOrMessage),
      },
    );
  };

  const { errors } = form;
  // Without the casustafel boxes on screen, their error has no field to link to: it is the general message.
  const caseTablesShown = isRequester && caseTables.length > 0;
  const otherError = !isRequester && errors.caseTableIds ? errors.caseTableIds : null;
  const frame = {
    ...form.frame,
    summary: form.frame.summary.filter((e) => caseTablesShown || e.fieldId !== form.field('caseTableIds').id),
    general: form.frame.general ?? otherError,
  };

  return (
    <>
      <Heading2 id="edit-user-heading" ref={headingRef} tabIndex={-1}>
        {t('users.edit.heading', { name: isolate(user.displayName) })}
      </Heading2>
      <Paragraph className="dsp-muted">{user.email}</Paragraph>
      <FormFrame
        frame={frame}
        onSubmit={submit}
        submitLabel={t('users.edit.save')}
        pending={update.isPending}
        labelledBy="edit-user-heading"
        submitDescribedBy={warnSessions ? 'edit-user-sessions' : undefined}
        secondaryAction={
          <Button type="button" appearance="secondary-action-button" onClick={onClose}>
            {t('users.edit.close')}
          </Button>
        }
      >
        <TextField
          {...form.field('displayName')}
          autoComplete="off"
          value={values.displayName}
          onChange={(displayName) => setValues((v) => ({ ...v, displayName }))}
          required
        />
        <CheckboxGroup
          id="edit-user-roles"
          legend={t('users.roles')}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={values.roles}
          onChange={(roles) => setValues((v) => ({ ...v, roles: roles as Role[] }))}
          error={errors.roles}
          description={isSelf ? t('users.edit.selfHint') : undefined}
        />
        {isRequester ? (
          <CheckboxGroup
            id="edit-user-case-tables"
            legend={t('users.edit.caseTables')}
            description={t('users.edit.caseTablesHint')}
            options={caseTables.map((c) => ({ value: c.id, label: c.name }))}
            value={values.caseTableIds}
            onChange={(caseTableIds) => setValues((v) => ({ ...v, caseTableIds }))}
            error={errors.caseTableIds}
          />
        ) : null}
        {isRequester ? (
          <SelectField
            id="edit-user-municipality"
            label={t('users.edit.municipality')}
            description={t('users.edit.municipalityHint')}
            value={values.municipalityIds[0] ?? ''}
            onChange={(id) => setValues((v) => ({ ...v, municipalityIds: id ? [id] : [] }))}
            options={[{ value: '', label: t('users.edit.noMunicipality') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
          />
        ) : (
          <Paragraph className="dsp-muted">{t('users.edit.noMemberships')}</Paragraph>
        )}
        {warnSessions ? (
          <Alert type="warning" role="status" id="edit-user-sessions">
            <Paragraph>{t('users.edit.sessionsWarning', { name: isolate(user.displayName) })}</Paragraph>
          </Alert>
        ) : null}
      </FormFrame>
    </>
  );
}
