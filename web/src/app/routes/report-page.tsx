import { amsterdamDate, DEFAULT_SUPPRESSION_THRESHOLD, yearOf } from '@duidingspool/shared';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { REPORT_ADDRESS_KEYS, reportExportHref, reportQueryString, reportRequestOf, useReport } from '../../features/reports/api/get-report.ts';
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
  // The period shown is kept in the address, so a reload or a shared link shows the same report.
  const [params, setParams] = useSearchParams();
  const asked = reportRequestOf(params);
  // An address that names a period the API would refuse (a shared link typed by hand) says so.
  const badAddress = asked === null && REPORT_ADDRESS_KEYS.some((k) => params.has(k));
  // A period the form refused asks for no report: none is shown rather than the one before it.
  const [refused, setRefused] = useState(false);
  const request = refused ? null : (asked ?? { preset: 'year-end' as const, year, threshold: DEFAULT_SUPPRESSION_THRESHOLD });
  const report = useReport(request);
  return (
    <>
      <PageHeading>{t('reports.title')}</PageHeading>
      <Paragraph className="dsp-no-print">{t('reports.intro')}</Paragraph>
      {badAddress ? (
        <Alert type="warning" className="dsp-no-print">
          <Paragraph>{t('reports.badAddress', { year })}</Paragraph>
        </Alert>
      ) : null}
      <ReportForm
        initialYear={year}
        initial={asked}
        onRun={(r) => {
          setRefused(r === null);
          // Each period asked is a step in the browser's history: Back shows the one before.
          if (r !== null) setParams(new URLSearchParams(reportQueryString(r)));
        }}
        pending={report.isFetching}
        error={report.error}
      />
      {report.isError && Object.keys(refusedFields(report.error)).length === 0 ? <ProblemAlert error={report.error} title={t('reports.failed')} /> : null}
      {report.isPending && request ? <Loading /> : null}
      {request !== null && report.data && !report.isError ? (
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
