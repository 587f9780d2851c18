import type { FinancialStatement, StatementBudgetLine, StatementLine } from '@duidingspool/shared';
import { Alert, Button, Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/confirm-action.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { formatCents, formatInstant, formatMinutes } from '../../../lib/format.ts';
import { statementDocumentUrl, useAdoptStatement, usePrepareStatement, useStatement } from '../api/statements.ts';

/** Hours and amount per activity or per specialist, with the total in the footer row. */
function LinesTable({ caption, keyLabel, lines }: { caption: string; keyLabel: string; lines: StatementLine[] }) {
  const { t } = useTranslation();
  const minutes = lines.reduce((s, l) => s + l.minutes, 0);
  const cents = lines.reduce((s, l) => s + l.amountCents, 0);
  return (
    <DataTable caption={caption} columns={[keyLabel, t('statement.hours'), t('statement.amount')]}>
      {lines.map((l) => (
        <TableRow key={l.key}>
          <TableHeaderCell scope="row">
            <bdi>{l.label}</bdi>
          </TableHeaderCell>
          <TableCell className="dsp-num">{formatMinutes(l.minutes)}</TableCell>
          <TableCell className="dsp-num">{formatCents(l.amountCents)}</TableCell>
        </TableRow>
      ))}
      <TableRow>
        <TableHeaderCell scope="row">{t('statement.total')}</TableHeaderCell>
        <TableCell className="dsp-num">{formatMinutes(minutes)}</TableCell>
        <TableCell className="dsp-num">{formatCents(cents)}</TableCell>
      </TableRow>
    </DataTable>
  );
}

/** Per budget line with its funding source: allocated, hours, spent and unused (decision 094). */
function BudgetLinesTable({ lines }: { lines: StatementBudgetLine[] }) {
  const { t } = useTranslation();
  const sum = (pick: (l: StatementBudgetLine) => number) => lines.reduce((s, l) => s + pick(l), 0);
  return (
    <DataTable
      caption={t('statement.byLine')}
      columns={[t('statement.line'), t('statement.fundingSource'), t('statement.allocated'), t('statement.hours'), t('statement.spent'), t('statement.unused')]}
    >
      {lines.map((l) => (
        <TableRow key={l.key}>
          <TableHeaderCell scope="row">
            <bdi>{l.label}</bdi>
          </TableHeaderCell>
          <TableCell>{t(`fundingSources.${l.fundingSource}`)}</TableCell>
          <TableCell className="dsp-num">{formatCents(l.allocatedCents)}</TableCell>
          <TableCell className="dsp-num">{formatMinutes(l.minutes)}</TableCell>
          <TableCell className="dsp-num">{formatCents(l.amountCents)}</TableCell>
          <TableCell className="dsp-num">{formatCents(l.unusedCents)}</TableCell>
        </TableRow>
      ))}
      <TableRow>
        <TableHeaderCell scope="row">{t('statement.total')}</TableHeaderCell>
        <TableCell />
        <TableCell className="dsp-num">{formatCents(sum((l) => l.allocatedCents))}</TableCell>
        <TableCell className="dsp-num">{formatMinutes(sum((l) => l.minutes))}</TableCell>
        <TableCell className="dsp-num">{formatCents(sum((l) => l.amountCents))}</TableCell>
        <TableCell className="dsp-num">{formatCents(sum((l) => l.unusedCents))}</TableCell>
      </TableRow>
    </DataTable>
  );
}

/** The figures, reconciliation, signatures and hash of one statement. */
function StatementFigures({ statement }: { statement: FinancialStatement }) {
  const { t } = useTranslation();
  const c = statement.content;
  return (
    <>
      <dl className="dsp-meta">
        <dt>{t('statement.state')}</dt>
        <dd>{statement.status === 'adopted' ? t('statement.adopted') : t('statement.prepared')}</dd>
        <dt>{t('statement.fundingSource')}</dt>
        <dd>
          <bdi>{c.fundingSource}</bdi>
        </dd>
        <dt>{t('statement.allocated')}</dt>
        <dd>{formatCents(c.allocatedCents)}</dd>
        <dt>{t('statement.spent')}</dt>
        <dd>{formatCents(c.totals.spentCents)}</dd>
        <dt>{t('statement.unused')}</dt>
        <dd>{formatCents(c.totals.unusedCents)}</dd>
        <dt>{t('statement.corrections')}</dt>
        <dd>{t('statement.correctionsValue', { count: c.corrections.count, amount: formatCents(c.corrections.amountCents) })}</dd>
        <dt>{t('statement.preparedBy')}</dt>
        <dd>
          <bdi>{statement.preparedByName}</bdi>, {formatInstant(statement.preparedAt)}
        </dd>
        {statement.adoptedByName && statement.adoptedAt ? (
          <>
            <dt>{t('statement.adoptedBy')}</dt>
            <dd>
              <bdi>{statement.adoptedByName}</bdi>, {formatInstant(statement.adoptedAt)}
            </dd>
          </>
        ) : null}
        <dt>{t('statement.sha256')}</dt>
        <dd>
          <code className="dsp-hash">{statement.sha256}</code>
        </dd>
      </dl>
      {c.byLine ? <BudgetLinesTable lines={c.byLine} /> : null}
      <LinesTable caption={t('statement.byActivity')} keyLabel={t('statement.activity')} lines={c.byActivity} />
      <LinesTable caption={t('statement.bySpecialist')} keyLabel={t('statement.specialist')} lines={c.bySpecialist} />
      <Heading level={3}>{t('statement.reconciliation')}</Heading>
      <DataTable caption={t('statement.reconciliationCaption')} columns={[t('statement.source'), t('statement.amount')]}>
        <TableRow>
          <TableHeaderCell scope="row">{t('statement.statementTotal')}</TableHeaderCell>
          <TableCell className="dsp-num">{formatCents(c.reconciliation.statementTotalCents)}</TableCell>
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row">{t('statement.ledgerTotal')}</TableHeaderCell>
          <TableCell className="dsp-num">{formatCents(c.reconciliation.approvedLedgerCents)}</TableCell>
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row">{t('statement.budgetSpent')}</TableHeaderCell>
          <TableCell className="dsp-num">{formatCents(c.reconciliation.budgetSpentCents)}</TableCell>
        </TableRow>
      </DataTable>
      {c.reconciliation.differences.length === 0 ? (
        <Paragraph>{t('statement.reconciles')}</Paragraph>
      ) : (
        <Alert type="warning">
          <ul>
            {c.reconciliation.differences.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}

/**
 * The statement of `year`: prepare (finance, for a closed year), read, adopt after confirming
 * (a second person), download it as XLSX or tagged PDF; after adoption, what changed in the ledger since.
 */
export function StatementView({ year, canPrepare }: { year: number; canPrepare: boolean }) {
  const { t } = useTranslation();
  const query = useStatement(year);
  const prepare = usePrepareStatement();
  const adopt = useAdoptStatement();
  const [done, setDone] = useState<string | null>(null);
  if (!query.isSuccess) return <QueryFallback query={query} />;
  const statement = query.data;
  const adopted = statement?.status === 'adopted';
  // With a statement, the server says whether it may be prepared again; without one, finance may try.
  const mayPrepare = statement ? statement.allowedActions.includes('prepare') : canPrepare;
  const prepareButton =
    mayPrepare && !adopted ? (
      <Button
        appearance={statement ? 'secondary-action-button' : 'primary-action-button'}
        busy={prepare.isPending}
        disabled={prepare.isPending}
        onClick={() => prepare.mutate(year, { onSuccess: () => setDone(t('statement.preparedDone', { year })) })}
      >
        {statement ? t('statement.prepareAgain') : t('statement.prepare')}
      </Button>
    ) : null;
  return (
    <section aria-labelledby="statement-heading">
      <Heading level={2} id="statement-heading">
        {t('statement.heading', { year })}
      </Heading>
      <StatusMessage message={done} />
      <ProblemAlert error={prepare.error ?? adopt.error} />
      {!statement ? (
        <>
          <Paragraph>{canPrepare ? t('statement.noneFinance', { year }) : t('statement.none', { year })}</Paragraph>
          {prepareButton}
        </>
      ) : (
        <>
          {statement.changesSinceAdoption.length > 0 ? (
            <Alert type="warning">
              <Paragraph>{t('statement.changesSince')}</Paragraph>
              <ul>
                {statement.changesSinceAdoption.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {statement.notReady ? (
            <Alert type="info">
              <Paragraph>{t('statement.notReady', { reason: statement.notReady })}</Paragraph>
            </Alert>
          ) : null}
          <StatementFigures statement={statement} />
          <Paragraph>
            <a className="utrecht-link utrecht-link--html-a" href={statementDocumentUrl(year, 'xlsx')} download>
              {adopted ? t('statement.download') : t('statement.downloadDraft')}
            </a>
            {statement.documentFormats.includes('pdf') ? (
              <>
                {' '}
                ·{' '}
                <a className="utrecht-link utrecht-link--html-a" href={statementDocumentUrl(year, 'pdf')} download>
                  {adopted ? t('statement.downloadPdf') : t('statement.downloadDraftPdf')}
                </a>
              </>
            ) : null}
          </Paragraph>
          {statement.allowedActions.includes('adopt') ? (
            <ConfirmAction
              label={t('statement.adopt', { year })}
              appearance="primary-action-button"
              pending={adopt.isPending}
              text={{
                question: t('statement.adoptQuestionShort', { year }),
                consequences: [t('statement.adoptSpent', { amount: formatCents(statement.content.totals.spentCents) }), t('statement.adoptFrozen')],
                confirmLabel: t('statement.adoptConfirm', { year }),
              }}
              onConfirm={() => {
                adopt.mutate({ year, sha256: statement.sha256 }, { onSuccess: () => setDone(t('statement.adoptedDone', { year })) });
                return undefined;
              }}
            />
          ) : statement.status === 'prepared' && !canPrepare ? null : statement.status === 'prepared' && !statement.notReady ? (
            <Paragraph>{t('statement.otherAdopts')}</Paragraph>
          ) : null}{' '}
          {prepareButton}
        </>
      )}
    </section>
  );
}
