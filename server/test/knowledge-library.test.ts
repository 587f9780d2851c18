// The knowledge library (docs/design.md §10): publishing a file whose type is read from its bytes,
// searching with Dutch stemming, downloading as an attachment that counts, withdrawing; and bad
// uploads refused with the field named and nothing written.
import { createHash } from 'node:crypto';
import { schema } from '@duidingspool/db';
import { MAX_KNOWLEDGE_FILE_BYTES } from '@duidingspool/shared';
import { eq, sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, MINIMAL_PDF, multipartBody, pointers, publishKnowledge } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let coordinator: Caller;
let specialist: Caller;
let requester: Caller;
let finance: Caller;

/** Rows in the library's tables: a refused upload must leave all three as they were. */
async function counts() {
  const n = sql<number>`count(*)::int`;
  const db = t.handle.db;
  return {
    products: (await db.select({ n }).from(schema.knowledgeProducts))[0]?.n,
    files: (await db.select({ n }).from(schema.knowledgeFiles))[0]?.n,
    areas: (await db.select({ n }).from(schema.knowledgeProductExpertiseAreas))[0]?.n,
  };
}

/** An OpenDocument text: a zip whose first entry is the uncompressed `mimetype`. */
const odt = () =>
  Buffer.from(
    zipSync(
      {
        mimetype: [new TextEncoder().encode('application/vnd.oasis.opendocument.text'), { level: 0 }],
        'content.xml': new TextEncoder().encode('<office:document-content/>'),
      },
      {},
    ),
  );

beforeAll(async () => {
  coordinator = await t.as('coordinator');
  specialist = await t.as('specialist1');
  requester = await t.as('requester.arnhem');
  finance = await t.as('finance');
});

