import { CaseTableSchema, type Offer, type OfferStatus } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppLink } from '../../../components/app-link.tsx';
import { ConfirmAction } from '../../../components/confirm-action.tsx';
import { SelectField, TextareaField } from '../../../components/form-field.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { PagedList } from '../../../components/query-view.tsx';
import { apiRequest } from '../../../lib/api-client.ts';
import { formatDate, formatInstant, formatInteger } from '../../../lib/format.ts';
import { queryRoots } from '../../../lib/query-roots.ts';
import { useReferenceLabels } from '../../../lib/reference-data.ts';
import { useDecideOffer, useOffers } from '../api/offers.ts';

/** The municipalities each casustafel of the user serves (`GET /case-tables`), for accepting an offer to a casustafel. */
function useTableMunicipalities() {
  return useQuery({
    queryKey: [queryRoots.caseTables, 'offers'],
    queryFn: ({ signal }) => apiRequest('/case-tables', { query: { pageSize: 100 }, schema: z.object({ items: z.array(CaseTableSchema) }), signal }),
    staleTime: 10 * 60 * 1000,
  });
}

/** The organisation an offer is made to, in words: “casustafel X” or “gemeente Y”. */
function useTargetName() {
  const { t } = useTranslation();
  return (offer: Offer) =>
    offer.caseTableName !== null ? t('offers.toCaseTable', { name: offer.caseTableName }) : t('offers.toMunicipality', { name: offer.municipalityName ?? '' });
}

