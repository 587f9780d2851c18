import {
  AdviceDraftSchema,
  AdviceSchema,
  AssignmentSchema,
  CorrectAdviceBodySchema,
  CreateAssignmentBodySchema,
  DeliverAdviceBodySchema,
  DraftRequestFieldsSchema,
  FeedbackSchema,
  GiveFeedbackBodySchema,
  IdParamsSchema,
  InterpretationRequestListQuerySchema,
  InterpretationRequestSchema,
  InterpretationRequestSummarySchema,
  NewRequestBodySchema,
  PatchInterpretationRequestBodySchema,
  pageOf,
  RecordReachBodySchema,
  ReopenRequestBodySchema,
  RequestReachSchema,
  SaveAdviceDraftBodySchema,
  ServiceClockListSchema,
  ServiceLevelTargetsSchema,
} from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext } from '../../lib/service-context.ts';
import { assignSpecialist } from '../assignments/index.ts';
import { correctAdvice } from './advice-corrections.service.ts';
import { getAdviceDraft, saveAdviceDraft } from './advice-drafts.service.ts';
import { getRequestClocks } from './clocks.read-model.ts';
import { giveFeedback } from './feedback.service.ts';
import {
  createInterpretationRequest,
  deleteDraft,
  deliverAdvice,
  getInterpretationRequest,
  listInterpretationRequests,
  reopenInterpretationRequest,
  transitionInterpretationRequest,
  updateRequestFields,
} from './interpretation-requests.service.ts';
import { recordReach } from './reach.service.ts';
import { currentServiceLevelTargets, updateServiceLevelTargets } from './service-levels.ts';

const tags = ['interpretation-requests'];

