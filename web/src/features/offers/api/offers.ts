import { type CreateOfferBody, type DecideOfferBody, OfferSchema, type OfferStatus, pageOf } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { listKeys, type PageParams, pageQueryOptions } from '../../../lib/page-query.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

const OfferPageSchema = pageOf(OfferSchema);

/** Query parameters of the offer list. */
export interface OfferListParams extends PageParams {
  status?: OfferStatus;
}

/** Query keys of offers. */
export const offerKeys = listKeys<typeof queryRoots.offers, OfferListParams>(queryRoots.offers);

/** `GET /offers`: a page of the coordinator's offers the user may see (coordinator: all; members: to their casustafel or municipality), open first. */
export function useOffers(params: OfferListParams) {
  return useQuery(pageQueryOptions(offerKeys.list(params), '/offers', OfferPageSchema, { ...params }));
}

/** `POST /offers` (coordinator): offers work to one casustafel or municipality; refreshes the offers. */
export function useCreateOffer() {
  return useRefreshingMutation((body: CreateOfferBody) => apiRequest('/offers', { method: 'POST', body, schema: OfferSchema }), [queryRoots.offers]);
}

/**
 * `PATCH /offers/{id}`: a member accepts (a request of the offered type is submitted: the requests
 * and the inbox change too) or declines, the coordinator withdraws.
 */
export function useDecideOffer() {
  return useRefreshingMutation(
    ({ id, body }: { id: string; body: DecideOfferBody }) => apiRequest(`/offers/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: OfferSchema }),
    [queryRoots.offers, queryRoots.requests, queryRoots.notifications],
  );
}
