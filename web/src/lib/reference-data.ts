import { type ReferenceData, ReferenceDataSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from './api-client.ts';
import { queryRoots } from './query-roots.ts';

/** Fetches `GET /reference-data`: expertise areas and activities with Dutch and English names. */
export function getReferenceData(signal?: AbortSignal): Promise<ReferenceData> {
  return apiRequest('/reference-data', { schema: ReferenceDataSchema, signal });
}

/** Query options of the reference data, which rarely changes. */
export const referenceDataQueryOptions = () =>
  queryOptions({
    queryKey: [queryRoots.referenceData],
    queryFn: ({ signal }) => getReferenceData(signal),
    staleTime: 60 * 60 * 1000,
  });

/** Reference data shared by several features (expertise areas, activities). */
export function useReferenceData() {
  return useQuery(referenceDataQueryOptions());
}

/** Label look-ups for expertise-area, activity and safety-region codes in the UI language (falls back to the code). */
export function useReferenceLabels() {
  const { data } = useReferenceData();
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  const expertiseArea = useCallback(
    (code: string) => {
      const item = data?.expertiseAreas.find((a) => a.code === code);
      return item ? (english ? item.nameEn : item.nameNl) : code;
    },
    [data, english],
  );
  const activity = useCallback(
    (code: string) => {
      const item = data?.activities.find((a) => a.code === code);
      return item ? (english ? item.nameEn : item.nameNl) : code;
    },
    [data, english],
  );
  const safetyRegion = useCallback((code: string) => data?.safetyRegions.find((r) => r.code === code)?.name ?? code, [data]);
  return { expertiseArea, activity, safetyRegion, ready: data !== undefined };
}
