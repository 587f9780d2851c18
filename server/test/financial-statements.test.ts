// The financial statement to the NCTV (docs/design.md §11): prepared by finance for a closed year,
// reconciled to the approved ledger entries to the cent, adopted by a second person, frozen with its
// SHA-256, downloadable byte-identical as XLSX and as tagged PDF (also after the case content of its
// requests is purged), and a later correction shown as a difference, never silently. The PDF is read
// back with poppler's `pdfinfo` (Tagged: yes) and `pdftotext`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schema } from '@duidingspool/db';
import { eq, sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCentsNl, formatMinutesNl } from '../src/lib/dutch-format.ts';
import { runRetention } from '../src/modules/retention/retention.service.ts';
import { createCoordinator, ensureBudget, ledgerMismatches, startAssignmentOn } from './db-helpers.ts';
import { acceptedAssignment, entryBody, expectProblem } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const YEAR = 2024;
let clock = new Date(`${YEAR}-06-10T10:00:00Z`);
const t = useTestApp({ now: () => clock });

let coordinator: Caller;
/** Decides the corrections the coordinator books (four eyes). */
let deputy: Caller;
let finance: Caller;
let requester: Caller;
let worker: Caller;
const approved: { id: string; minutes: number; amountCents: number; activity: string }[] = [];
/** The request the approved work was done for, whose case content is purged at the end. */
let requestId: string;
const dir = mkdtempSync(join(tmpdir(), 'dp-statement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const months = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);

/** The text and numbers of the first sheet of an XLSX (shared strings resolved), for reading it back. */
function sheetCells(bytes: Buffer): string[] {
  const files = unzipSync(new Uint8Array(bytes));
  const shared = [...strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1] ?? '');
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
  return [...sheet.matchAll(/<c ([^>]*)>(?:<f>[^<]*<\/f>)?<v>([^<]*)<\/v><\/c>/g)].map((m) =>
    /\bt="s"/.test(m[1] ?? '') ? (shared[Number(m[2])] ?? '') : (m[2] ?? ''),
  );
}

/** `GET /financial-statements/{year}/document` as finance, with `query` (`?format=pdf`), as raw bytes. */
const download = (query = '', year = YEAR) =>
  t.app.inject({ method: 'GET', url: `/api/v1/financial-statements/${year}/document${query}`, headers: { cookie: finance.cookie } });

/** What poppler reads in a PDF: `pdfinfo`'s lines and `pdftotext`'s text, a table row on a line (`-layout`), every run of white space as one space. */
function readPdf(bytes: Buffer): { info: string; text: string } {
  const file = join(dir, `${createHash('sha256').update(bytes).digest('hex')}.pdf`);
  writeFileSync(file, bytes);
  return {
    info: execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' }),
    text: execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
  };
}

beforeAll(async () => {
  await createCoordinator(t.handle, 'coordinator.deputy');
  [coordinator, deputy, finance, requester, worker] = await Promise.all([
    t.as('coordinator'),
    t.as('coordinator.deputy'),
    t.as('finance'),
    t.as('requester.zwolle'),
    t.as('specialist2'),
  ]);
  await ensureBudget(t.handle, YEAR);
  // Work in June of the year: three entries approved on two activities, then every month closed.
  const { request, assignment } = await acceptedAssignment(requester, coordinator, worker, 2, 600);
  requestId = request.id;
  await startAssignmentOn(t.handle, assignment.id, `${YEAR}-01-02`);
  for (const [workedOn, minutes, activity] of [
    [`${YEAR}-06-03`, 90, 'case-file-study'],
    [`${YEAR}-06-04`, 45, 'case-file-study'],
    [`${YEAR}-06-05`, 120, 'written-advice'],
  ] as const) {
    const entry = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ workedOn, minutes, activity }));
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    const decided = await coordinator('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'approved' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    approved.push({ id: entry.body.id, minutes, amountCents: entry.body.amountCents, activity });
  }
  clock = new Date(`${YEAR + 1}-01-15T10:00:00Z`);
});

