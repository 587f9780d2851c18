import { PatchUserBodySchema, ROLES, type User } from '@duidingspool/shared';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { ChoicesField, Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { requiredChoices, requiredTextInput } from '../../../lib/form-inputs.ts';
import { useUpdateUser } from '../api/users.ts';
import { editValuesOf, endsSessions, type UserEditValues, userEditPatch } from './user-edit.ts';

const shape = PatchUserBodySchema.shape;

/** The form's values of a user as stored (one municipality at most is offered). */
function formValuesOf(user: User) {
  const { municipalityIds, ...values } = editValuesOf(user);
  return { ...values, roles: values.roles as string[], municipalityId: municipalityIds[0] ?? '' };
}

/** The values as `userEditPatch` takes them, from the form's values. */
const editValues = ({ municipalityId, ...v }: ReturnType<typeof formValuesOf>): UserEditValues => ({
  ...v,
  roles: v.roles as UserEditValues['roles'],
  municipalityIds: municipalityId ? [municipalityId] : [],
});

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

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const schema = useMemo(
    () =>
      z
        .object({
          displayName: requiredTextInput(shape.displayName.unwrap(), t, { message: t('users.nameRequired') }),
          roles: requiredChoices(t('users.rolesRequired')),
          caseTableIds: z.array(z.string()),
          municipalityId: z.string(),
        })
        .superRefine((v, ctx) => {
          const own = (path: string, text: string) => ctx.addIssue({ code: 'custom', path: [path], message: text, params: { text } });
          if (isSelf && v.roles.length > 0 && !v.roles.includes('admin')) own('roles', t('users.edit.keepOwnAdmin'));
          if (v.roles.includes('requester') && v.caseTableIds.length === 0 && !v.municipalityId) own('caseTableIds', t('users.edit.caseTablesRequired'));
        })
        .transform((v) => editValues(v)),
    [t, isSelf],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: formValuesOf(user),
    ids: { displayName: 'edit-user-name', roles: 'edit-user-roles', caseTableIds: 'edit-user-case-tables', municipalityId: 'edit-user-municipality' },
    labels: {
      displayName: t('users.name'),
      roles: t('users.roles'),
      caseTableIds: t('users.edit.caseTables'),
      municipalityId: t('users.edit.municipality'),
    },
  });
  const current = editValues(form.rhf.watch());
  const isRequester = current.roles.includes('requester');
  const warnSessions = endsSessions(user, current);

  const submit = form.submit((values) => {
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
          form.rhf.reset(formValuesOf(updated));
          form.succeed(t(logsOut ? 'users.edit.savedLoggedOut' : 'users.edit.saved', { name: isolate(updated.displayName) }));
        },
        onError: (error) => form.fail(error, fieldsOrMessage),
      },
    );
  });

  // Without the casustafel boxes on screen, their error has no field to link to: it is the general message.
  const caseTablesShown = isRequester && caseTables.length > 0;
  const caseTablesError = form.rhf.formState.errors.caseTableIds?.message;
  const frame = {
    ...form.frame,
    summary: form.frame.summary.filter((e) => caseTablesShown || e.fieldId !== form.ids.caseTableIds),
    general: form.frame.general ?? (!caseTablesShown && caseTablesError ? caseTablesError : null),
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
        <Field form={form} name="displayName" autoComplete="off" required />
        <ChoicesField
          form={form}
          name="roles"
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          hint={isSelf ? t('users.edit.selfHint') : undefined}
        />
        {isRequester && caseTables.length > 0 ? (
          <ChoicesField
            form={form}
            name="caseTableIds"
            hint={t('users.edit.caseTablesHint')}
            options={caseTables.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : null}
        {isRequester ? (
          <Field
            form={form}
            name="municipalityId"
            kind="select"
            hint={t('users.edit.municipalityHint')}
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
