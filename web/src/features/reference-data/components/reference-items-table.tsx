import { REFERENCE_HAS_ENGLISH_NAME, type ReferenceItem, type ReferenceKind, UpdateReferenceItemBodySchema } from '@duidingspool/shared';
import { Button, ButtonGroup, Paragraph, TableCell, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DataTable } from '../../../components/data-table.tsx';
import { InlineForm } from '../../../components/inline-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { isolate } from '../../../lib/bidi.ts';
import { notSent, requiredChoice, textInput } from '../../../lib/form-inputs.ts';
import { formatInstant } from '../../../lib/format.ts';
import { useCaseTableMember, useRetireReferenceItem, useUpdateReferenceItem } from '../api/reference-items.ts';

/** What the admin is doing on one row. */
type Open = { code: string; mode: 'rename' | 'retire' | 'members' } | null;

/** A requester who may be made a member of a casustafel. */
export interface MemberChoice {
  id: string;
  label: string;
}

/**
 * The items of one kind: name and code, what belongs to them (parent, seat or city, English name,
 * municipalities served, members), in service or retired (with the date), and per item in service
 * the admin's actions: rename, retire (after a confirmation that says what retiring does; refused
 * with what still uses it), and for a casustafel its members.
 */
export function ReferenceItemsTable({ kind, items, requesters }: { kind: ReferenceKind; items: ReferenceItem[]; requesters: MemberChoice[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const close = () => setOpen(null);
  const finish = (message: string) => {
    setDone(message);
    close();
  };
  const columns = [t('referenceData.name'), t('referenceData.details'), t('referenceData.state'), t('referenceData.actions')];
  return (
    <>
      <StatusMessage message={done} />
      <DataTable caption={t(`referenceData.kinds.${kind}`)} columns={columns}>
        {items.map((item) => {
          const panel = open?.code === item.code ? open.mode : null;
          return (
            <TableRow key={item.code} className={item.retiredAt ? 'dsp-muted' : undefined}>
              <TableHeaderCell scope="row">
                <bdi>{item.name}</bdi>
                <br />
                <span className="dsp-muted">{item.code}</span>
              </TableHeaderCell>
              <TableCell>
                <Details item={item} />
              </TableCell>
              <TableCell>{item.retiredAt ? t('referenceData.retiredOn', { date: formatInstant(item.retiredAt) }) : t('referenceData.inService')}</TableCell>
              <TableCell>
                {panel === 'rename' ? (
                  <RenameForm kind={kind} item={item} onDone={finish} onBack={close} />
                ) : panel === 'retire' ? (
                  <RetireForm kind={kind} item={item} onDone={finish} onBack={close} />
                ) : panel === 'members' ? (
                  <MembersForm item={item} requesters={requesters} onBack={close} />
                ) : (
                  <ButtonGroup>
                    <Button appearance="secondary-action-button" onClick={() => setOpen({ code: item.code, mode: 'rename' })}>
                      {t('referenceData.rename')}
                    </Button>
                    {kind === 'case-tables' ? (
                      <Button appearance="secondary-action-button" onClick={() => setOpen({ code: item.code, mode: 'members' })}>
                        {t('referenceData.members')}
                      </Button>
                    ) : null}
                    {item.retiredAt ? null : (
                      <Button appearance="secondary-action-button" hint="danger" onClick={() => setOpen({ code: item.code, mode: 'retire' })}>
                        {t('referenceData.retire')}
                      </Button>
                    )}
                  </ButtonGroup>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </DataTable>
    </>
  );
}

/** What belongs to an item, one line each. */
function Details({ item }: { item: ReferenceItem }) {
  const { t } = useTranslation();
  const lines = [
    item.nameEn ? `${t('referenceData.nameEn')}: ${item.nameEn}` : null,
    item.seat ? `${t('referenceData.seat')}: ${item.seat}` : null,
    item.city ? `${t('referenceData.city')}: ${item.city}` : null,
    item.parentName ? `${t(`referenceData.parent.${item.kind}`)}: ${item.parentName}` : null,
    item.kind === 'case-tables' ? `${t('referenceData.municipalities')}: ${item.municipalities.map((m) => m.name).join(', ') || t('common.none')}` : null,
    item.kind === 'case-tables' ? `${t('referenceData.members')}: ${item.members.map((m) => m.displayName).join(', ') || t('common.none')}` : null,
  ].filter((x): x is string => x !== null);
  return (
    <>
      {lines.map((l) => (
        <div key={l}>
          <bdi>{l}</bdi>
        </div>
      ))}
    </>
  );
}

/** Renames an item (Dutch name, and the English one where the kind has it), checked by `UpdateReferenceItemBodySchema`. */
function RenameForm({ kind, item, onDone, onBack }: { kind: ReferenceKind; item: ReferenceItem; onDone: (message: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateReferenceItem(kind);
  const english = REFERENCE_HAS_ENGLISH_NAME[kind];
  const schema = useMemo(() => {
    const name = textInput(UpdateReferenceItemBodySchema.shape.name.unwrap(), t);
    return z.object({ name, nameEn: english ? name : notSent() });
  }, [t, english]);
  const form = useSchemaForm({
    schema,
    defaultValues: { name: item.name, nameEn: item.nameEn ?? '' },
    ids: { name: `rename-${item.code}`, nameEn: `rename-en-${item.code}` },
    labels: { name: t('referenceData.name'), nameEn: t('referenceData.nameEn') },
    focus: 'field',
  });
  const submit = form.submit((body) =>
    update.mutate({ code: item.code, body }, { onSuccess: (x) => onDone(t('referenceData.renamed', { name: isolate(x.name) })) }),
  );
  return (
    <InlineForm onSubmit={submit} submitLabel={t('referenceData.save')} pending={update.isPending} onBack={onBack}>
      <ProblemAlert error={update.error} />
      <Field form={form} name="name" required />
      {english ? <Field form={form} name="nameEn" required /> : null}
    </InlineForm>
  );
}

/** The confirmation before retiring; a refusal lists what still uses the item. */
function RetireForm({ kind, item, onDone, onBack }: { kind: ReferenceKind; item: ReferenceItem; onDone: (message: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const retire = useRetireReferenceItem(kind);
  const usedBy = retire.error instanceof ApiError ? (retire.error.problem.usedBy ?? []) : [];
  return (
    <InlineForm
      onSubmit={() => retire.mutate(item.code, { onSuccess: (x) => onDone(t('referenceData.retired', { name: isolate(x.name) })) })}
      submitLabel={t('referenceData.confirmRetire')}
      pending={retire.isPending}
      onBack={onBack}
      danger
    >
      <Paragraph>{t(kind === 'case-tables' ? 'referenceData.retireWarningCaseTable' : 'referenceData.retireWarning', { name: isolate(item.name) })}</Paragraph>
      <ProblemAlert error={retire.error} />
      {usedBy.length > 0 ? (
        <UnorderedList>
          {usedBy.map((u) => (
            <UnorderedListItem key={u}>{u}</UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
    </InlineForm>
  );
}

/** The members of a casustafel: remove one, or add a requester (not to a retired casustafel). */
function MembersForm({ item, requesters, onBack }: { item: ReferenceItem; requesters: MemberChoice[]; onBack: () => void }) {
  const { t } = useTranslation();
  const member = useCaseTableMember();
  const [done, setDone] = useState<string | null>(null);
  const schema = useMemo(() => z.object({ userId: requiredChoice(t, t('referenceData.chooseMember')) }), [t]);
  const form = useSchemaForm({
    schema,
    defaultValues: { userId: '' },
    ids: { userId: `member-${item.code}` },
    labels: { userId: t('referenceData.member') },
    focus: 'field',
  });
  const current = new Set(item.members.map((m) => m.userId));
  const add = form.submit(({ userId }) =>
    member.mutate(
      { code: item.code, userId, member: true },
      {
        onSuccess: () => {
          setDone(t('referenceData.memberAdded'));
          form.rhf.reset();
        },
      },
    ),
  );
  return (
    <div className="dsp-inline-form">
      <StatusMessage message={done} />
      <ProblemAlert error={member.error} />
      <UnorderedList>
        {item.members.map((m) => (
          <UnorderedListItem key={m.userId}>
            <bdi>{m.displayName}</bdi> <span className="dsp-muted">({m.email})</span>{' '}
            <Button
              appearance="subtle-button"
              disabled={member.isPending}
              onClick={() =>
                member.mutate({ code: item.code, userId: m.userId, member: false }, { onSuccess: () => setDone(t('referenceData.memberRemoved')) })
              }
            >
              {t('referenceData.removeMember', { name: m.displayName })}
            </Button>
          </UnorderedListItem>
        ))}
      </UnorderedList>
      {item.retiredAt ? (
        <Paragraph>{t('referenceData.retiredNoMembers')}</Paragraph>
      ) : (
        <InlineForm onSubmit={add} submitLabel={t('referenceData.addMember')} pending={member.isPending} onBack={onBack}>
          <Field
            form={form}
            name="userId"
            kind="select"
            placeholder={t('referenceData.choose')}
            options={requesters.filter((r) => !current.has(r.id)).map((r) => ({ value: r.id, label: r.label }))}
            required
          />
        </InlineForm>
      )}
      {item.retiredAt ? (
        <Button appearance="secondary-action-button" onClick={onBack}>
          {t('common.back')}
        </Button>
      ) : null}
    </div>
  );
}
