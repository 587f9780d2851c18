import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from '@duidingspool/shared';
import { Button, Heading2, Heading3, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { SelectField } from '../../../components/form-field.tsx';
import { PagedList, QueryView } from '../../../components/query-view.tsx';
import { formatCents, formatDate, formatInstant, formatInteger, formatMinutes } from '../../../lib/format.ts';
import { useBreakdown } from '../api/get-breakdown.ts';
import { type LedgerQuery, useLedgerEntries } from '../api/get-ledger-entries.ts';

/** Breakdowns of the year's cost by one dimension, drilling down to the ledger lines of one row. */
export function BudgetBreakdown({ year }: { year: number }) {
  const { t } = useTranslation();
  const [dimension, setDimension] = useState<BreakdownDimension>('safety-region');
  const [drill, setDrill] = useState<{ query: LedgerQuery; label: string } | null>(null);
  const breakdown = useBreakdown(year, dimension);
  // A hidden amount (small-cell suppression, decision 094): the sign, and in words for a screen reader.
  const hidden = (
    <>
      <span aria-hidden="true">×</span>
      <span className="dsp-visually-hidden">{t('budget.breakdown.hidden')}</span>
    </>
  );
  return (
    <section aria-labelledby="breakdown-heading" className="dsp-section">
      <Heading2 id="breakdown-heading">{t('budget.breakdown.heading')}</Heading2>
      <div className="dsp-toolbar">
        <SelectField
          id="breakdown-dimension"
          label={t('budget.breakdown.dimension')}
          value={dimension}
          onChange={(v) => {
            setDimension(v as BreakdownDimension);
            setDrill(null);
          }}
          options={BREAKDOWN_DIMENSIONS.map((d) => ({ value: d, label: t(`budget.breakdown.dimensions.${d}`) }))}
        />
      </div>
      {dimension === 'expertise-area' ? <Paragraph className="dsp-muted">{t('budget.breakdown.expertiseNote')}</Paragraph> : null}
      <QueryView query={breakdown} empty={t('budget.breakdown.empty')} isEmpty={(rows) => rows.items.length === 0}>
        {(rows) => (
          <>
            {rows.threshold !== null ? (
              <Paragraph className="dsp-muted">{t('budget.breakdown.suppressionNote', { threshold: rows.threshold })}</Paragraph>
            ) : null}
            <DataTable
              caption={t('budget.breakdown.caption', { dimension: t(`budget.breakdown.dimensions.${dimension}`), year })}
              columns={[
                t(`budget.breakdown.dimensions.${dimension}`),
                { label: t('budget.spent'), className: 'dsp-num' },
                { label: t('budget.pending'), className: 'dsp-num' },
                { label: t('budget.breakdown.entries'), className: 'dsp-num' },
                ...(rows.threshold !== null ? [{ label: t('budget.breakdown.requests'), className: 'dsp-num' }] : []),
                t('common.actions'),
              ]}
              showCaption
            >
              {rows.items.map((item) => (
                <TableRow key={item.key}>
                  <TableHeaderCell scope="row">{item.label}</TableHeaderCell>
                  <TableCell className="dsp-num dsp-nowrap">{item.spentCents === null ? hidden : formatCents(item.spentCents)}</TableCell>
                  <TableCell className="dsp-num dsp-nowrap">{item.pendingCents === null ? hidden : formatCents(item.pendingCents)}</TableCell>
                  <TableCell className="dsp-num">{item.entryCount === null ? hidden : formatInteger(item.entryCount)}</TableCell>
                  {rows.threshold !== null ? (
                    <TableCell className="dsp-num dsp-nowrap">
                      {item.requests === null ? hidden : 'value' in item.requests ? formatInteger(item.requests.value) : `< ${item.requests.below}`}
                    </TableCell>
                  ) : null}
                  <TableCell>
                    <Button
                      appearance="secondary-action-button"
                      aria-pressed={drill?.query.key === item.key}
                      onClick={() => setDrill({ query: { dimension, key: item.key, page: 1, pageSize: 20 }, label: item.label })}
                    >
                      {t('budget.breakdown.showEntries')}
                      <span className="dsp-visually-hidden"> {item.label}</span>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </DataTable>
          </>
        )}
      </QueryView>
      {drill ? (
        <LedgerLines year={year} query={drill.query} label={drill.label} onPage={(page) => setDrill({ ...drill, query: { ...drill.query, page } })} />
      ) : null}
    </section>
  );
}

function LedgerLines({ year, query, label, onPage }: { year: number; query: LedgerQuery; label: string; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const entries = useLedgerEntries(year, query);
  return (
    <div className="dsp-section" aria-live="polite">
      <Heading3>{t('budget.breakdown.entriesOf', { label })}</Heading3>
      <PagedList query={entries} page={query.page} onPageChange={onPage} paginationLabel={t('budget.breakdown.entriesOf', { label })}>
        {(items, data) => (
          <>
            {/* Wide: it scrolls sideways, so it takes focus for keyboard users. */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
            <section className="dsp-table-scroll" tabIndex={0} aria-label={t('budget.breakdown.entriesOf', { label })}>
              <DataTable
                caption={t('budget.breakdown.entriesCaption', { label, total: data.total })}
                columns={[
                  t('budget.ledger.date'),
                  t('budget.ledger.reference'),
                  t('budget.ledger.specialist'),
                  t('budget.ledger.municipality'),
                  t('budget.ledger.activity'),
                  { label: t('budget.ledger.duration'), className: 'dsp-num' },
                  { label: t('budget.ledger.amount'), className: 'dsp-num' },
                  t('budget.ledger.status'),
                  t('budget.ledger.approved'),
                ]}
                showCaption
                scroll={false}
              >
                {items.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell className="dsp-nowrap">{formatDate(e.workedOn)}</TableCell>
                    <TableCell className="dsp-nowrap">{e.poolReference}</TableCell>
                    <TableCell>
                      <bdi>{e.specialistName}</bdi>
                    </TableCell>
                    <TableCell>{e.municipalityName}</TableCell>
                    <TableCell>{e.correctsEntryId ? t('budget.ledger.correction', { activity: e.activity }) : e.activity}</TableCell>
                    <TableCell className="dsp-num dsp-nowrap">{formatMinutes(e.minutes)}</TableCell>
                    <TableCell className="dsp-num dsp-nowrap">{formatCents(e.amountCents)}</TableCell>
                    <TableCell>{t(`budget.ledger.statuses.${e.status}`)}</TableCell>
                    <TableCell className="dsp-nowrap">{e.status === 'approved' ? `${formatInstant(e.reviewedAt)} · ${e.reviewerName ?? ''}` : '–'}</TableCell>
                  </TableRow>
                ))}
              </DataTable>
            </section>
          </>
        )}
      </PagedList>
    </div>
  );
}
