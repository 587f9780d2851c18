import {
  AbsenceListSchema,
  AbsenceSchema,
  ConflictListSchema,
  ConflictSchema,
  type CreateAbsenceBody,
  type CreateConflictBody,
  type PatchSpecialistProfileBody,
  SpecialistProfileSchema,
} from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';
import { specialistKeys } from './get-specialists.ts';

const base = (specialistId: string) => `/specialists/${encodeURIComponent(specialistId)}`;

/** `GET /specialists/{id}/profile` (coordinator; a specialist their own): the profile with `editableFields` and `assignability`. */
export function getProfile(specialistId: string, signal?: AbortSignal) {
  return apiRequest(`${base(specialistId)}/profile`, { schema: SpecialistProfileSchema, signal });
}

/** Query options of a specialist's profile. */
export const profileQueryOptions = (specialistId: string) =>
  queryOptions({ queryKey: specialistKeys.profile(specialistId), queryFn: ({ signal }) => getProfile(specialistId, signal) });

/** A specialist's profile. */
export function useProfile(specialistId: string) {
  return useQuery(profileQueryOptions(specialistId));
}

/** Changes the profile (only the fields the server listed in `editableFields`); refreshes the specialists. */
export function useUpdateProfile(specialistId: string) {
  return useRefreshingMutation(
    (body: PatchSpecialistProfileBody) => apiRequest(`${base(specialistId)}/profile`, { method: 'PATCH', body, schema: SpecialistProfileSchema }),
    [queryRoots.specialists],
    (profile, queryClient) => queryClient.setQueryData(specialistKeys.profile(specialistId), profile),
  );
}

/** `GET /specialists/{id}/absences`: absence periods by start date. */
export function useAbsences(specialistId: string) {
  return useQuery(
    queryOptions({
      queryKey: specialistKeys.absences(specialistId),
      queryFn: ({ signal }) => apiRequest(`${base(specialistId)}/absences`, { schema: AbsenceListSchema, signal }),
    }),
  );
}

/** Records an absence (both dates inclusive); refreshes the specialists (assignability). */
export function useAddAbsence(specialistId: string) {
  return useRefreshingMutation(
    (body: CreateAbsenceBody) => apiRequest(`${base(specialistId)}/absences`, { method: 'POST', body, schema: AbsenceSchema }),
    [queryRoots.specialists],
  );
}

/** Deletes an absence; refreshes the specialists (assignability). */
export function useDeleteAbsence() {
  return useRefreshingMutation((absenceId: string) => apiRequest(`/absences/${encodeURIComponent(absenceId)}`, { method: 'DELETE' }), [queryRoots.specialists]);
}

/** `GET /specialists/{id}/conflicts`: declared conflicts of interest with their notes (the specialist and coordinators). */
export function useConflicts(specialistId: string) {
  return useQuery(
    queryOptions({
      queryKey: [queryRoots.specialists, 'conflicts', specialistId],
      queryFn: ({ signal }) => apiRequest(`${base(specialistId)}/conflicts`, { schema: ConflictListSchema, signal }),
    }),
  );
}

/** Declares a conflict of interest; refreshes the specialists (suggestions, assignability). */
export function useAddConflict(specialistId: string) {
  return useRefreshingMutation(
    (body: CreateConflictBody) => apiRequest(`${base(specialistId)}/conflicts`, { method: 'POST', body, schema: ConflictSchema }),
    [queryRoots.specialists],
  );
}

/** Withdraws a declared conflict of interest; refreshes the specialists. */
export function useDeleteConflict() {
  return useRefreshingMutation(
    (conflictId: string) => apiRequest(`/conflicts/${encodeURIComponent(conflictId)}`, { method: 'DELETE' }),
    [queryRoots.specialists],
  );
}
