import { REPORT_LABELS, type Report, type ReportCell, type ReportTable, type ReportUnit } from '@duidingspool/shared';
import { Alert, Heading2, Heading3, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { formatCents, formatDate, formatInteger, formatMinutes } from '../../../lib/format.ts';
import { ReportChart } from './report-chart.tsx';

function formatValue(value: number, unit: ReportUnit): string {
  if (unit === 'cents') return formatCents(value);
  if (unit === 'minutes') return formatMinutes(value);
  if (unit === 'percent') return `${formatInteger(value)} %`;
  return formatInteger(value);
}

/** One published figure: its value, “< 5”, or “×” (hidden to protect a small count), read out in words. */
function Figure({ cell, unit }: { cell: ReportCell | null | undefined; unit: ReportUnit }) {
  const { t } = useTranslation();
  if (!cell) return null;
  if (cell.kind === 'value') return <>{formatValue(cell.value, unit)}</>;
  if (cell.kind === 'small')
    return (
      <>
        <span aria-hidden="true">{`< ${cell.below}`}</span>
        <VisuallyHidden>{t('reports.small', { below: cell.below })}</VisuallyHidden>
      </>
    );
  return (
    <>
      <span aria-hidden="true">×</span>
      <VisuallyHidden>{t('reports.hidden')}</VisuallyHidden>
    </>
  );
}

/** A report table with its chart: the chart is decoration, the table holds every figure. */
function ReportTableView({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  const rowTotals = table.rows.some((r) => r.total !== null);
  const columns = [
    t('reports.rowHeader'),
    ...table.columns.map((c) => ({ label: c.label, className: 'dsp-num' })),
    ...(rowTotals ? [{ label: table.totalLabel ?? t('reports.total'), className: 'dsp-num' }] : []),
  ];
  const headingId = `report-table-${table.id}`;
  return (
    <section aria-labelledby={headingId} className="dsp-report-table">
      <Heading3 id={headingId}>{table.title}</Heading3>
      {table.note ? <Paragraph className="dsp-muted">{table.note}</Paragraph> : null}
      <ReportChart table={table} />
      {table.rows.length === 0 ? (
        <Paragraph>{t('reports.noRows')}</Paragraph>
      ) : (
        <DataTable
          caption={table.title}
          scrollLabel={table.title}
          columns={columns}
          footer={
            table.columnTotals ? (
              <>
                <TableHeaderCell scope="row">{table.totalLabel ?? t('reports.total')}</TableHeaderCell>
                {table.columns.map((c, i) => (
                  <TableCell key={c.key} className="dsp-num">
                    <Figure cell={table.columnTotals?.[i]} unit={c.unit} />
                  </TableCell>
                ))}
                {rowTotals ? (
                  <TableCell className="dsp-num">
                    <Figure cell={table.total} unit="count" />
                  </TableCell>
                ) : null}
              </>
            ) : undefined
          }
        >
          {table.rows.map((r) => (
            <TableRow key={r.key}>
              <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
              {table.columns.map((c, i) => (
                <TableCell key={c.key} className="dsp-num">
                  <Figure cell={r.cells[i]} unit={c.unit} />
                </TableCell>
              ))}
              {rowTotals ? (
                <TableCell className="dsp-num">
                  <Figure cell={r.total} unit="count" />
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** The whole report: period, the threshold applied (printed on every report), and each section's tables. */
export function ReportView({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="dsp-report">
      <Heading2>{t('reports.period', { from: formatDate(report.from), to: formatDate(report.to) })}</Heading2>
      {report.publishable ? null : (
        <Alert type="warning">
          <Paragraph>{REPORT_LABELS[i18n.language === 'en' ? 'en' : 'nl'].internal}</Paragraph>
        </Alert>
      )}
      <Paragraph className="dsp-report-threshold">{t('reports.threshold', { threshold: report.threshold, below: report.threshold - 1 })}</Paragraph>
      {report.sections.map((s) => (
        <section key={s.id} aria-labelledby={`report-section-${s.id}`} className="dsp-section dsp-report-section">
          <Heading2 id={`report-section-${s.id}`}>{s.title}</Heading2>
          {s.tables.map((table) => (
            <ReportTableView key={table.id} table={table} />
          ))}
        </section>
      ))}
    </div>
  );
}
