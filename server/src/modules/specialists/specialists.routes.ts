import {
  AbsenceListSchema,
  AbsenceParamsSchema,
  AbsenceSchema,
  amsterdamDate,
  CapacityViewSchema,
  ConflictListSchema,
  ConflictParamsSchema,
  ConflictSchema,
  CreateAbsenceBodySchema,
  CreateConflictBodySchema,
  CreateRateBodySchema,
  IdParamsSchema,
  PatchSpecialistProfileBodySchema,
  pageOf,
  SpecialistListQuerySchema,
  SpecialistProfileSchema,
  SpecialistRateListSchema,
  SpecialistRateSchema,
  SpecialistSchema,
} from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext } from '../../lib/service-context.ts';
import { actorOf } from '../../plugins/auth.ts';
import { capacityView } from './capacity.read-model.ts';
import { addConflict, deleteConflict, listConflicts } from './conflicts.service.ts';
import { listPoolSpecialists } from './pool.read-model.ts';
import { addAbsence, deleteAbsence, getProfile, listAbsences, updateProfile } from './profile.service.ts';
import { addRate, listRates } from './rates.service.ts';

/**
 * The pool's active specialists (see `activeInPool`) with expertise, current rate and current load,
 * for the coordinator; each with the actions the coordinator may take on them.
 */
export const specialistRoutes: FastifyPluginAsyncZod<{ now?: () => Date }> = async (app, opts) => {
  const now = opts.now ?? (() => new Date());
  app.get('/specialists', {
    config: { roles: ['coordinator'] },
    schema: {
      tags: ['reference'],
      summary: 'Actieve specialisten met expertise, capaciteit, huidig tarief, huidige belasting en inzetbaarheid op een datum',
      querystring: SpecialistListQuerySchema,
      response: { 200: pageOf(SpecialistSchema).meta({ id: 'SpecialistPage' }) },
    },
    handler: async (request) => listPoolSpecialists(app.db, actorOf(request), request.query, amsterdamDate(now())),
  });
  app.get('/specialists/capacity', {
    config: { roles: ['coordinator'] },
    schema: {
      tags: ['reference'],
      summary: 'Capaciteit per week voor de komende acht weken, per actieve specialist, met de huidige belasting',
      response: { 200: CapacityViewSchema },
    },
    handler: async () => capacityView(app.db, amsterdamDate(now())),
  });
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, now);
  app.get('/specialists/:id/rates', {
    config: { roles: ['coordinator'] },
    schema: { tags: ['reference'], summary: 'Tariefhistorie van een specialist', params: IdParamsSchema, response: { 200: SpecialistRateListSchema } },
    handler: async (request) => ({ items: await listRates(ctx(request), request.params.id) }),
  });
  app.post('/specialists/:id/rates', {
    config: { roles: ['coordinator'], problems: ['separation-of-duties'] },
    schema: {
      tags: ['reference'],
      summary: 'Nieuw tarief vanaf een datum (bestaande uren houden hun prijs)',
      params: IdParamsSchema,
      body: CreateRateBodySchema,
      response: { 201: SpecialistRateSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await addRate(ctx(request), request.params.id, request.body)),
  });
  const profileRoles = { roles: ['coordinator', 'specialist'] as ('coordinator' | 'specialist')[] };
  app.get('/specialists/:id/profile', {
    config: profileRoles,
    schema: {
      tags: ['reference'],
      summary: 'Profiel van een specialist (coördinator: iedereen; specialist: het eigen profiel), met wat u mag wijzigen',
      params: IdParamsSchema,
      response: { 200: SpecialistProfileSchema },
    },
    handler: async (request) => getProfile(ctx(request), request.params.id),
  });
  app.patch('/specialists/:id/profile', {
    config: { ...profileRoles, problems: ['separation-of-duties', 'retired'] },
    schema: {
      tags: ['reference'],
      summary: 'Profiel wijzigen (coördinator: alle velden; specialist: eigen talen en bio)',
      params: IdParamsSchema,
      body: PatchSpecialistProfileBodySchema,
      response: { 200: SpecialistProfileSchema },
    },
    handler: async (request) => updateProfile(ctx(request), request.params.id, request.body),
  });
  app.get('/specialists/:id/absences', {
    config: profileRoles,
    schema: { tags: ['reference'], summary: 'Afwezigheden van een specialist', params: IdParamsSchema, response: { 200: AbsenceListSchema } },
    handler: async (request) => ({ items: await listAbsences(ctx(request), request.params.id) }),
  });
  app.post('/specialists/:id/absences', {
    config: profileRoles,
    schema: {
      tags: ['reference'],
      summary: 'Afwezigheid vastleggen (beide datums inclusief)',
      params: IdParamsSchema,
      body: CreateAbsenceBodySchema,
      response: { 201: AbsenceSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await addAbsence(ctx(request), request.params.id, request.body)),
  });
  app.get('/specialists/:id/conflicts', {
    config: profileRoles,
    schema: {
      tags: ['reference'],
      summary: 'Gemelde belangenverstrengeling van een specialist, met notitie (coördinator en de specialist zelf)',
      params: IdParamsSchema,
      response: { 200: ConflictListSchema },
    },
    handler: async (request) => ({ items: await listConflicts(ctx(request), request.params.id) }),
  });
  app.post('/specialists/:id/conflicts', {
    config: { ...profileRoles, problems: ['conflict'] },
    schema: {
      tags: ['reference'],
      summary: 'Belangenverstrengeling melden met één gemeente, casustafel of organisatie (Zorg- en Veiligheidshuis)',
      params: IdParamsSchema,
      body: CreateConflictBodySchema,
      response: { 201: ConflictSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await addConflict(ctx(request), request.params.id, request.body)),
  });
  app.delete('/conflicts/:conflictId', {
    config: profileRoles,
    schema: { tags: ['reference'], summary: 'Melding van belangenverstrengeling intrekken', params: ConflictParamsSchema, response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await deleteConflict(ctx(request), request.params.conflictId);
      return reply.code(204).send();
    },
  });
  app.delete('/absences/:absenceId', {
    config: profileRoles,
    schema: { tags: ['reference'], summary: 'Afwezigheid verwijderen', params: AbsenceParamsSchema, response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await deleteAbsence(ctx(request), request.params.absenceId);
      return reply.code(204).send();
    },
  });
};
