import { ROLES, type Role, type User } from '@duidingspool/shared';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, choiceId } from '../../../components/choice-group.tsx';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { ApiError } from '../../../lib/api-client.ts';
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
  onClose,
}: {
  user: User;
  isSelf: boolean;
  caseTables: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const errorMessage = useErrorMessage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [values, setValues] = useState<UserEditValues>(() => editValuesOf(user));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const isRequester = values.roles.includes('requester');
  const warnSessions = endsSessions(user, values);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.displayName.trim()) found.displayName = t('users.nameRequired');
    if (values.roles.length === 0) found.roles = t('users.rolesRequired');
    else if (isSelf && !values.roles.includes('admin')) found.roles = t('users.edit.keepOwnAdmin');
    if (isRequester && values.caseTableIds.length === 0) found.caseTableIds = t('users.edit.caseTablesRequired');
    setErrors(found);
    setGeneral(null);
    setSaved(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    const body = userEditPatch(user, values);
    if (!body) {
      setSaved(t('users.edit.nothingChanged'));
      return;
    }
    const logsOut = warnSessions;
    update.mutate(
      { id: user.id, body },
      {
        onSuccess: (updated) => {
          setValues(editValuesOf(updated));
          setSaved(t(logsOut ? 'users.edit.savedLoggedOut' : 'users.edit.saved', { name: isolate(updated.displayName) }));
        },
        onError: (error) => {
          if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) setErrors(error.fieldErrors);
          else setGeneral(errorMessage(error));
          setAttempt((a) => a + 1);
        },
      },
    );
  };

  const summary: SummaryError[] = [
    errors.displayName ? { fieldId: 'edit-user-name', label: t('users.name'), message: errors.displayName } : null,
    errors.roles ? { fieldId: choiceId('edit-user-roles', ROLES[0]), label: t('users.roles'), message: errors.roles } : null,
    errors.caseTableIds && isRequester && caseTables[0]
      ? { fieldId: choiceId('edit-user-case-tables', caseTables[0].id), label: t('users.edit.caseTables'), message: errors.caseTableIds }
      : null,
  ].filter((e): e is SummaryError => e !== null);
  const otherError = !isRequester && errors.caseTableIds ? errors.caseTableIds : null;

  return (
    <>
      <Heading2 id="edit-user-heading" ref={headingRef} tabIndex={-1}>
        {t('users.edit.heading', { name: isolate(user.displayName) })}
      </Heading2>
      <Paragraph className="dsp-muted">{user.email}</Paragraph>
      <form onSubmit={submit} noValidate className="dsp-form" aria-labelledby="edit-user-heading">
        <StatusMessage message={saved} />
        <ErrorSummary errors={summary} general={general ?? otherError} focusKey={attempt} />
        <TextField
          id="edit-user-name"
          label={t('users.name')}
          autoComplete="off"
          value={values.displayName}
          onChange={(displayName) => setValues((v) => ({ ...v, displayName }))}
          error={errors.displayName}
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
        ) : (
          <Paragraph className="dsp-muted">{t('users.edit.noMemberships')}</Paragraph>
        )}
        {warnSessions ? (
          <Alert type="warning" role="status" id="edit-user-sessions">
            <Paragraph>{t('users.edit.sessionsWarning', { name: isolate(user.displayName) })}</Paragraph>
          </Alert>
        ) : null}
        <div className="dsp-row-actions">
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={update.isPending}
            disabled={update.isPending}
            aria-describedby={warnSessions ? 'edit-user-sessions' : undefined}
          >
            {t('users.edit.save')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onClose}>
            {t('users.edit.close')}
          </Button>
        </div>
      </form>
    </>
  );
}
