import { type KnowledgeListQuery, KnowledgeProductSchema, pageOf } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { API_BASE, apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { listKeys, pageQueryOptions } from '../../../lib/page-query.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

const KnowledgePageSchema = pageOf(KnowledgeProductSchema);

/** The library's search as the page holds it: words, filters and the page (from 1). */
export type KnowledgeSearch = Pick<KnowledgeListQuery, 'q' | 'expertiseAreaCode' | 'audience' | 'format'> & { page: number };

/** Query keys of the knowledge library. */
export const knowledgeKeys = listKeys<typeof queryRoots.knowledge, KnowledgeSearch>(queryRoots.knowledge);

/** `GET /knowledge-products`: one page of the library for `search` (20 per page). */
export function useKnowledgeProducts(search: KnowledgeSearch) {
  return useQuery(pageQueryOptions(knowledgeKeys.list(search), '/knowledge-products', KnowledgePageSchema, { ...search, pageSize: 20 }));
}

/** Where the browser downloads a product's file (an attachment; the server counts the download). */
export const knowledgeFileUrl = (id: string) => `${API_BASE}/knowledge-products/${encodeURIComponent(id)}/file`;

/** The fields of the publish form; `file` is the one chosen file. */
export interface PublishKnowledgeInput {
  title: string;
  summary: string;
  audiences: string[];
  expertiseAreaCodes: string[];
  file: File;
}

/** `POST /knowledge-products` as multipart/form-data; refreshes the library. */
export function usePublishKnowledge() {
  return useRefreshingMutation(
    (input: PublishKnowledgeInput) => {
      const form = new FormData();
      form.append('title', input.title);
      form.append('summary', input.summary);
      for (const a of input.audiences) form.append('audiences', a);
      for (const c of input.expertiseAreaCodes) form.append('expertiseAreaCodes', c);
      form.append('file', input.file, input.file.name);
      return apiRequest('/knowledge-products', { method: 'POST', body: form, schema: KnowledgeProductSchema });
    },
    [queryRoots.knowledge],
  );
}

/** `DELETE /knowledge-products/{id}`: withdraws a product; refreshes the library. */
export function useWithdrawKnowledge() {
  return useRefreshingMutation((id: string) => apiRequest(`/knowledge-products/${encodeURIComponent(id)}`, { method: 'DELETE' }), [queryRoots.knowledge]);
}
