import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../components/app-link.tsx';
import { ExpertiseList, LanguageList } from '../../components/expertise-list.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { QueryFallback } from '../../components/query-view.tsx';
import { useCaseTables } from '../../features/interpretation-requests/api/get-case-tables.ts';
import { useProfile } from '../../features/specialists/api/profile.ts';
import { AbsencesPanel } from '../../features/specialists/components/absences-panel.tsx';
import { AssignabilityNote } from '../../features/specialists/components/assignability-note.tsx';
import { ConflictsPanel } from '../../features/specialists/components/conflicts-panel.tsx';
import { ProfileForm } from '../../features/specialists/components/profile-form.tsx';
import { hasRole, useMe } from '../../lib/auth.ts';
import { isolate } from '../../lib/bidi.ts';
import { formatDate, formatHoursMinutes } from '../../lib/format.ts';
import { useReferenceLabels } from '../../lib/reference-data.ts';
import { SectionBackLink } from '../section-back-link.tsx';

/**
 * A specialist's profile (`/specialists/:specialistId`): for the coordinator from the specialist
 * list, and “Mijn profiel” for the specialist. Shows the profile and whether the specialist can be
 * assigned today, the form with the fields the server says the reader may change, the declared
 * conflicts of interest and the absences.
 */
export function SpecialistProfilePage() {
  const { t } = useTranslation();
  const { specialistId = '' } = useParams();
  const me = useMe();
  const profile = useProfile(specialistId);
  const labels = useReferenceLabels();
  const caseTables = useCaseTables();
  if (!profile.isSuccess) return <QueryFallback query={profile} problemHeading={t('profile.notFoundTitle')} />;
  const p = profile.data;
  const own = me.data?.id === p.userId;
  return (
    <>
      <SectionBackLink />
      <PageHeading>{own ? t('profile.ownTitle') : t('profile.title', { name: isolate(p.displayName) })}</PageHeading>
      {hasRole(me.data, 'coordinator') && !own ? (
        <Paragraph>
          <AppLink to="/specialists">{t('profile.back')}</AppLink> · <AppLink to={`/specialists/${p.id}/rates`}>{t('specialists.ratesLink')}</AppLink>
        </Paragraph>
      ) : null}
      <section aria-labelledby="profile-summary-heading" className="dsp-section">
        <Heading2 id="profile-summary-heading">{t('profile.summaryHeading')}</Heading2>
        <DataList className="dsp-facts">
          <Fact label={t('profile.fields.assignability')}>
            <AssignabilityNote assignability={p.assignability} />
          </Fact>
          <Fact label={t('profile.fields.expertiseAreaCodes')}>
            {p.expertiseAreaCodes.length > 0 ? <ExpertiseList codes={p.expertiseAreaCodes} /> : t('profile.none')}
          </Fact>
          <Fact label={t('profile.fields.languages')}>{p.languages.length > 0 ? <LanguageList codes={p.languages} /> : t('profile.none')}</Fact>
          <Fact label={t('profile.fields.regionCodes')}>
            {p.regionCodes.length > 0 ? p.regionCodes.map(labels.safetyRegion).join(', ') : t('profile.none')}
          </Fact>
          <Fact label={t('profile.fields.capacity')}>{t('profile.capacityValue', { duration: formatHoursMinutes(p.capacityMinutesPerMonth) })}</Fact>
          <Fact label={t('profile.fields.screeningDate')}>
            {p.screeningDate && p.screeningValidUntil
              ? t('profile.screeningValue', { date: formatDate(p.screeningDate), until: formatDate(p.screeningValidUntil) })
              : t('profile.noScreening')}
          </Fact>
          <Fact label={t('profile.fields.bio')}>{p.bio ? <bdi className="dsp-prewrap">{p.bio}</bdi> : t('profile.none')}</Fact>
        </DataList>
      </section>
      {p.editableFields.some((f) => f !== 'absences' && f !== 'conflicts') ? (
        <section aria-labelledby="profile-form-heading" className="dsp-section dsp-panel">
          <Heading2 id="profile-form-heading">{t('profile.formHeading')}</Heading2>
          <ProfileForm key={p.id} profile={p} />
        </section>
      ) : null}
      {p.editableFields.includes('conflicts') || hasRole(me.data, 'coordinator') ? (
        <section aria-labelledby="conflicts-heading" className="dsp-section">
          <Heading2 id="conflicts-heading">{t('conflicts.heading')}</Heading2>
          <Paragraph>{t('conflicts.intro')}</Paragraph>
          <ConflictsPanel specialistId={p.id} editable={p.editableFields.includes('conflicts')} caseTables={caseTables.data?.items ?? []} />
        </section>
      ) : null}
      <section aria-labelledby="absences-heading" className="dsp-section">
        <Heading2 id="absences-heading">{t('absences.heading')}</Heading2>
        <Paragraph>{t('absences.intro')}</Paragraph>
        <AbsencesPanel specialistId={p.id} editable={p.editableFields.includes('absences')} />
      </section>
    </>
  );
}

/** One fact of the profile: a key and its value. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}
