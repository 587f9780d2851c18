import {
  IdParamsSchema,
  KNOWLEDGE_PUBLISHER_ROLES,
  KnowledgeListQuerySchema,
  KnowledgeProductSchema,
  MAX_KNOWLEDGE_FILE_BYTES,
  type ProblemFieldError,
  PublishKnowledgeFieldsSchema,
  pageOf,
} from '@duidingspool/shared';
import multipart from '@fastify/multipart';
import contentDisposition from 'content-disposition';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { serviceContext } from '../../lib/service-context.ts';
import {
  downloadKnowledgeProduct,
  getKnowledgeProduct,
  listKnowledgeProducts,
  publishKnowledgeProduct,
  tooLarge,
  type UploadedFile,
  withdrawKnowledgeProduct,
} from './knowledge.service.ts';

const tags = ['knowledge'];
/** Fields of the upload that may repeat (one value per part). */
const LIST_FIELDS = new Set(['audiences', 'expertiseAreaCodes']);

const badUpload = (pointer: string, message: string) =>
  new AppError('validation-failed', `Ongeldige invoer: ${message}`, { errors: [{ in: 'body', pointer, message }] });

/**
 * Reads a `multipart/form-data` upload: the text fields (repeated ones as lists) and exactly one
 * file part named `file`, at most `MAX_KNOWLEDGE_FILE_BYTES`.
 * @throws AppError 415 when the body is not multipart, 413 when the file is too large, 400 for a missing, second or unknown part
 */
async function readUpload(request: FastifyRequest): Promise<{ fields: Record<string, unknown>; file: UploadedFile }> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported-media-type', 'Stuur het kennisproduct als multipart/form-data met één bestand in het veld "file".');
  }
  const fields: Record<string, unknown> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw badUpload(`/${part.fieldname}`, 'onbekend bestandsveld; gebruik "file"');
        if (file) throw badUpload('/file', 'stuur één bestand');
        file = { name: part.filename, bytes: await part.toBuffer() };
      } else {
        const value = String(part.value);
        if (LIST_FIELDS.has(part.fieldname)) fields[part.fieldname] = [...((fields[part.fieldname] as string[] | undefined) ?? []), value];
        else if (part.fieldname in fields) throw badUpload(`/${part.fieldname}`, 'dit veld komt één keer voor');
        else fields[part.fieldname] = value;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') throw badUpload('', 'te veel velden of bestanden');
    if (code === 'FST_PROTO_VIOLATION') throw badUpload('', 'verboden veldnaam');
    throw badUpload('', 'het formulier kon niet worden gelezen');
  }
  if (!file) throw badUpload('/file', 'kies een bestand');
  return { fields, file };
}

/** The fields as the contract wants them. @throws AppError 400 `validation-failed` with a pointer per field */
function parseFields(fields: Record<string, unknown>) {
  const parsed = PublishKnowledgeFieldsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const errors: ProblemFieldError[] = parsed.error.issues.map((issue) => ({
    in: 'body',
    pointer: issue.code === 'unrecognized_keys' ? `/${issue.keys[0] ?? ''}` : `/${issue.path.map(String).join('/')}`,
    message: issue.code === 'unrecognized_keys' ? 'onbekend veld' : issue.message,
  }));
  throw new AppError('validation-failed', `Ongeldige invoer in ${[...new Set(errors.map((e) => e.pointer))].join(', ')}.`, { errors });
}

/**
 * The knowledge library (docs/design.md §10): every signed-in user searches and downloads;
 * coordinators and specialists publish; the publisher or a coordinator withdraws.
 */
export const knowledgeRoutes: FastifyPluginAsyncZod<{ now?: () => Date }> = async (app, opts) => {
  const now = opts.now ?? (() => new Date());
  const ctx = (request: FastifyRequest) => serviceContext(app, request, now);
  // Registered here, not app-wide: only this route reads multipart bodies; everywhere else they stay 415.
  await app.register(multipart, {
    // The name as sent, path included: a name with a path is refused, not silently cut (knowledgeFileName).
    preservePath: true,
    limits: { fileSize: MAX_KNOWLEDGE_FILE_BYTES, files: 1, fields: 40, fieldSize: 8 * 1024, parts: 42, headerPairs: 50 },
  });

  app.get('/knowledge-products', {
    schema: {
      tags,
      summary: 'Kennisbank: zoeken op woorden, expertisegebied, doelgroep en soort bestand',
      querystring: KnowledgeListQuerySchema,
      response: { 200: pageOf(KnowledgeProductSchema).meta({ id: 'KnowledgeProductPage' }) },
    },
    handler: async (request) => listKnowledgeProducts(ctx(request), request.query),
  });
  app.post('/knowledge-products', {
    config: { roles: KNOWLEDGE_PUBLISHER_ROLES, problems: ['payload-too-large', 'unsupported-media-type'] },
    schema: {
      tags,
      summary:
        'Kennisproduct publiceren (multipart/form-data: title, summary, audiences, expertiseAreaCodes en één bestand "file": PDF, DOCX, ODT of PPTX, ten hoogste 20 MB)',
      consumes: ['multipart/form-data'],
      response: { 201: KnowledgeProductSchema },
    },
    handler: async (request, reply) => {
      const { fields, file } = await readUpload(request);
      return reply.code(201).send(await publishKnowledgeProduct(ctx(request), parseFields(fields), file));
    },
  });
  app.get('/knowledge-products/:id', {
    schema: { tags, summary: 'Eén kennisproduct', params: IdParamsSchema, response: { 200: KnowledgeProductSchema } },
    handler: async (request) => getKnowledgeProduct(ctx(request), request.params.id),
  });
  app.get('/knowledge-products/:id/file', {
    schema: {
      tags,
      summary: 'Het bestand van een kennisproduct, altijd als bijlage (telt als download)',
      params: IdParamsSchema,
      produces: ['application/octet-stream'],
      response: { 200: z.any().meta({ description: 'Het bestand (PDF, DOCX, ODT of PPTX)' }) },
    },
    handler: async (request, reply) => {
      const file = await downloadKnowledgeProduct(ctx(request), request.params.id, request.method === 'GET');
      return reply
        .type(file.mediaType)
        .header('content-disposition', contentDisposition(file.fileName, { type: 'attachment' }))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.bytes);
    },
  });
  app.delete('/knowledge-products/:id', {
    config: { roles: KNOWLEDGE_PUBLISHER_ROLES },
    schema: { tags, summary: 'Kennisproduct terugtrekken (wie het publiceerde of een coördinator)', params: IdParamsSchema, response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await withdrawKnowledgeProduct(ctx(request), request.params.id);
      return reply.code(204).send();
    },
  });
};
