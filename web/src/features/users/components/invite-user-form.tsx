import { InviteUserBodySchema, ROLES, type Role } from '@duidingspool/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../components/choice-group.tsx';
import { SelectField, TextField } from '../../../components/form-field.tsx';
import { type FieldErrors, FormFrame, fieldsOrMessage, useProblemForm } from '../../../components/problem-form.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { useInviteUser } from '../api/users.ts';

/** Invites a colleague by e-mail with roles and, for a requester, a casustafel. */
export function InviteUserForm({ caseTables }: { caseTables: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [caseTableId, setCaseTableId] = useState('');
  const form = useProblemForm(
    { email: 'invite-email', displayName: 'invite-name', roles: 'invite-roles', caseTableIds: 'invite-case-table' },
    { email: t('login.email'), displayName: t('users.name'), roles: t('users.roles'), caseTableIds: t('users.caseTable') },
  );
  const { errors } = form;

  const submit = () => {
    form.begin();
    const found: FieldErrors<'email' | 'displayName' | 'roles' | 'caseTableIds'> = {};
    if (!InviteUserBodySchema.shape.email.safeParse(email).success) found.email = t('account.emailInvalid');
    if (!name.trim()) found.displayName = t('users.nameRequired');
    if (roles.length === 0) found.roles = t('users.rolesRequired');
    if (roles.includes('requester') && !caseTableId) found.caseTableIds = t('users.caseTableRequired');
    if (!form.check(found)) return;
    invite.mutate(
      { email: email.trim(), displayName: name.trim(), roles: roles as Role[], ...(roles.includes('requester') ? { caseTableIds: [caseTableId] } : {}) },
      {
        onSuccess: (user) => {
          form.succeed(t('users.invited', { email: isolate(user.email) }));
          setEmail('');
          setName('');
          setRoles([]);
          setCaseTableId('');
        },
        onError: (error) => form.fail(error, fieldsOrMessage),
      },
    );
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('users.invite')} pending={invite.isPending}>
      <TextField {...form.field('email')} type="email" autoComplete="off" value={email} onChange={setEmail} required />
      <TextField {...form.field('displayName')} autoComplete="off" value={name} onChange={setName} required />
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
          {...form.field('caseTableIds')}
          value={caseTableId}
          onChange={setCaseTableId}
          placeholder={t('users.chooseCaseTable')}
          options={caseTables.map((c) => ({ value: c.id, label: c.name }))}
          required
        />
      ) : null}
    </FormFrame>
  );
}
