// The ledger export: CSV for Dutch Excel (UTF-8 BOM, `;`, decimal comma) and XLSX,
// with formula-looking text neutralised, diacritics and apostrophes intact, no case content, and
// column sums equal to the budget page to the cent.
import { inflateRawSync } from 'node:zlib';
import { schema } from '@duidingspool/db';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoordinator, ledgerMismatches } from './db-helpers.ts';
import { acceptedAssignment, budget, entryBody, expectProblem, thisYear } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
const year = thisYear();
let coordinator: Caller;
/** Decides the corrections the coordinator books (four eyes). */
let deputy: Caller;
let finance: Caller;
let requester: Caller;
let sp2: Caller;
let sp5: Caller;

const FORMULA_NAME = '=HYPERLINK("http://evil.example","klik")';
const DUTCH_NAME = "Anneke van 't Hoff-Çelik";

beforeAll(async () => {
  await createCoordinator(t.handle, 'coordinator.deputy');
  [coordinator, deputy, finance, requester, sp2, sp5] = await Promise.all([
    t.as('coordinator'),
    t.as('coordinator.deputy'),
    t.as('finance'),
    t.as('requester.apeldoorn'),
    t.as('specialist2'),
    t.as('specialist5'),
  ]);
  const u = schema.users;
  await t.handle.db.update(u).set({ displayName: FORMULA_NAME }).where(eq(u.email, 'specialist2@duidingspool.example'));
  await t.handle.db.update(u).set({ displayName: DUTCH_NAME }).where(eq(u.email, 'specialist5@duidingspool.example'));
  // Money in every state: approved, pending, rejected, and an approved negative correction.
  const a2 = await acceptedAssignment(requester, coordinator, sp2, 2, 600);
  const a5 = await acceptedAssignment(requester, coordinator, sp5, 5, 600);
  const log = async (worker: Caller, id: string, minutes: number, description = 'Dossierstudie') =>
    (await worker('POST', `/api/v1/assignments/${id}/time-entries`, entryBody({ minutes, description }))).body as { id: string };
  const e1 = await log(sp2, a2.assignment.id, 61, '+31 gesprek'); // 9658 cents
  const e2 = await log(sp5, a5.assignment.id, 7); // 7 × 9000 / 60 = 1050
  const e3 = await log(sp5, a5.assignment.id, 13, 'Geheime casusinhoud');
  await log(sp2, a2.assignment.id, 20);
  for (const id of [e1.id, e2.id]) expect((await coordinator('PATCH', `/api/v1/time-entries/${id}`, { status: 'approved' })).status).toBe(200);
  expect((await coordinator('PATCH', `/api/v1/time-entries/${e3.id}`, { status: 'rejected', reason: 'Niet declarabel' })).status).toBe(200);
  const c = await coordinator('POST', `/api/v1/time-entries/${e1.id}/corrections`, { minutes: -1, reason: '-1 minuut' });
  expect((await deputy('PATCH', `/api/v1/time-entries/${c.body.id}`, { status: 'approved' })).status).toBe(200);
  expect(await ledgerMismatches(t.handle)).toEqual([]);
});

async function download(caller: Caller, query: string) {
  return t.app.inject({ method: 'GET', url: `/api/v1/budgets/${year}/ledger-export?${query}`, headers: { cookie: caller.cookie } });
}

