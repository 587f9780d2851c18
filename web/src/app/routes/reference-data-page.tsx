import { REFERENCE_KINDS, type ReferenceKind } from '@duidingspool/shared';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useReferenceItems } from '../../features/reference-data/api/reference-items.ts';
import { AddReferenceItemForm } from '../../features/reference-data/components/add-reference-item-form.tsx';
import { ReferenceItemsTable } from '../../features/reference-data/components/reference-items-table.tsx';
import { useUserChoices } from '../../features/users/api/users.ts';

/**
 * “Referentiegegevens” for the admin: per kind (safety regions, safety houses, municipalities,
 * casustafels, expertise areas, activities) the list with retired items marked, a form to add one,
 * and per item rename, retire and (casustafels) members.
 */
export function ReferenceDataPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ReferenceKind>('case-tables');
  const items = useReferenceItems(kind);
  const users = useUserChoices(kind === 'case-tables');
  const requesters = (users.data?.items ?? [])
    .filter((u) => u.isActive && u.roles.includes('requester'))
    .map((u) => ({ id: u.id, label: `${u.displayName} (${u.email})` }));
  return (
    <>
      <PageHeading>{t('referenceData.title')}</PageHeading>
      <Paragraph>{t('referenceData.intro')}</Paragraph>
      <nav aria-label={t('referenceData.kindsLabel')}>
        <ButtonGroup>
          {REFERENCE_KINDS.map((k) => (
            <Button key={k} appearance={k === kind ? 'primary-action-button' : 'secondary-action-button'} aria-pressed={k === kind} onClick={() => setKind(k)}>
              {t(`referenceData.kinds.${k}`)}
            </Button>
          ))}
        </ButtonGroup>
      </nav>
      <section aria-labelledby="reference-kind-heading" className="dsp-section">
        <Heading2 id="reference-kind-heading">{t(`referenceData.kinds.${kind}`)}</Heading2>
        <section aria-labelledby="reference-add-heading" className="dsp-section dsp-narrow">
          <Heading3 id="reference-add-heading">{t('referenceData.addHeading')}</Heading3>
          <AddReferenceItemForm key={kind} kind={kind} />
        </section>
        {items.isPending ? <Loading /> : null}
        <ProblemAlert error={items.error} />
        <ProblemAlert error={users.error} />
        {items.data ? <ReferenceItemsTable key={kind} kind={kind} items={items.data.items} requesters={requesters} /> : null}
      </section>
    </>
  );
}