/** Interpretation requests: the lifecycle of docs/design.md §4 behind the fixed rows of §7. */
export const interpretationRequestRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, opts.now);

  app.get('/interpretation-requests', {
    config: { roles: ['requester', 'coordinator', 'specialist'] },
    schema: {
      tags,
      summary: 'Duidingsverzoeken die de gebruiker mag zien (gepagineerd)',
      querystring: InterpretationRequestListQuerySchema,
      response: { 200: pageOf(InterpretationRequestSummarySchema).meta({ id: 'InterpretationRequestPage' }) },
    },
    handler: async (request) => {
      return listInterpretationRequests(ctx(request), request.query);
    },
  });

  app.post('/interpretation-requests', {
    config: { roles: ['requester'] },
    schema: {
      tags,
      summary: 'Nieuw duidingsverzoek (concept met wat is ingevuld, of compleet en direct ingediend)',
      body: NewRequestBodySchema,
      response: { 201: InterpretationRequestSchema },
    },
    handler: async (request, reply) => {
      const created = await createInterpretationRequest(ctx(request), request.body);
      return reply.code(201).header('Location', `/api/v1/interpretation-requests/${created.id}`).send(created);
    },
  });

  app.get('/interpretation-requests/:id/clocks', {
    config: { roles: ['requester', 'coordinator', 'specialist'] },
    schema: {
      tags,
      summary: 'Lopende termijnen van een verzoek (triage, antwoord op het voorstel, advies) met de stand',
      params: IdParamsSchema,
      response: { 200: ServiceClockListSchema },
    },
    handler: async (request) => getRequestClocks(ctx(request), request.params.id),
  });

  app.get('/service-levels', {
    config: { roles: ['coordinator'] },
    schema: { tags, summary: 'Servicenormen: de termijnen in werkdagen en werkuren', response: { 200: ServiceLevelTargetsSchema } },
    handler: async () => currentServiceLevelTargets(app.db),
  });

  app.put('/service-levels', {
    config: { roles: ['coordinator'] },
    schema: { tags, summary: 'Servicenormen wijzigen (alle vier)', body: ServiceLevelTargetsSchema, response: { 200: ServiceLevelTargetsSchema } },
    handler: async (request) => updateServiceLevelTargets(ctx(request), request.body),
  });

  app.get('/interpretation-requests/:id', {
    config: { roles: ['requester', 'coordinator', 'specialist'] },
    schema: { tags, summary: 'Eén duidingsverzoek met tijdlijn, inzet en advies', params: IdParamsSchema, response: { 200: InterpretationRequestSchema } },
    handler: async (request) => getInterpretationRequest(ctx(request), request.params.id),
  });

  app.patch('/interpretation-requests/:id', {
    config: { roles: ['requester', 'coordinator'], problems: ['separation-of-duties'] },
    schema: {
      tags,
      summary: 'Statuswijziging volgens de levenscyclus',
      params: IdParamsSchema,
      body: PatchInterpretationRequestBodySchema,
      response: { 200: InterpretationRequestSchema },
    },
    handler: async (request) => transitionInterpretationRequest(ctx(request), request.params.id, request.body),
  });

  // Reopening after the advice (decision 113): its own route, for it takes a required reason and
  // keeps the specialist's assignment, unlike the PATCH moves of the fixed contract.
  app.post('/interpretation-requests/:id/reopen', {
    config: { roles: ['requester'], problems: ['specialist-inactive'] },
    schema: {
      tags,
      summary: 'Heropenen voor meer werk na het advies (met reden), bij dezelfde specialist',
      params: IdParamsSchema,
      body: ReopenRequestBodySchema,
      response: { 200: InterpretationRequestSchema },
    },
    handler: async (request) => reopenInterpretationRequest(ctx(request), request.params.id, request.body),
  });
  app.patch('/interpretation-requests/:id/fields', {
    config: { roles: ['requester'] },
    schema: {
      tags,
      summary: 'Velden wijzigen van een concept, of van een verzoek waarbij om informatie is gevraagd',
      params: IdParamsSchema,
      body: DraftRequestFieldsSchema,
      response: { 200: InterpretationRequestSchema },
    },
    handler: async (request) => updateRequestFields(ctx(request), request.params.id, request.body),
  });

  app.delete('/interpretation-requests/:id', {
    config: { roles: ['requester'] },
    schema: { tags, summary: 'Concept verwijderen', params: IdParamsSchema, response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await deleteDraft(ctx(request), request.params.id);
      return reply.code(204).send();
    },
  });

  app.post('/interpretation-requests/:id/assignments', {
    config: { roles: ['coordinator'], problems: ['separation-of-duties', 'specialist-inactive', 'screening-expired', 'specialist-absent', 'no-rate'] },
    schema: {
      tags: ['assignments'],
      summary: 'Specialist toewijzen met inschatting; reserveert budget',
      params: IdParamsSchema,
      body: CreateAssignmentBodySchema,
      response: { 201: AssignmentSchema },
    },
    handler: async (request, reply) => {
      const assignment = await assignSpecialist(ctx(request), request.params.id, request.body);
      return reply.code(201).header('Location', `/api/v1/assignments/${assignment.id}`).send(assignment);
    },
  });

  app.get('/interpretation-requests/:id/advice-draft', {
    config: { roles: ['specialist'] },
    schema: { tags, summary: 'Het advies in wording (concept)', params: IdParamsSchema, response: { 200: AdviceDraftSchema } },
    handler: async (request) => getAdviceDraft(ctx(request), request.params.id),
  });

  app.put('/interpretation-requests/:id/advice-draft', {
    config: { roles: ['specialist'], problems: ['conflict'] },
    schema: {
      tags,
      summary: 'Concept van het advies opslaan (met versie; een verouderde versie geeft 409)',
      params: IdParamsSchema,
      body: SaveAdviceDraftBodySchema,
      response: { 200: AdviceDraftSchema },
    },
    handler: async (request) => saveAdviceDraft(ctx(request), request.params.id, request.body),
  });

  app.post('/interpretation-requests/:id/advice', {
    config: { roles: ['specialist'] },
    schema: { tags, summary: 'Advies opleveren', params: IdParamsSchema, body: DeliverAdviceBodySchema, response: { 201: AdviceSchema } },
    handler: async (request, reply) => reply.code(201).send(await deliverAdvice(ctx(request), request.params.id, request.body)),
  });

  // A correction by the specialist after delivery (decision 114): the advice's next version with a
  // reason, the request staying `advice-delivered`.
  app.post('/interpretation-requests/:id/advice/corrections', {
    config: { roles: ['specialist'] },
    schema: {
      tags,
      summary: 'Opgeleverd advies corrigeren (nieuwe versie met reden)',
      params: IdParamsSchema,
      body: CorrectAdviceBodySchema,
      response: { 201: AdviceSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await correctAdvice(ctx(request), request.params.id, request.body)),
  });

  app.post('/interpretation-requests/:id/feedback', {
    config: { roles: ['requester'], problems: ['conflict'] },
    schema: {
      tags,
      summary: 'Terugkoppeling op een gesloten verzoek (eenmalig)',
      params: IdParamsSchema,
      body: GiveFeedbackBodySchema,
      response: { 201: FeedbackSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await giveFeedback(ctx(request), request.params.id, request.body)),
  });

  app.put('/interpretation-requests/:id/reach', {
    config: { roles: ['specialist'] },
    schema: {
      tags,
      summary: 'Deelnemers van een training of voorlichting per doelgroep vastleggen (bereik)',
      params: IdParamsSchema,
      body: RecordReachBodySchema,
      response: { 200: RequestReachSchema },
    },
    handler: async (request) => recordReach(ctx(request), request.params.id, request.body),
  });
};
