import {
  AddCaseTableMemberBodySchema,
  CaseTableCodeParamsSchema,
  CaseTableMemberParamsSchema,
  CreateReferenceItemBodySchema,
  ReferenceItemListSchema,
  ReferenceItemParamsSchema,
  ReferenceItemSchema,
  ReferenceKindParamsSchema,
  UpdateReferenceItemBodySchema,
} from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../lib/service-context.ts';
import { addReferenceItem, referenceItems, retireReferenceItem, setMember, updateReferenceItem } from './reference-admin.service.ts';

const tags = ['reference'];
const config = { roles: ['admin'] as const };

/**
 * The admin's reference data (docs/design.md §2, decision 081): list, add, rename and retire
 * safety regions, safety houses, municipalities, casustafels, expertise areas and activities, and
 * the members of a casustafel. Items are addressed by their stable code.
 */
export const referenceAdminRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, opts.now);
  app.get('/admin/reference/:kind', {
    config,
    schema: {
      tags,
      summary: 'Referentiegegevens van één soort, opgeheven inbegrepen (beheerder)',
      params: ReferenceKindParamsSchema,
      response: { 200: ReferenceItemListSchema },
    },
    handler: async (request) => referenceItems(ctx(request), request.params.kind),
  });
  app.post('/admin/reference/:kind', {
    config,
    schema: {
      tags,
      summary: 'Referentiegegeven toevoegen (beheerder); de code ligt daarna vast',
      params: ReferenceKindParamsSchema,
      body: CreateReferenceItemBodySchema,
      response: { 201: ReferenceItemSchema },
    },
    handler: async (request, reply) => {
      const item = await addReferenceItem(ctx(request), request.params.kind, request.body);
      return reply.code(201).header('Location', `/api/v1/admin/reference/${request.params.kind}/${item.code}`).send(item);
    },
  });
  app.patch('/admin/reference/:kind/:code', {
    config,
    schema: {
      tags,
      summary: 'Referentiegegeven hernoemen; bij een casustafel ook de gemeenten die zij bedient (beheerder)',
      params: ReferenceItemParamsSchema,
      body: UpdateReferenceItemBodySchema,
      response: { 200: ReferenceItemSchema },
    },
    handler: async (request) => updateReferenceItem(ctx(request), request.params.kind, request.params.code, request.body),
  });
  app.post('/admin/reference/:kind/:code/retirement', {
    config,
    schema: {
      tags,
      summary: 'Referentiegegeven opheffen: blijft in de geschiedenis, niet meer te kiezen; 409 `in-use` met `usedBy` zolang het in gebruik is (beheerder)',
      params: ReferenceItemParamsSchema,
      response: { 200: ReferenceItemSchema },
    },
    handler: async (request) => retireReferenceItem(ctx(request), request.params.kind, request.params.code),
  });
  app.post('/admin/reference/case-tables/:code/members', {
    config,
    schema: {
      tags,
      summary: 'Aanvrager lid maken van een casustafel (beheerder)',
      params: CaseTableCodeParamsSchema,
      body: AddCaseTableMemberBodySchema,
      response: { 200: ReferenceItemSchema },
    },
    handler: async (request) => setMember(ctx(request), request.params.code, request.body.userId, true),
  });
  app.delete('/admin/reference/case-tables/:code/members/:userId', {
    config,
    schema: { tags, summary: 'Lid van een casustafel afhalen (beheerder)', params: CaseTableMemberParamsSchema, response: { 200: ReferenceItemSchema } },
    handler: async (request) => setMember(ctx(request), request.params.code, request.params.userId, false),
  });
};