describe('publishing', () => {
  it('a specialist publishes a PDF: format from its bytes, name and hash kept, found by every role', async () => {
    const res = await publishKnowledge(specialist, {
      fields: {
        title: 'Analyse van het extreemrechtse landschap in Oost-Nederland',
        summary: 'Netwerken, online kanalen en signalen voor gemeenten.',
        audiences: ['municipal-officials', 'police'],
        expertiseAreaCodes: ['right-wing-extremism', 'online-radicalisation'],
      },
      file: { name: 'analyse extreemrechts.pdf', bytes: MINIMAL_PDF },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      format: 'pdf',
      fileName: 'analyse extreemrechts.pdf',
      sizeBytes: MINIMAL_PDF.length,
      sha256: createHash('sha256').update(MINIMAL_PDF).digest('hex'),
      audiences: ['municipal-officials', 'police'],
      expertiseAreaCodes: ['online-radicalisation', 'right-wing-extremism'],
      downloads: 0,
      allowedActions: ['withdraw'],
    });
    for (const caller of [coordinator, requester, finance]) {
      const one = await caller('GET', `/api/v1/knowledge-products/${res.body.id}`);
      expect(one.status).toBe(200);
    }
    // The coordinator may withdraw anyone's product; a requester only reads.
    expect((await coordinator('GET', `/api/v1/knowledge-products/${res.body.id}`)).body.allowedActions).toEqual(['withdraw']);
    expect((await requester('GET', `/api/v1/knowledge-products/${res.body.id}`)).body.allowedActions).toEqual([]);
  });

  it('an ODT renamed .pdf is stored as what it is, ODT', async () => {
    const res = await publishKnowledge(coordinator, { file: { name: 'handreiking.pdf', bytes: odt() } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.format).toBe('odt');
  });

  it('file names are tidied: white space folded, characters disks refuse replaced', async () => {
    const res = await publishKnowledge(coordinator, { file: { name: '  Training:  deel 1?.pdf ', bytes: MINIMAL_PDF } });
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('Training_ deel 1_.pdf');
  });
});

describe('bad uploads are refused with the field named, and nothing is written', () => {
  const cases: { name: string; send: () => ReturnType<typeof publishKnowledge>; status: number; type: string; pointer: string }[] = [
    {
      name: 'an executable renamed .pdf',
      send: () => publishKnowledge(specialist, { file: { name: 'rapport.pdf', bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]) } }),
      status: 415,
      type: 'unsupported-media-type',
      pointer: '/file',
    },
    {
      name: 'plain text renamed .docx',
      send: () => publishKnowledge(specialist, { file: { name: 'notities.docx', bytes: Buffer.from('gewoon tekst, geen document') } }),
      status: 415,
      type: 'unsupported-media-type',
      pointer: '/file',
    },
    {
      name: 'a path in the file name',
      send: () => publishKnowledge(specialist, { file: { name: '../../etc/passwd.pdf', bytes: MINIMAL_PDF } }),
      status: 400,
      type: 'validation-failed',
      pointer: '/file',
    },
    {
      name: 'a control character in the file name',
      send: () => publishKnowledge(specialist, { file: { name: 'rapport\u0007.pdf', bytes: MINIMAL_PDF } }),
      status: 400,
      type: 'validation-failed',
      pointer: '/file',
    },
    {
      name: 'an empty file',
      send: () => publishKnowledge(specialist, { file: { name: 'leeg.pdf', bytes: Buffer.alloc(0) } }),
      status: 400,
      type: 'validation-failed',
      pointer: '/file',
    },
    {
      name: 'a file one byte over 20 MB',
      send: () =>
        publishKnowledge(specialist, {
          file: { name: 'groot.pdf', bytes: Buffer.concat([MINIMAL_PDF, Buffer.alloc(MAX_KNOWLEDGE_FILE_BYTES + 1 - MINIMAL_PDF.length, 0x20)]) },
        }),
      status: 413,
      type: 'payload-too-large',
      pointer: '/file',
    },
    {
      name: 'no audience',
      send: () => publishKnowledge(specialist, { fields: { audiences: [] } }),
      status: 400,
      type: 'validation-failed',
      pointer: '/audiences',
    },
    {
      name: 'an unknown audience',
      send: () => publishKnowledge(specialist, { fields: { audiences: ['iedereen'] } }),
      status: 400,
      type: 'validation-failed',
      pointer: '/audiences/0',
    },
    {
      name: 'an unknown expertise area',
      send: () => publishKnowledge(specialist, { fields: { expertiseAreaCodes: ['astrologie'] } }),
      status: 400,
      type: 'validation-failed',
      pointer: '/expertiseAreaCodes',
    },
    {
      name: 'a phone number in the summary',
      send: () => publishKnowledge(specialist, { fields: { summary: 'Bel de auteur op 06-12345678 voor vragen.' } }),
      status: 422,
      type: 'personal-data-detected',
      pointer: '/summary',
    },
    {
      name: 'an unknown field',
      send: () => publishKnowledge(specialist, { fields: { caseReference: 'ZVH-123' } }),
      status: 400,
      type: 'validation-failed',
      pointer: '/caseReference',
    },
    {
      name: 'no file at all',
      send: async () => {
        const { payload, headers } = await multipartBody({ title: 'Zonder bestand', summary: 'Geen bestand.', audiences: ['police'] });
        return specialist('POST', '/api/v1/knowledge-products', payload, headers);
      },
      status: 400,
      type: 'validation-failed',
      pointer: '/file',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const before = await counts();
      const res = await c.send();
      expectProblem(res, c.status, c.type);
      expect(pointers(res)).toContain(c.pointer);
      expect(await counts()).toEqual(before);
    });
  }

  it('JSON instead of a form: 415', async () => {
    const res = await specialist('POST', '/api/v1/knowledge-products', { title: 'x', summary: 'y', audiences: ['police'] });
    expectProblem(res, 415, 'unsupported-media-type');
  });

  it('multipart elsewhere in the API stays refused: 415', async () => {
    const { payload, headers } = await multipartBody({ status: 'closed' });
    const res = await coordinator('POST', '/api/v1/budgets', payload, headers);
    expectProblem(res, 415, 'unsupported-media-type');
  });
});

