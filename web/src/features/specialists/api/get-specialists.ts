import { pageOf, SpecialistSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query parameters of the specialist list. */
export interface SpecialistListParams {
  expertiseAreaCode?: string;
  language?: string;
  /** Whether each can be assigned is answered for this date (a request's meeting date); today when left out. */
  meetingDate?: string | undefined;
  page?: number;
  pageSize?: number;
}

/** Query keys of specialists. */
export const specialistKeys = {
  all: [queryRoots.specialists] as const,
  list: (params: SpecialistListParams) => [queryRoots.specialists, 'list', params] as const,
  rates: (specialistId: string) => [queryRoots.specialists, 'rates', specialistId] as const,
  profile: (specialistId: string) => [queryRoots.specialists, 'profile', specialistId] as const,
  absences: (specialistId: string) => [queryRoots.specialists, 'absences', specialistId] as const,
};

const SpecialistPageSchema = pageOf(SpecialistSchema);

/** `GET /specialists` (coordinator): specialists with expertise, languages, rate, current load and whether they can be assigned. */
export function getSpecialists(params: SpecialistListParams, signal?: AbortSignal) {
  return apiRequest('/specialists', {
    query: {
      expertiseAreaCode: params.expertiseAreaCode,
      language: params.language,
      meetingDate: params.meetingDate,
      page: params.page ?? 1,
      pageSize: params.pageSize ?? 100,
    },
    schema: SpecialistPageSchema,
    signal,
  });
}

/** Query options of a page of specialists. */
export const specialistsQueryOptions = (params: SpecialistListParams) =>
  queryOptions({ queryKey: specialistKeys.list(params), queryFn: ({ signal }) => getSpecialists(params, signal) });

/** A page of specialists (up to 100: the pool is small). */
export function useSpecialists(params: SpecialistListParams = {}) {
  return useQuery(specialistsQueryOptions(params));
}