/** Accept (with the municipality the work is for when the offer is to a casustafel), decline (with an optional reason) or withdraw, as the server allows. */
function OfferActions({ offer, onDone }: { offer: Offer; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const decide = useDecideOffer();
  const tables = useTableMunicipalities();
  const [municipalityId, setMunicipalityId] = useState('');
  const [municipalityError, setMunicipalityError] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const typeLabel = t(`requestTypes.types.${offer.type}`);
  const municipalities = offer.caseTableId ? (tables.data?.items.find((c) => c.id === offer.caseTableId)?.municipalities ?? []) : [];
  const chosen = municipalities.length === 1 ? (municipalities[0]?.id ?? '') : municipalityId;
  if (offer.allowedActions.length === 0) return null;
  return (
    <div className="dsp-actions">
      <ProblemAlert error={decide.error} />
      {offer.allowedActions.includes('accept') ? (
        <ConfirmAction
          label={t('offers.accept.open')}
          accessibleName={`${t('offers.accept.open')} ${offer.title}`}
          appearance="primary-action-button"
          pending={decide.isPending}
          text={{
            question: t('offers.accept.question', { title: offer.title }),
            consequences: [t('offers.accept.consequenceRequest', { type: typeLabel }), t('offers.accept.consequenceRequester')],
            confirmLabel: t('offers.accept.confirm'),
          }}
          onConfirm={() => {
            if (offer.caseTableId && !chosen) {
              setMunicipalityError(t('offers.accept.municipalityRequired'));
              return false;
            }
            decide.mutate(
              { id: offer.id, body: { status: 'accepted', ...(offer.caseTableId ? { municipalityId: chosen } : {}) } },
              { onSuccess: (done) => onDone(t('offers.accept.done', { title: done.title, reference: done.request?.reference ?? '' })) },
            );
            return undefined;
          }}
        >
          {offer.caseTableId && municipalities.length > 1 ? (
            <SelectField
              id={`offer-${offer.id}-municipality`}
              label={t('offers.accept.municipality')}
              description={t('offers.accept.municipalityHint')}
              value={municipalityId}
              onChange={(value) => {
                setMunicipalityId(value);
                setMunicipalityError(undefined);
              }}
              placeholder={t('form.choose')}
              options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
              error={municipalityError}
              required
            />
          ) : null}
        </ConfirmAction>
      ) : null}
      {offer.allowedActions.includes('decline') ? (
        <ConfirmAction
          label={t('offers.decline.open')}
          accessibleName={`${t('offers.decline.open')} ${offer.title}`}
          pending={decide.isPending}
          text={{
            question: t('offers.decline.question', { title: offer.title }),
            consequences: [t('offers.decline.consequence')],
            confirmLabel: t('offers.decline.confirm'),
          }}
          onConfirm={() => {
            decide.mutate(
              { id: offer.id, body: { status: 'declined', ...(reason.trim() ? { reason: reason.trim() } : {}) } },
              { onSuccess: (done) => onDone(t('offers.decline.done', { title: done.title })) },
            );
            return undefined;
          }}
        >
          <TextareaField
            id={`offer-${offer.id}-reason`}
            label={t('offers.decline.reason')}
            description={t('offers.decline.reasonHint')}
            value={reason}
            onChange={setReason}
            rows={3}
            maxLength={1000}
            checkPersonalData
          />
        </ConfirmAction>
      ) : null}
      {offer.allowedActions.includes('withdraw') ? (
        <ConfirmAction
          label={t('offers.withdraw.open')}
          accessibleName={`${t('offers.withdraw.open')} ${offer.title}`}
          pending={decide.isPending}
          text={{
            question: t('offers.withdraw.question', { title: offer.title }),
            consequences: [t('offers.withdraw.consequence')],
            confirmLabel: t('offers.withdraw.confirm'),
          }}
          onConfirm={() => {
            decide.mutate({ id: offer.id, body: { status: 'withdrawn' } }, { onSuccess: (done) => onDone(t('offers.withdraw.done', { title: done.title })) });
            return undefined;
          }}
        />
      ) : null}
    </div>
  );
}

/** One offer as a card: what is offered, to whom, until when, its status and what became of it. */
function OfferItem({ offer, onDone }: { offer: Offer; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const target = useTargetName();
  return (
    <li className="dsp-card">
      <Heading level={3}>
        <bdi>{offer.title}</bdi>
      </Heading>
      <Paragraph>
        <strong>{t(`offers.status.${offer.status}`)}</strong> · {t(`requestTypes.types.${offer.type}`)} · {target(offer)}
      </Paragraph>
      <Paragraph className="dsp-prewrap">
        <bdi>{offer.description}</bdi>
      </Paragraph>
      <dl className="dsp-meta">
        <dt>{t('offers.fields.deliverable')}</dt>
        <dd>{t(`deliverable.${offer.deliverable}`)}</dd>
        <dt>{t('offers.fields.expertiseAreaCodes')}</dt>
        <dd>{offer.expertiseAreaCodes.map((c) => labels.expertiseArea(c)).join(', ')}</dd>
        {offer.meetingDate ? (
          <>
            <dt>{t('offers.fields.meetingDate')}</dt>
            <dd>{formatDate(offer.meetingDate)}</dd>
          </>
        ) : null}
        {offer.audiences.length > 0 ? (
          <>
            <dt>{t('offers.fields.audiences')}</dt>
            <dd>{offer.audiences.map((a) => t(`requestTypes.audience.${a}`)).join(', ')}</dd>
          </>
        ) : null}
        {offer.expectedParticipants !== null ? (
          <>
            <dt>{t('offers.fields.expectedParticipants')}</dt>
            <dd>{formatInteger(offer.expectedParticipants)}</dd>
          </>
        ) : null}
        {offer.place ? (
          <>
            <dt>{t('offers.fields.place')}</dt>
            <dd>
              <bdi>{offer.place}</bdi>
            </dd>
          </>
        ) : null}
        <dt>{t('offers.fields.validUntil')}</dt>
        <dd>{formatDate(offer.validUntil)}</dd>
        <dt>{t('offers.madeBy')}</dt>
        <dd>
          <bdi>{offer.createdByName}</bdi>, {formatInstant(offer.createdAt)}
        </dd>
        {offer.decidedAt ? (
          <>
            <dt>{t('offers.decidedBy')}</dt>
            <dd>
              <bdi>{offer.decidedByName ?? ''}</bdi>, {formatInstant(offer.decidedAt)}
            </dd>
          </>
        ) : null}
        {offer.declineReason ? (
          <>
            <dt>{t('offers.declineReason')}</dt>
            <dd>
              <bdi>{offer.declineReason}</bdi>
            </dd>
          </>
        ) : null}
        {offer.request ? (
          <>
            <dt>{t('offers.request')}</dt>
            <dd>
              <AppLink to={`/requests/${offer.request.id}`}>{offer.request.reference ?? t('offers.requestWithoutReference')}</AppLink>
            </dd>
          </>
        ) : null}
      </dl>
      <OfferActions offer={offer} onDone={onDone} />
    </li>
  );
}

/**
 * The offers the user may see as cards, open ones first (coordinators: every offer; members: those
 * made to their casustafel or municipality), with the actions the server allows on each; `status`
 * shows only offers in that state.
 */
export function OfferList({ status, headingLevel = 2 }: { status?: OfferStatus; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<string | null>(null);
  const query = useOffers({ page, pageSize: 20, ...(status ? { status } : {}) });
  return (
    <section aria-labelledby="offers-list-heading">
      <Heading level={headingLevel} id="offers-list-heading">
        {status === 'open' ? t('offers.openHeading') : t('offers.listHeading')}
      </Heading>
      <PagedList
        query={query}
        page={page}
        onPageChange={setPage}
        paginationLabel={t('offers.pagination')}
        empty={<Paragraph>{status === 'open' ? t('offers.emptyOpen') : t('offers.empty')}</Paragraph>}
        status={done}
      >
        {(items) => (
          <ul className="dsp-cards">
            {items.map((offer) => (
              <OfferItem key={offer.id} offer={offer} onDone={setDone} />
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}