/** `-1234,50` → -123450 cents, exactly (no floats). */
const cents = (s: string) => {
  if (s === '') return 0;
  const m = /^(-?)(\d+),(\d{2})$/.exec(s);
  if (!m) throw new Error(`not a decimal-comma amount: ${s}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
};

describe('CSV', () => {
  it('is UTF-8 with BOM, `;`-separated with decimal commas, and its columns add up to the budget page', async () => {
    const res = await download(finance, 'format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="grootboek-${year}.csv"`);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    const rows = parse(text, { delimiter: ';', columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'Regel-id',
      'Datum',
      'Specialist',
      'Veiligheidsregio',
      'Gemeente',
      'Casustafel',
      'Poolreferentie',
      'Activiteit',
      'Minuten',
      'Tarief per uur (EUR)',
      'Bedrag (EUR)',
      'Uitgegeven (EUR)',
      'In behandeling (EUR)',
      'Status',
      'Goedgekeurd op',
      'Beoordelaar',
      'Corrigeert regel',
    ]);
    const b = await budget(finance);
    expect(rows.reduce((s, r) => s + cents(r['Uitgegeven (EUR)'] ?? ''), 0)).toBe(b.spentCents);
    expect(rows.reduce((s, r) => s + cents(r['In behandeling (EUR)'] ?? ''), 0)).toBe(b.pendingCents);
    const sixtyOne = rows.find((r) => r.Minuten === '61');
    expect(sixtyOne).toMatchObject({ 'Tarief per uur (EUR)': '95,00', 'Bedrag (EUR)': '96,58', Status: 'goedgekeurd' });
    expect(sixtyOne?.Datum).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    // A correction stays a negative number: not turned into text.
    const correction = rows.find((r) => r.Minuten === '-1');
    expect(correction).toMatchObject({ 'Bedrag (EUR)': '-1,58', 'Uitgegeven (EUR)': '-1,58', 'Corrigeert regel': sixtyOne?.['Regel-id'] });
    // No case content: descriptions are not in the file.
    expect(text).not.toMatch(/Geheime casusinhoud|\+31 gesprek|-1 minuut|CASUS-/);
  });

  it('neutralises formula-looking text and keeps diacritics and apostrophes', async () => {
    const text = (await download(coordinator, 'format=csv')).rawPayload.toString('utf8');
    const rows = parse(text.slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    const names = new Set(rows.map((r) => r.Specialist));
    expect(names.has(`'${FORMULA_NAME}`)).toBe(true);
    expect(names.has(FORMULA_NAME)).toBe(false);
    expect(names.has(DUTCH_NAME)).toBe(true);
    // Every text cell that a spreadsheet would evaluate starts with the neutralising quote.
    for (const r of rows) for (const [k, v] of Object.entries(r)) if (!/EUR|Minuten/.test(k)) expect(v, k).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('exports one month; refuses a month of another year and other roles', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const res = await download(finance, `format=csv&month=${year}-${month.slice(5)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`grootboek-${year}-`);
    const bad = await download(finance, `format=csv&month=${year - 1}-01`);
    expect(bad.statusCode).toBe(400);
    expect((await download(sp2, 'format=csv')).statusCode).toBe(403);
    const badFormat = await finance('GET', `/api/v1/budgets/${year}/ledger-export?format=pdf`);
    expectProblem(badFormat, 400, 'validation-failed');
  });
});

/** The files of a zip (stored or deflated), enough to read an XLSX. */
function unzip(buf: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

describe('XLSX', () => {
  it('is a workbook whose text cells are text (never formulas) with the names intact', async () => {
    const res = await download(finance, 'format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzip(res.rawPayload);
    const sheet = [...files.entries()].find(([n]) => /worksheets\/sheet1\.xml$/.test(n))?.[1] ?? '';
    const strings = files.get('xl/sharedStrings.xml') ?? '';
    const all = sheet + strings;
    expect(sheet).not.toMatch(/<f>/);
    // Stored as a shared string, shown as text: Excel never evaluates it.
    expect(strings).toContain(`<t>${FORMULA_NAME}</t>`);
    expect(strings).toContain(`<t>${DUTCH_NAME}</t>`);
    expect(all).not.toMatch(/Geheime casusinhoud|\+31 gesprek/);
    // The amount cells add up to the budget page: spent column (L) in euros × 100.
    const b = await budget(finance);
    const spent = [...sheet.matchAll(/<c r="L\d+"(?![^>]*t="s")[^>]*><v>(-?[\d.]+)<\/v><\/c>/g)].reduce((s, m) => s + Math.round(Number(m[1]) * 100), 0);
    expect(spent).toBe(b.spentCents);
  });
});
