import type { TimeEntryStatus } from '@duidingspool/shared';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-field.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PendingExtensions } from '../../features/extension-requests/components/pending-extensions.tsx';
import { ApprovalsTable } from '../../features/time-entries/components/approvals-table.tsx';
import { ApprovedEntriesTable } from '../../features/time-entries/components/approved-entries-table.tsx';

/**
 * The coordinator's “Uren goedkeuren”: entries waiting for approval (per row or in bulk), or
 * approved entries to correct; and the open requests for more hours.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<TimeEntryStatus>('submitted');
  return (
    <>
      <PageHeading>{t('approvals.title')}</PageHeading>
      <Paragraph>{t('approvals.intro')}</Paragraph>
      <section aria-labelledby="entries-view-heading" className="dsp-section">
        <Heading2 id="entries-view-heading">{view === 'submitted' ? t('approvals.submittedHeading') : t('approvals.approvedHeading')}</Heading2>
        <div className="dsp-toolbar">
          <SelectField
            id="approvals-view"
            label={t('approvals.view')}
            value={view}
            onChange={(v) => setView(v === 'approved' ? 'approved' : 'submitted')}
            options={[
              { value: 'submitted', label: t('approvals.views.submitted') },
              { value: 'approved', label: t('approvals.views.approved') },
            ]}
          />
        </div>
        {view === 'submitted' ? <ApprovalsTable /> : <ApprovedEntriesTable />}
      </section>
      <section aria-labelledby="extensions-heading" className="dsp-section">
        <Heading2 id="extensions-heading">{t('extensions.pendingHeading')}</Heading2>
        <Paragraph>{t('extensions.pendingIntro')}</Paragraph>
        <PendingExtensions />
      </section>
    </>
  );
}