describe('preparing', () => {
  it('refuses a year with open months, naming them, and a year without a budget', async () => {
    const res = await finance('POST', '/api/v1/financial-statements', { year: YEAR });
    expectProblem(res, 409, 'invalid-transition');
    expect(res.body.detail).toContain(`${YEAR}-12`);
    expectProblem(await finance('POST', '/api/v1/financial-statements', { year: 2031 }), 409, 'no-budget');
    expect((await t.handle.db.select().from(schema.financialStatements)).length).toBe(0);
  });

  it('a closed year: the figures per activity and specialist sum to the approved ledger entries to the cent', async () => {
    for (const month of months) {
      const closed = await finance('PATCH', `/api/v1/accounting-periods/${month}`, { status: 'closed' });
      expect(closed.status, `${month} ${JSON.stringify(closed.body)}`).toBe(200);
    }
    const res = await finance('POST', '/api/v1/financial-statements', { year: YEAR });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const expectedTotal = approved.reduce((s, e) => s + e.amountCents, 0);
    const perActivity = (code: string) => approved.filter((e) => e.activity === code);
    expect(res.body).toMatchObject({ year: YEAR, status: 'prepared', adoptedAt: null, notReady: null, allowedActions: ['prepare'] });
    expect(res.body.content.byActivity).toEqual(
      ['case-file-study', 'written-advice'].map((code) => ({
        key: code,
        label: expect.any(String),
        minutes: perActivity(code).reduce((s, e) => s + e.minutes, 0),
        amountCents: perActivity(code).reduce((s, e) => s + e.amountCents, 0),
      })),
    );
    expect(res.body.content.bySpecialist).toEqual([{ key: expect.any(String), label: expect.any(String), minutes: 255, amountCents: expectedTotal }]);
    expect(res.body.content.totals).toEqual({ minutes: 255, spentCents: expectedTotal, unusedCents: 12_500_000 - expectedTotal });
    expect(res.body.content.reconciliation).toEqual({
      statementTotalCents: expectedTotal,
      approvedLedgerCents: expectedTotal,
      budgetSpentCents: expectedTotal,
      differences: [],
    });
    // The hash printed on the document is the SHA-256 of the content's JSON text as stored.
    const [row] = await t.handle.db.select().from(schema.financialStatements).where(eq(schema.financialStatements.year, YEAR));
    expect(res.body.sha256).toBe(
      createHash('sha256')
        .update(row?.content ?? '', 'utf8')
        .digest('hex'),
    );
    expect(JSON.parse(row?.content ?? '{}')).toEqual(res.body.content);
    expect(await ledgerMismatches(t.handle)).toEqual([]);
  });

  it('the draft document says it is a draft; a coordinator may adopt, the preparer may not', async () => {
    const doc = await t.app.inject({ method: 'GET', url: `/api/v1/financial-statements/${YEAR}/document`, headers: { cookie: finance.cookie } });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-disposition']).toBe(`attachment; filename="verantwoording-duidingspool-${YEAR}-concept.xlsx"`);
    expect(sheetCells(doc.rawPayload)).toContain('Concept (nog niet vastgesteld)');
    expect((await coordinator('GET', `/api/v1/financial-statements/${YEAR}`)).body.allowedActions).toEqual(['adopt']);
    expect((await finance('GET', `/api/v1/financial-statements/${YEAR}`)).body.allowedActions).toEqual(['prepare']);
    const seen = (await finance('GET', `/api/v1/financial-statements/${YEAR}`)).body.sha256;
    expectProblem(await finance('POST', `/api/v1/financial-statements/${YEAR}/adoption`, { sha256: seen }), 403, 'separation-of-duties');
  });

  it('the draft as PDF: tagged, in Dutch, named as a draft, with the figures of the XLSX and the hash; an unknown format is refused', async () => {
    const statement = (await finance('GET', `/api/v1/financial-statements/${YEAR}`)).body;
    expect(statement.documentFormats).toEqual(['xlsx', 'pdf']);
    const doc = await download('?format=pdf');
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(doc.headers['content-disposition']).toBe(`attachment; filename="verantwoording-duidingspool-${YEAR}-concept.pdf"`);
    const { info, text } = readPdf(doc.rawPayload);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(new RegExp(`^Title:\\s+Financiële verantwoording duidingspool ${YEAR}$`, 'm'));
    expect(doc.rawPayload.toString('latin1')).toContain('/Lang (nl-NL)');
    expect(text).toContain('Concept (nog niet vastgesteld)');
    expect(text).toContain(statement.sha256);
    expect(text).toContain(`Totaal ${formatMinutesNl(statement.content.totals.minutes)} ${formatCentsNl(statement.content.totals.spentCents)}`);
    for (const line of statement.content.byActivity)
      expect(text).toContain(`${line.label} ${formatMinutesNl(line.minutes)} ${formatCentsNl(line.amountCents)}`);
    expect(text).toContain('Vastgesteld door nog niet vastgesteld');
    // A draft's hash is not called the hash of adopted figures.
    expect(text).toContain('SHA-256 van de cijfers van dit concept');
    expect(text).not.toContain('vastgestelde cijfers');
    // The default stays the XLSX; a format the route does not offer is a validation problem, never a file.
    expect((await download()).headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const refused = await finance('GET', `/api/v1/financial-statements/${YEAR}/document?format=docx`);
    expectProblem(refused, 400, 'validation-failed');
    expect(refused.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/format' })]);
    expectProblem(await finance('GET', `/api/v1/financial-statements/${YEAR}/document?format=pdf&format=xlsx`), 400, 'validation-failed');
  });
});

describe('figures that change after preparation', () => {
  it('refuse the adoption until the statement is prepared again', async () => {
    const june = `${YEAR}-06`;
    expect((await finance('PATCH', `/api/v1/accounting-periods/${june}`, { status: 'open', reason: 'Controle' })).status).toBe(200);
    // While a month is open the statement offers nothing and says why, before anyone clicks.
    for (const who of [coordinator, finance]) {
      const open = (await who('GET', `/api/v1/financial-statements/${YEAR}`)).body;
      expect(open.allowedActions).toEqual([]);
      expect(open.notReady).toContain(june);
    }
    const entry = approved[1];
    if (!entry) throw new Error('no entry');
    const correction = await coordinator('POST', `/api/v1/time-entries/${entry.id}/corrections`, { minutes: -15, reason: 'Te veel geschreven' });
    expect(correction.status, JSON.stringify(correction.body)).toBe(201);
    expect((await deputy('PATCH', `/api/v1/time-entries/${correction.body.id}`, { status: 'approved' })).status).toBe(200);
    expect((await finance('PATCH', `/api/v1/accounting-periods/${june}`, { status: 'closed' })).status).toBe(200);
    const seen = (await coordinator('GET', `/api/v1/financial-statements/${YEAR}`)).body.sha256;
    const refused = await coordinator('POST', `/api/v1/financial-statements/${YEAR}/adoption`, { sha256: seen });
    expectProblem(refused, 409, 'invalid-transition');
    expect(refused.body.detail).toContain('stel haar opnieuw op');
    const again = await finance('POST', '/api/v1/financial-statements', { year: YEAR });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.content.corrections).toEqual({ count: 1, amountCents: correction.body.amountCents });
    expect(again.body.content.totals.spentCents).toBe(approved.reduce((sum, e) => sum + e.amountCents, 0) + correction.body.amountCents);
    expect(again.body.content.reconciliation.differences).toEqual([]);
    // The version seen before preparing again is not the one that would be adopted: refused.
    const stale = await coordinator('POST', `/api/v1/financial-statements/${YEAR}/adoption`, { sha256: seen });
    expectProblem(stale, 409, 'conflict');
    expect(stale.body.errors[0].pointer).toBe('/sha256');
  });
});

describe('adopting', () => {
  let adoptedBytes: Buffer;
  let adoptedPdf: Buffer;

  it('freezes the statement: the XLSX is stored, prints the hash and the totals, and downloads byte-identical', async () => {
    const seen = (await coordinator('GET', `/api/v1/financial-statements/${YEAR}`)).body.sha256;
    const res = await coordinator('POST', `/api/v1/financial-statements/${YEAR}/adoption`, { sha256: seen });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'adopted', adoptedByName: expect.any(String), changesSinceAdoption: [], allowedActions: [] });
    const get = () => t.app.inject({ method: 'GET', url: `/api/v1/financial-statements/${YEAR}/document`, headers: { cookie: finance.cookie } });
    const first = await get();
    adoptedBytes = first.rawPayload;
    expect(first.headers['content-disposition']).toBe(`attachment; filename="verantwoording-duidingspool-${YEAR}.xlsx"`);
    expect((await get()).rawPayload.equals(adoptedBytes)).toBe(true);
    // Read back: the document states what the API states.
    const cells = sheetCells(adoptedBytes);
    expect(cells).toContain(res.body.sha256);
    expect(cells).toContain('Vastgesteld');
    expect(cells).toContain('Sluit aan tot op de cent.');
    expect(cells).toContain(String(res.body.content.totals.spentCents / 100));
    expect(cells).toContain('SHA-256 van de vastgestelde cijfers (JSON, niet van dit bestand)');
    // Lines, activities and specialists each end in a total row.
    expect(cells.filter((c) => c === 'Totaal')).toHaveLength(3);
  });

  it('the PDF is made in the same update and stored: it downloads byte-identical, tagged, with the totals, the signatures and the hash', async () => {
    const statement = (await coordinator('GET', `/api/v1/financial-statements/${YEAR}`)).body;
    expect(statement.documentFormats).toEqual(['xlsx', 'pdf']);
    const first = await download('?format=pdf');
    adoptedPdf = first.rawPayload;
    expect(first.headers['content-disposition']).toBe(`attachment; filename="verantwoording-duidingspool-${YEAR}.pdf"`);
    expect((await download('?format=pdf')).rawPayload.equals(adoptedPdf)).toBe(true);
    const [row] = await t.handle.db.select().from(schema.financialStatements).where(eq(schema.financialStatements.year, YEAR));
    expect(row?.documentPdf?.equals(adoptedPdf)).toBe(true);
    expect(row?.document?.equals(adoptedBytes)).toBe(true);
    const { info, text } = readPdf(adoptedPdf);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const c = statement.content;
    expect(text).toContain(`Opgesteld door ${statement.preparedByName} op 15-01-${YEAR + 1}`);
    expect(text).toContain(`Vastgesteld door ${statement.adoptedByName} op 15-01-${YEAR + 1}`);
    expect(text).toContain(statement.sha256);
    expect(text).not.toContain('Concept');
    expect(text).toContain(`Toegekend bedrag ${formatCentsNl(c.allocatedCents)}`);
    expect(text).toContain(`Totaal ${formatMinutesNl(c.totals.minutes)} ${formatCentsNl(c.totals.spentCents)}`);
    expect(text).toContain(`Correcties (goedgekeurd) ${c.corrections.count} ${formatCentsNl(c.corrections.amountCents)}`);
    expect(text).toContain(`Niet besteed ${formatCentsNl(c.totals.unusedCents)}`);
    expect(text).toContain(`Som van de goedgekeurde grootboekregels ${formatCentsNl(c.reconciliation.approvedLedgerCents)}`);
    expect(text).toContain('Sluit aan tot op de cent.');
    for (const line of c.bySpecialist) expect(text).toContain(`${line.label} ${formatMinutesNl(line.minutes)} ${formatCentsNl(line.amountCents)}`);
    for (const line of c.byLine ?? [])
      expect(text).toContain(`${formatCentsNl(line.allocatedCents)} ${formatMinutesNl(line.minutes)} ${formatCentsNl(line.amountCents)}`);
    expect(text).toContain('SHA-256 van de vastgestelde cijfers');
    // Each table ends in a total row: the sums of the rows it shows.
    const sum = (rows: Record<string, number>[], key: string) => rows.reduce((total, r) => total + (r[key] ?? 0), 0);
    const lines: Record<string, number>[] = c.byLine ?? [];
    expect(lines.length).toBeGreaterThan(0);
    expect(text).toContain(
      `Totaal ${formatCentsNl(sum(lines, 'allocatedCents'))} ${formatMinutesNl(sum(lines, 'minutes'))} ${formatCentsNl(sum(lines, 'amountCents'))} ${formatCentsNl(sum(lines, 'unusedCents'))}`,
    );
    const specialistTotal = `Totaal ${formatMinutesNl(sum(c.bySpecialist, 'minutes'))} ${formatCentsNl(sum(c.bySpecialist, 'amountCents'))}`;
    const activityTotal = `Totaal ${formatMinutesNl(c.totals.minutes)} ${formatCentsNl(c.totals.spentCents)}`;
    // Both tables reconcile here, so their total rows read alike: the text holds it once per table.
    expect(specialistTotal).toBe(activityTotal);
    expect(text.split(specialistTotal).length - 1).toBe(2);
  });

  it('a second adoption and preparing again are refused; the database refuses to change an adopted row', async () => {
    const seen = (await coordinator('GET', `/api/v1/financial-statements/${YEAR}`)).body.sha256;
    expectProblem(await coordinator('POST', `/api/v1/financial-statements/${YEAR}/adoption`, { sha256: seen }), 409, 'invalid-transition');
    expectProblem(await finance('POST', '/api/v1/financial-statements', { year: YEAR }), 409, 'invalid-transition');
    await expect(t.handle.db.execute(sql`update financial_statements set content = '{}' where year = ${YEAR}`)).rejects.toThrow();
    await expect(t.handle.db.execute(sql`delete from financial_statements where year = ${YEAR}`)).rejects.toThrow();
    await expect(t.handle.db.execute(sql`update financial_statements set document_pdf = null where year = ${YEAR}`)).rejects.toThrow();
  });

  it('a correction booked in the year after adoption shows as a difference; the document stays byte-identical', async () => {
    const june = `${YEAR}-06`;
    expect((await finance('PATCH', `/api/v1/accounting-periods/${june}`, { status: 'open', reason: 'Correctie na controle' })).status).toBe(200);
    const entry = approved[0];
    if (!entry) throw new Error('no entry');
    const correction = await coordinator('POST', `/api/v1/time-entries/${entry.id}/corrections`, { minutes: -30, reason: 'Dubbel geschreven' });
    expect(correction.status, JSON.stringify(correction.body)).toBe(201);
    const decided = await deputy('PATCH', `/api/v1/time-entries/${correction.body.id}`, { status: 'approved' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const now = await finance('GET', `/api/v1/financial-statements/${YEAR}`);
    expect(now.body.status).toBe('adopted');
    expect(now.body.changesSinceAdoption.length).toBeGreaterThan(0);
    const changes = now.body.changesSinceAdoption as string[];
    expect(changes.find((c) => c.startsWith('Uitgegeven:'))).toMatch(/^Uitgegeven: vastgesteld .* nu .* \(verschil € -/);
    expect(changes.some((c) => c.startsWith('Specialist '))).toBe(true);
    expect(changes.some((c) => c.startsWith('Activiteit '))).toBe(true);
    // A change of the budget itself after adoption shows too.
    expect((await finance('PATCH', `/api/v1/budgets/${YEAR}`, { allocatedCents: 13_000_000 })).status).toBe(200);
    const later = (await finance('GET', `/api/v1/financial-statements/${YEAR}`)).body.changesSinceAdoption as string[];
    expect(later).toContain('Toegekend bedrag: vastgesteld € 125.000,00, nu € 130.000,00 (verschil € 5.000,00).');
    expect((await download()).rawPayload.equals(adoptedBytes)).toBe(true);
    expect((await download('?format=pdf')).rawPayload.equals(adoptedPdf)).toBe(true);
  });

  it('after the case content of its request is purged, both documents still download byte-identical', async () => {
    await t.handle.db
      .update(schema.interpretationRequests)
      .set({ closedAt: sql`now() - interval '13 months'` as never })
      .where(eq(schema.interpretationRequests.id, requestId));
    expect(await runRetention(t.handle.db, { retentionCaseMonths: 12, retentionLedgerYears: 7 })).toEqual({ contentPurged: 1, ledgerPurged: 0, failed: 0 });
    const [purged] = await t.handle.db
      .select({ at: schema.interpretationRequests.contentPurgedAt })
      .from(schema.interpretationRequests)
      .where(eq(schema.interpretationRequests.id, requestId));
    expect(purged?.at).not.toBeNull();
    expect((await download()).rawPayload.equals(adoptedBytes)).toBe(true);
    expect((await download('?format=pdf')).rawPayload.equals(adoptedPdf)).toBe(true);
  });
});

describe('a statement adopted before the PDF existed', () => {
  const OLD = YEAR - 1;

  it('offers only its XLSX; its PDF is not found and never made afterwards; a draft never stores a PDF', async () => {
    const [adopted] = await t.handle.db.select().from(schema.financialStatements).where(eq(schema.financialStatements.year, YEAR));
    if (!adopted?.adoptedBy || !adopted.adoptedAt) throw new Error('no adopted statement');
    await ensureBudget(t.handle, OLD);
    const content = JSON.stringify({ ...JSON.parse(adopted.content), year: OLD });
    const old = {
      year: OLD,
      content,
      sha256: createHash('sha256').update(content, 'utf8').digest('hex'),
      preparedBy: adopted.preparedBy,
      preparedAt: adopted.preparedAt,
    };
    // A draft holding a PDF is refused by the database: only the adopted PDF is ever stored.
    await expect(t.handle.db.insert(schema.financialStatements).values({ ...old, status: 'prepared', documentPdf: Buffer.from('%PDF') })).rejects.toThrow();
    const xlsx = Buffer.from('the XLSX adopted before the PDF existed');
    await t.handle.db
      .insert(schema.financialStatements)
      .values({ ...old, status: 'adopted', adoptedBy: adopted.adoptedBy, adoptedAt: adopted.adoptedAt, document: xlsx });
    expect((await coordinator('GET', `/api/v1/financial-statements/${OLD}`)).body.documentFormats).toEqual(['xlsx']);
    expect((await download('', OLD)).rawPayload.equals(xlsx)).toBe(true);
    const refused = await finance('GET', `/api/v1/financial-statements/${OLD}/document?format=pdf`);
    expectProblem(refused, 404, 'not-found');
    expect(refused.body.detail).toContain('XLSX');
    const [row] = await t.handle.db.select().from(schema.financialStatements).where(eq(schema.financialStatements.year, OLD));
    expect(row?.documentPdf).toBeNull();
  });
});
