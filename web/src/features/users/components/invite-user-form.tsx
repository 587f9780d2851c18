import { InviteUserBodySchema, ROLES, type Role } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../components/choice-group.tsx';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { SelectField, TextField } from '../../../components/form-field.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { isolate } from '../../../lib/bidi.ts';
import { useInviteUser } from '../api/users.ts';

/** Invites a colleague by e-mail with roles and, for a requester, a casustafel. */
export function InviteUserForm({ caseTables }: { caseTables: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [caseTableId, setCaseTableId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!InviteUserBodySchema.shape.email.safeParse(email).success) found.email = t('account.emailInvalid');
    if (!name.trim()) found.displayName = t('users.nameRequired');
    if (roles.length === 0) found.roles = t('users.rolesRequired');
    if (roles.includes('requester') && !caseTableId) found.caseTableIds = t('users.caseTableRequired');
    setErrors(found);
    setGeneral(null);
    setSentTo(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    invite.mutate(
      { email: email.trim(), displayName: name.trim(), roles: roles as Role[], ...(roles.includes('requester') ? { caseTableIds: [caseTableId] } : {}) },
      {
        onSuccess: (user) => {
          setSentTo(user.email);
          setEmail('');
          setName('');
          setRoles([]);
          setCaseTableId('');
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
    errors.email ? { fieldId: 'invite-email', label: t('login.email'), message: errors.email } : null,
    errors.displayName ? { fieldId: 'invite-name', label: t('users.name'), message: errors.displayName } : null,
    errors.roles ? { fieldId: 'invite-roles', label: t('users.roles'), message: errors.roles } : null,
    errors.caseTableIds ? { fieldId: 'invite-case-table', label: t('users.caseTable'), message: errors.caseTableIds } : null,
  ].filter((e): e is SummaryError => e !== null);

  return (
    <form onSubmit={submit} noValidate className="dsp-form">
      <StatusMessage message={sentTo ? t('users.invited', { email: isolate(sentTo) }) : null} />
      <ErrorSummary errors={summary} general={general} focusKey={attempt} />
      <TextField id="invite-email" label={t('login.email')} type="email" autoComplete="off" value={email} onChange={setEmail} error={errors.email} required />
      <TextField id="invite-name" label={t('users.name')} autoComplete="off" value={name} onChange={setName} error={errors.displayName} required />
      <CheckboxGroup
        id="invite-roles"
        legend={t('users.roles')}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={roles}
        onChange={setRoles}
        error={errors.roles}
      />
      {roles.includes('requester') ? (
        <SelectField
          id="invite-case-table"
          label={t('users.caseTable')}
          value={caseTableId}
          onChange={setCaseTableId}
          placeholder={t('users.chooseCaseTable')}
          options={caseTables.map((c) => ({ value: c.id, label: c.name }))}
          error={errors.caseTableIds}
          required
        />
      ) : null}
      <Paragraph>
        <Button type="submit" appearance="primary-action-button" busy={invite.isPending} disabled={invite.isPending}>
          {t('users.invite')}
        </Button>
      </Paragraph>
    </form>
  );
}
