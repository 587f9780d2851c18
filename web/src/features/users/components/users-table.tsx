import type { Me, PatchUserBody, User } from '@duidingspool/shared';
import { Button, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/confirm-action.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { formatInstant } from '../../../lib/format.ts';
import { useUpdateUser } from '../api/users.ts';

/** Element id of a user's “Wijzigen” button (focus returns there when the edit form closes). */
export const editButtonId = (userId: string) => `edit-user-${userId}`;

/** The users with their roles, casustafel, state, and the admin's actions per user. */
export function UsersTable({
  users,
  me,
  caseTableNames,
  editingId,
  onEdit,
}: {
  users: User[];
  me: Me;
  caseTableNames: Map<string, string>;
  /** The user whose edit form is open, if any. */
  editingId: string | null;
  onEdit: (user: User) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [done, setDone] = useState<string | null>(null);
  const act = (user: User, body: PatchUserBody, message: string) =>
    update.mutate({ id: user.id, body }, { onSuccess: () => setDone(t(message, { name: isolate(user.displayName) })) });

  return (
    <>
      <StatusMessage message={done} />
      <ProblemAlert error={update.error} />
      <DataTable caption={t('users.tableCaption')} columns={[t('users.name'), t('users.roles'), t('users.caseTable'), t('users.state'), t('users.actions')]}>
        {users.map((u) => (
          <TableRow key={u.id}>
            <TableHeaderCell scope="row">
              <bdi>{u.displayName}</bdi>
              <br />
              <bdi className="dsp-muted">{u.email}</bdi>
            </TableHeaderCell>
            <TableCell>{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</TableCell>
            <TableCell>{u.caseTableIds.map((id) => caseTableNames.get(id) ?? id).join(', ') || t('common.none')}</TableCell>
            <TableCell>
              {[
                u.isActive ? t('users.active') : t('users.inactive'),
                u.hasPassword ? null : t('users.invitedPending'),
                u.twoFactorEnabled ? t('users.twoFactorOn') : null,
                u.isDemo ? t('users.demo') : null,
              ]
                .filter(Boolean)
                .join(' · ')}
              <br />
              <span className="dsp-muted">{t('users.since', { at: formatInstant(u.createdAt) })}</span>
            </TableCell>
            <TableCell>
              <div className="dsp-row-actions">
                <Button
                  id={editButtonId(u.id)}
                  appearance="secondary-action-button"
                  aria-expanded={editingId === u.id}
                  aria-controls={editingId === u.id ? 'edit-user-panel' : undefined}
                  onClick={() => onEdit(u)}
                >
                  {t('users.edit.open')}
                  <VisuallyHidden>
                    {' '}
                    <bdi>{u.displayName}</bdi>
                  </VisuallyHidden>
                </Button>
                {u.id !== me.id && u.isActive ? (
                  <ConfirmAction
                    label={t('users.deactivateShort')}
                    accessibleName={t('users.deactivateName', { name: isolate(u.displayName) })}
                    pending={update.isPending}
                    text={{
                      question: t('users.deactivateConfirm.question', { name: isolate(u.displayName) }),
                      consequences: [
                        t('users.deactivateConfirm.login'),
                        t('users.deactivateConfirm.links'),
                        ...(u.roles.includes('specialist') ? [t('users.deactivateConfirm.specialist')] : []),
                        ...(u.roles.includes('requester') ? [t('users.deactivateConfirm.requester')] : []),
                        t('users.deactivateConfirm.reversible'),
                      ],
                      confirmLabel: t('users.deactivateName', { name: isolate(u.displayName) }),
                    }}
                    onConfirm={() => {
                      act(u, { isActive: false }, 'users.deactivated');
                      return true;
                    }}
                  />
                ) : null}
                {u.id !== me.id && !u.isActive ? (
                  <Button appearance="secondary-action-button" disabled={update.isPending} onClick={() => act(u, { isActive: true }, 'users.activated')}>
                    {t('users.activate')}
                    <VisuallyHidden>
                      {' '}
                      <bdi>{u.displayName}</bdi>
                    </VisuallyHidden>
                  </Button>
                ) : null}
                {u.twoFactorEnabled ? (
                  <Button
                    appearance="secondary-action-button"
                    disabled={update.isPending}
                    onClick={() => act(u, { resetTwoFactor: true }, 'users.twoFactorReset')}
                  >
                    {t('users.resetTwoFactor')}
                  </Button>
                ) : null}
                {!u.hasPassword && u.isActive ? (
                  <Button
                    appearance="secondary-action-button"
                    disabled={update.isPending}
                    onClick={() => act(u, { resendInvitation: true }, 'users.invitationResent')}
                  >
                    {t('users.resendInvitation')}
                  </Button>
                ) : null}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </>
  );
}
