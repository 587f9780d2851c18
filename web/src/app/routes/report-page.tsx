import { amsterdamDate, yearOf } from '@duidingspool/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { type ReportRequest, reportExportHref, useReport } from '../../features/reports/api/get-report.ts';
import { ReportForm, refusedFields } from '../../features/reports/components/report-form.tsx';
import { ReportView } from '../../features/reports/components/report-view.tsx';

/**
 * “Rapportage” for the coordinator (all sections) and finance (money): a period form, the report
 * with a chart and a table per figure, printing and the CSV/XLSX download. Loaded on demand with
 * the chart library.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const year = yearOf(amsterdamDate());
  const [request, setRequest] = useState<ReportRequest | null>({ preset: 'year-end', year, threshold: 5 });
  const report = useReport(request);
  return (
    <>
      <PageHeading>{t('reports.title')}</PageHeading>
      <Paragraph className="dsp-no-print">{t('reports.intro')}</Paragraph>
      <ReportForm initialYear={year} onRun={setRequest} pending={report.isFetching} error={report.error} />
      {report.isError && Object.keys(refusedFields(report.error)).length === 0 ? <ProblemAlert error={report.error} title={t('reports.failed')} /> : null}
      {report.isPending && request ? <Loading /> : null}
      {report.data && !report.isError ? (
        <>
          {request ? (
            <Paragraph className="dsp-no-print dsp-report-downloads">
              <a href={reportExportHref(request, 'xlsx')} download>
                {t('reports.downloadXlsx')}
              </a>{' '}
              ·{' '}
              <a href={reportExportHref(request, 'csv')} download>
                {t('reports.downloadCsv')}
              </a>{' '}
              ·{' '}
              <a href={reportExportHref(request, 'pdf')} download>
                {t('reports.downloadPdf')}
              </a>{' '}
              ·{' '}
              <button type="button" className="dsp-link-button" onClick={() => window.print()}>
                {t('reports.print')}
              </button>
            </Paragraph>
          ) : null}
          <ReportView report={report.data} />
        </>
      ) : null}
    </>
  );
}