describe('searching', () => {
  it('finds by a word in another form (Dutch stemming), by expertise area, audience and format; withdrawn products disappear', async () => {
    const made = await publishKnowledge(coordinator, {
      fields: {
        title: 'Lesmateriaal over radicalisering voor docenten',
        summary: 'Werkvormen voor de klas.',
        audiences: ['education'],
        expertiseAreaCodes: ['polarisation'],
      },
    });
    expect(made.status).toBe(201);
    const ids = async (query: string) => ((await requester('GET', `/api/v1/knowledge-products?${query}`)).body.items as { id: string }[]).map((p) => p.id);
    expect(await ids(`q=${encodeURIComponent('radicaliseringen docent')}`)).toContain(made.body.id);
    expect(await ids('q=extreemrechts')).not.toContain(made.body.id);
    expect(await ids('expertiseAreaCode=polarisation')).toContain(made.body.id);
    expect(await ids('expertiseAreaCode=jihadism')).not.toContain(made.body.id);
    expect(await ids('audience=education')).toContain(made.body.id);
    expect(await ids('audience=police')).not.toContain(made.body.id);
    expect(await ids('format=pdf')).toContain(made.body.id);
    expect(await ids('format=docx')).not.toContain(made.body.id);
    // Any text is a valid search: operators and quotes never give a syntax error.
    expect((await requester('GET', `/api/v1/knowledge-products?q=${encodeURIComponent('"docent OR -(&|!:*')}`)).status).toBe(200);

    expect((await coordinator('DELETE', `/api/v1/knowledge-products/${made.body.id}`)).status).toBe(204);
    expect(await ids('audience=education')).not.toContain(made.body.id);
    expect((await requester('GET', `/api/v1/knowledge-products/${made.body.id}`)).status).toBe(404);
    expect((await requester('GET', `/api/v1/knowledge-products/${made.body.id}/file`)).status).toBe(404);
  });
});

describe('downloading', () => {
  it('serves the published bytes as an attachment that cannot run in the browser, and counts it', async () => {
    const made = await publishKnowledge(specialist, { file: { name: 'Analyse – polarisatie.pdf', bytes: MINIMAL_PDF } });
    expect(made.status).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/knowledge-products/${made.body.id}/file`, headers: { cookie: requester.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Analyse ? polarisatie.pdf"; filename*=UTF-8''Analyse%20%E2%80%93%20polarisatie.pdf`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(MINIMAL_PDF)).toBe(true);
    expect((await requester('GET', `/api/v1/knowledge-products/${made.body.id}`)).body.downloads).toBe(1);
  });
});

describe('withdrawing', () => {
  it('only the publisher or a coordinator; the file is gone, the record stays', async () => {
    const made = await publishKnowledge(specialist);
    const other = await t.as('specialist2');
    expectProblem(await other('DELETE', `/api/v1/knowledge-products/${made.body.id}`), 403, 'forbidden');
    expectProblem(await requester('DELETE', `/api/v1/knowledge-products/${made.body.id}`), 403, 'forbidden');
    expect((await specialist('DELETE', `/api/v1/knowledge-products/${made.body.id}`)).status).toBe(204);
    expectProblem(await specialist('DELETE', `/api/v1/knowledge-products/${made.body.id}`), 404, 'not-found');
    const [kept] = await t.handle.db.select().from(schema.knowledgeProducts).where(eq(schema.knowledgeProducts.id, made.body.id));
    expect(kept?.withdrawnAt).toBeInstanceOf(Date);
    expect(await t.handle.db.select().from(schema.knowledgeFiles).where(eq(schema.knowledgeFiles.productId, made.body.id))).toEqual([]);
  });
});
