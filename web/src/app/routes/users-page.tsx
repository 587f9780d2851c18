import type { User } from '@duidingspool/shared';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useCaseTables } from '../../features/interpretation-requests/api/get-case-tables.ts';
import { useUsers } from '../../features/users/api/users.ts';
import { EditUserForm } from '../../features/users/components/edit-user-form.tsx';
import { InviteUserForm } from '../../features/users/components/invite-user-form.tsx';
import { editButtonId, UsersTable } from '../../features/users/components/users-table.tsx';
import { useMe } from '../../lib/auth.ts';
import { usePaging } from '../../lib/page-query.ts';

/** “Gebruikers” for the admin: invite, change roles and memberships, deactivate, reset the second factor. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { page, onPageChange: setPage } = usePaging();
  const [editingId, setEditingId] = useState<string | null>(null);
  const users = useUsers(page);
  // Retired casustafels too: a user's existing membership of one is shown (marked), not lost on save.
  const caseTables = useCaseTables(true);
  const tables = (caseTables.data?.items ?? []).map((c) => ({ id: c.id, name: c.retired ? t('referenceData.retiredMark', { name: c.name }) : c.name }));
  const tablesInService = (caseTables.data?.items ?? []).filter((c) => !c.retired).map((c) => ({ id: c.id, name: c.name }));
  // The municipalities the casustafels serve: a policy adviser is a member of one of them (decision 095).
  const municipalities = [
    ...new Map((caseTables.data?.items ?? []).flatMap((c) => c.municipalities.map((m) => [m.id, { id: m.id, name: m.name }] as const))).values(),
  ].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const municipalitiesInService = [
    ...new Map(
      (caseTables.data?.items ?? []).filter((c) => !c.retired).flatMap((c) => c.municipalities.map((m) => [m.id, { id: m.id, name: m.name }] as const)),
    ).values(),
  ].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const editing = users.data?.items.find((u) => u.id === editingId) ?? null;

  const closeEdit = () => {
    const id = editingId;
    setEditingId(null);
    if (id) requestAnimationFrame(() => document.getElementById(editButtonId(id))?.focus());
  };
  const changePage = (p: number) => {
    setEditingId(null);
    setPage(p);
  };

  return (
    <>
      <PageHeading>{t('users.title')}</PageHeading>
      <Paragraph>{t('users.intro')}</Paragraph>
      <section aria-labelledby="invite-heading" className="dsp-section dsp-narrow">
        <Heading2 id="invite-heading">{t('users.inviteHeading')}</Heading2>
        <InviteUserForm caseTables={tablesInService} municipalities={municipalitiesInService} />
      </section>
      {editing && me.data ? (
        <section id="edit-user-panel" aria-labelledby="edit-user-heading" className="dsp-section dsp-panel dsp-narrow">
          <EditUserForm
            key={editing.id}
            user={editing}
            isSelf={editing.id === me.data.id}
            caseTables={tables}
            municipalities={municipalities}
            onClose={closeEdit}
          />
        </section>
      ) : null}
      <section aria-labelledby="users-heading" className="dsp-section">
        <Heading2 id="users-heading">{t('users.listHeading')}</Heading2>
        {users.isPending || !me.data ? <Loading /> : null}
        <ProblemAlert error={users.error} />
        <ProblemAlert error={caseTables.error} />
        {users.data && me.data ? (
          <>
            <UsersTable
              users={users.data.items}
              me={me.data}
              caseTableNames={new Map(tables.map((c) => [c.id, c.name]))}
              editingId={editingId}
              onEdit={(u: User) => setEditingId(u.id)}
            />
            <Pagination
              page={page}
              pageSize={users.data.pageSize}
              total={users.data.total}
              totalIsLowerBound={users.data.totalIsLowerBound}
              onPageChange={changePage}
              label={t('users.pagination')}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
