import type { Budget, BudgetLine } from '@duidingspool/shared';
import { Alert, Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/confirm-action.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { formatCents } from '../../../lib/format.ts';
import { useDeleteBudgetLine } from '../api/budget-lines.ts';
import { BudgetLineForm } from './budget-line-form.tsx';

/** The highest threshold a line has reached, or null. */
const highestReached = (line: BudgetLine) => line.thresholds.filter((x) => x.reached).at(-1) ?? null;

/**
 * “Budgetregels en financieringsbronnen” (decision 094): each line of the year with its funding
 * source, allocation and running totals, the part of the year in no line, and the totals; a warning
 * per line that reached a threshold or is full; deleting a line nothing was booked on (confirmed);
 * the forms to add a line and to change one.
 */
export function BudgetLines({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const remove = useDeleteBudgetLine(budget.year);
  const [done, setDone] = useState<string | null>(null);
  const warnings = budget.lines.filter((l) => l.allocatedCents > 0 && (l.availableCents === 0 || highestReached(l)));
  const sum = (pick: (l: BudgetLine) => number) => budget.lines.reduce((s, l) => s + pick(l), 0);
  return (
    <section aria-labelledby="budget-lines-heading" className="dsp-section">
      <Heading2 id="budget-lines-heading">{t('budgetLines.heading')}</Heading2>
      <Paragraph>{t('budgetLines.intro')}</Paragraph>
      {warnings.length > 0 ? (
        <Alert type="warning">
          <ul>
            {warnings.map((l) => {
              const reached = highestReached(l);
              return (
                <li key={l.id}>
                  {l.availableCents === 0
                    ? t('budgetLines.full', { line: isolate(l.name) })
                    : t('budgetLines.thresholdReached', { line: isolate(l.name), percent: reached?.percent ?? 0 })}
                </li>
              );
            })}
          </ul>
        </Alert>
      ) : null}
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
      {done ? (
        <Alert type="ok">
          <Paragraph>{done}</Paragraph>
        </Alert>
      ) : null}
      <DataTable
        caption={t('budgetLines.caption', { year: budget.year })}
        columns={[
          t('budgetLines.line'),
          t('budgetLines.fundingSource'),
          { label: t('budget.allocated'), className: 'dsp-num' },
          { label: t('budget.reserved'), className: 'dsp-num' },
          { label: t('budget.pending'), className: 'dsp-num' },
          { label: t('budget.spent'), className: 'dsp-num' },
          { label: t('budget.available'), className: 'dsp-num' },
          t('budgetLines.actions'),
        ]}
        showCaption
      >
        {budget.lines.map((l) => (
          <TableRow key={l.id} data-testid={`budget-line-${l.code}`}>
            <TableHeaderCell scope="row">
              {l.name}
              {l.isDefault ? <span className="dsp-muted"> ({t('budgetLines.default')})</span> : null}
            </TableHeaderCell>
            <TableCell>{t(`fundingSources.${l.fundingSource}`)}</TableCell>
            <TableCell className="dsp-num dsp-nowrap">{formatCents(l.allocatedCents)}</TableCell>
            <TableCell className="dsp-num dsp-nowrap">{formatCents(l.reservedCents)}</TableCell>
            <TableCell className="dsp-num dsp-nowrap">{formatCents(l.pendingCents)}</TableCell>
            <TableCell className="dsp-num dsp-nowrap">{formatCents(l.spentCents)}</TableCell>
            <TableCell className="dsp-num dsp-nowrap">{formatCents(l.availableCents)}</TableCell>
            <TableCell>
              {l.allowedActions.includes('delete') ? (
                <ConfirmAction
                  label={t('budgetLines.delete')}
                  accessibleName={t('budgetLines.deleteName', { line: l.name })}
                  pending={remove.isPending}
                  text={{
                    question: t('budgetLines.deleteConfirm.question', { line: l.name, year: budget.year }),
                    consequences: [t('budgetLines.deleteConfirm.amount', { amount: formatCents(l.allocatedCents) })],
                    confirmLabel: t('budgetLines.deleteName', { line: l.name }),
                  }}
                  onConfirm={() => {
                    setDone(null);
                    remove.mutate(l.id, { onSuccess: () => setDone(t('budgetLines.deleted', { line: l.name })) });
                    return true;
                  }}
                />
              ) : (
                <span className="dsp-muted">{l.isDefault ? t('budgetLines.keepDefault') : t('budgetLines.keepBooked')}</span>
              )}
            </TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableHeaderCell scope="row">{t('budgetLines.unassigned')}</TableHeaderCell>
          <TableCell>–</TableCell>
          <TableCell className="dsp-num dsp-nowrap">{formatCents(budget.unassignedCents)}</TableCell>
          <TableCell className="dsp-num">–</TableCell>
          <TableCell className="dsp-num">–</TableCell>
          <TableCell className="dsp-num">–</TableCell>
          <TableCell className="dsp-num">–</TableCell>
          <TableCell />
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row">{t('budgetLines.total', { year: budget.year })}</TableHeaderCell>
          <TableCell />
          <TableCell className="dsp-num dsp-nowrap">{formatCents(budget.allocatedCents)}</TableCell>
          <TableCell className="dsp-num dsp-nowrap">{formatCents(sum((l) => l.reservedCents))}</TableCell>
          <TableCell className="dsp-num dsp-nowrap">{formatCents(sum((l) => l.pendingCents))}</TableCell>
          <TableCell className="dsp-num dsp-nowrap">{formatCents(sum((l) => l.spentCents))}</TableCell>
          <TableCell className="dsp-num dsp-nowrap">{formatCents(sum((l) => l.availableCents))}</TableCell>
          <TableCell />
        </TableRow>
      </DataTable>
      <Paragraph className="dsp-muted">{t('budgetLines.availableNote')}</Paragraph>
      <div className="dsp-panel">
        <BudgetLineForm key={`add-${budget.year}`} budget={budget} />
      </div>
      <div className="dsp-panel">
        <BudgetLineForm key={`edit-${budget.year}`} budget={budget} editing />
      </div>
    </section>
  );
}
