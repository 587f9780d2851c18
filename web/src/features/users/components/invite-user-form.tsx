import { InviteUserBodySchema, ROLES } from '@duidingspool/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { ChoicesField, Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { checkedBy, requiredChoices, textInput } from '../../../lib/form-inputs.ts';
import { useInviteUser } from '../api/users.ts';

const shape = InviteUserBodySchema.shape;

/**
 * Invites a colleague by e-mail with roles and, for a requester, a casustafel, a municipality (a
 * policy or safety adviser asking on its behalf, decision 095) or both: at least one of the two.
 */
export function InviteUserForm({
  caseTables,
  municipalities = [],
}: {
  caseTables: { id: string; name: string }[];
  /** The municipalities in service a requester may be a member of. */
  municipalities?: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const schema = useMemo(
    () =>
      z
        .object({
          email: checkedBy(shape.email, t('account.emailInvalid')),
          displayName: textInput(shape.displayName, t),
          roles: requiredChoices(t('users.rolesRequired')).pipe(shape.roles),
          caseTableIds: z.string(),
          municipalityIds: z.string(),
        })
        .refine((v) => !v.roles.includes('requester') || v.caseTableIds !== '' || v.municipalityIds !== '', {
          path: ['caseTableIds'],
          params: { text: t('users.membershipRequired') },
        })
        .transform(({ caseTableIds, municipalityIds, ...rest }) => ({
          ...rest,
          ...(rest.roles.includes('requester') && caseTableIds ? { caseTableIds: [caseTableIds] } : {}),
          ...(rest.roles.includes('requester') && municipalityIds ? { municipalityIds: [municipalityIds] } : {}),
        })),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { email: '', displayName: '', roles: [], caseTableIds: '', municipalityIds: '' },
    ids: {
      email: 'invite-email',
      displayName: 'invite-name',
      roles: 'invite-roles',
      caseTableIds: 'invite-case-table',
      municipalityIds: 'invite-municipality',
    },
    labels: {
      email: t('login.email'),
      displayName: t('users.name'),
      roles: t('users.roles'),
      caseTableIds: t('users.caseTable'),
      municipalityIds: t('users.edit.municipality'),
    },
  });
  const roles = form.rhf.watch('roles');

  const submit = form.submit((body) =>
    invite.mutate(body, {
      onSuccess: (user) => {
        form.succeed(t('users.invited', { email: isolate(user.email) }));
        form.rhf.reset();
      },
      onError: (error) => form.fail(error, fieldsOrMessage),
    }),
  );

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('users.invite')} pending={invite.isPending}>
      <Field form={form} name="email" kind="email" autoComplete="off" required />
      <Field form={form} name="displayName" autoComplete="off" required />
      <ChoicesField form={form} name="roles" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      {roles.includes('requester') ? (
        <Field
          form={form}
          name="caseTableIds"
          kind="select"
          placeholder={t('users.chooseCaseTable')}
          options={caseTables.map((c) => ({ value: c.id, label: c.name }))}
          hint={t('users.caseTableHint')}
        />
      ) : null}
      {roles.includes('requester') ? (
        <Field
          form={form}
          name="municipalityIds"
          kind="select"
          placeholder={t('users.edit.noMunicipality')}
          options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          hint={t('users.edit.municipalityHint')}
        />
      ) : null}
    </FormFrame>
  );
}
