// The report of a period (docs/design.md §10): coordinator all sections, finance only money,
// every published count suppressed (decision 090), bad input refused with a pointer, and the
// CSV/XLSX download with the ledger export's formula-neutralising rules.
import { rowsOf, schema } from '@duidingspool/db';
import { amsterdamDate, DEFAULT_SUPPRESSION_THRESHOLD, type Report, type ReportCell } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedAssignment, createRequest, expectProblem, pointers, thisYear } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let requester: Caller;
let coordinator: Caller;
let worker: Caller;
let finance: Caller;
const today = amsterdamDate();
const url = (q: string) => `/api/v1/reports?${q}`;

/** Every published cell of a report that suppression governs: all but the columns of unit `number`, which count no cases. */
function cellsOf(report: Report): ReportCell[] {
  return report.sections.flatMap((s) =>
    s.tables.flatMap((tb) => {
      const governed = (_: unknown, i: number) => tb.columns[i]?.unit !== 'number';
      return [
        ...tb.rows.flatMap((r) => [...r.cells.filter(governed), ...(r.total ? [r.total] : [])]),
        ...(tb.columnTotals ?? []).filter(governed),
        ...(tb.total ? [tb.total] : []),
      ];
    }),
  );
}

const cell = (report: Report, section: string, table: string, row: string, column = 0) =>
  report.sections
    .find((s) => s.id === section)
    ?.tables.find((x) => x.id === table)
    ?.rows.find((r) => r.key === row)?.cells[column];

/** The rule: a count of 0 or ≥ threshold is published as it is, 1 … threshold − 1 as "< threshold" or hidden. */
const published = (n: number, threshold: number): ReportCell['kind'][] => (n === 0 || n >= threshold ? ['value', 'hidden'] : ['small', 'hidden']);

beforeAll(async () => {
  [requester, coordinator, worker, finance] = await Promise.all([t.as('requester.nijmegen'), t.as('coordinator'), t.as('specialist4'), t.as('finance')]);
  // Six requests today: three urgent; two taken through advice and closed with feedback.
  for (let i = 0; i < 4; i++) await createRequest(requester, { urgency: i % 2 === 0 ? 'urgent' : 'regular' });
  for (let i = 0; i < 2; i++) {
    const { request } = await acceptedAssignment(requester, coordinator, worker, 4, 60);
    const r = `/api/v1/interpretation-requests/${request.id}`;
    expect((await worker('POST', `${r}/advice`, { summary: 'Kern', body: 'Advies' })).status).toBe(201);
    expect((await requester('PATCH', r, { status: 'closed' })).status).toBe(200);
    expect((await requester('POST', `${r}/feedback`, { answered: 'yes', usefulness: 5, changes: ['intervention'] })).status).toBe(201);
  }
});

describe('GET /api/v1/reports', () => {
  it('gives the coordinator five sections and finance only money, with the threshold', async () => {
    const full = await coordinator('GET', url(`from=${today}&to=${today}`));
    expect(full.status, JSON.stringify(full.body)).toBe(200);
    expect(full.body.sections.map((s: { id: string }) => s.id)).toEqual(['activities', 'reach', 'results', 'timeliness', 'money']);
    expect(full.body.threshold).toBe(5);
    const money = await finance('GET', url(`from=${today}&to=${today}`));
    expect(money.status).toBe(200);
    expect(money.body.sections.map((s: { id: string }) => s.id)).toEqual(['money']);
    for (const who of ['requester.nijmegen', 'specialist4', 'admin'])
      expectProblem(await (await t.as(who))('GET', url(`from=${today}&to=${today}`)), 403, 'forbidden');
  });

  it('publishes each count by the rule: the received requests of today as counted in the database', async () => {
    const [row] = rowsOf<{ n: number }>(
      await t.handle.db.execute(sql`
      select count(*)::int as n from (
        select ${schema.requestStatusEvents.requestId}, min(${schema.requestStatusEvents.occurredAt}) as at from ${schema.requestStatusEvents}
        where ${schema.requestStatusEvents.toStatus} = 'submitted' group by 1) f
      where (f.at at time zone 'Europe/Amsterdam')::date = ${today}::date`),
    );
    const received = Number(row?.n);
    expect(received).toBeGreaterThanOrEqual(6);
    for (const threshold of [5, 7, 20]) {
      const res = await coordinator('GET', url(`from=${today}&to=${today}&threshold=${threshold}`));
      expect(res.status).toBe(200);
      const c = cell(res.body, 'activities', 'flow', 'received') as ReportCell;
      expect(c.kind === 'value' ? c.value : c.kind).toBe(received >= threshold ? received : 'small');
      for (const x of cellsOf(res.body)) if (x.kind === 'value') expect(x.value === 0 || x.value >= threshold || x.value < 0, JSON.stringify(x)).toBe(true);
    }
  });

  it('never publishes a count from 1 to 4 at the default threshold, and shows feedback when there is enough', async () => {
    const res = await coordinator('GET', url(`preset=year-end&year=${thisYear()}`));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: `${thisYear()}-01-01`, to: `${thisYear()}-12-31`, preset: 'year-end', publishable: true });
    const report = res.body as Report;
    for (const section of report.sections)
      for (const table of section.tables)
        table.columns.forEach((col, i) => {
          if (col.unit !== 'count') return;
          for (const r of table.rows) {
            const x = r.cells[i];
            if (x?.kind === 'value') expect(x.value === 0 || x.value >= 5, `${table.id}/${r.key}`).toBe(true);
          }
        });
    const [fb] = rowsOf<{ n: number }>(
      await t.handle.db.execute(sql`select count(*)::int as n from ${schema.requestFeedback} where ${schema.requestFeedback.answered} = 'yes'`),
    );
    expect(published(Number(fb?.n), 5)).toContain(cell(report, 'results', 'answered', 'yes')?.kind);
    const interim = await coordinator('GET', url(`preset=interim&year=${thisYear()}`));
    expect(interim.body).toMatchObject({ from: `${thisYear()}-01-01`, to: `${thisYear()}-06-30` });
  });

  it('publishes the municipalities in service per region as they are, with their total: the structure of the region counts no cases', async () => {
    const report = (await coordinator('GET', url(`preset=year-end&year=${thisYear()}`))).body as Report;
    const regions = report.sections.flatMap((s) => s.tables).find((x) => x.id === 'regions');
    const column = regions?.columns.findIndex((c) => c.key === 'municipalities') ?? -1;
    expect(regions?.columns[column]?.unit).toBe('number');
    const [inService] = rowsOf<{ n: number }>(
      await t.handle.db.execute(sql`select count(*)::int as n from ${schema.municipalities} where ${schema.municipalities.retiredAt} is null`),
    );
    const cells = regions?.rows.map((r) => r.cells[column]) ?? [];
    expect(cells.every((c) => c?.kind === 'value')).toBe(true);
    expect(regions?.columnTotals?.[column]).toEqual({ kind: 'value', value: Number(inService?.n) });
  });

  it('calls a chosen period an internal overview, on the page and in its files, and the periods of the presets publishable', async () => {
    const chosen = await coordinator('GET', url(`from=${thisYear()}-06-01&to=${thisYear()}-12-31`));
    expect(chosen.body).toMatchObject({ preset: null, publishable: false });
    const sameAsYear = await coordinator('GET', url(`from=${thisYear()}-01-01&to=${thisYear()}-12-31`));
    expect(sameAsYear.body).toMatchObject({ preset: null, publishable: true });
    const csv = await coordinator('GET', `/api/v1/reports/export?from=${thisYear()}-06-01&to=${thisYear()}-12-31&format=csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('Intern overzicht over een zelfgekozen periode: niet om te publiceren.');
    const yearCsv = await coordinator('GET', `/api/v1/reports/export?preset=year-end&year=${thisYear()}&format=csv`);
    expect(String(yearCsv.body)).not.toContain('Intern overzicht');
  });

  it('publishes a figure that stands in two tables the same in both', async () => {
    const res = await coordinator('GET', url(`preset=year-end&year=${thisYear()}`));
    const report = res.body as Report;
    const table = (section: string, id: string) => report.sections.find((s) => s.id === section)?.tables.find((x) => x.id === id);
    const byMonth = table('activities', 'by-month');
    const money = table('money', 'spent-by-month');
    expect(money?.rows.map((r) => r.cells[1])).toEqual(byMonth?.rows.map((r) => r.total));
    expect(money?.columnTotals?.[1]).toEqual(byMonth?.total);
    const received = cell(report, 'activities', 'flow', 'received');
    expect(byMonth?.total).toEqual(received);
    expect(table('activities', 'by-deliverable')?.columnTotals?.[0]).toEqual(received);
    expect(table('timeliness', 'to-triage')?.columnTotals?.[0]).toEqual(received);
    expect(table('reach', 'regions')?.columnTotals?.[0]).toEqual(received);
    expect(table('results', 'answered')?.columnTotals?.[0]).toEqual(table('results', 'usefulness')?.columnTotals?.[0]);
  });

  it('refuses an end before the start, a threshold below the default 5 (a report may be more cautious, never less), a preset without year and a year without budget', async () => {
    const back = await coordinator('GET', url('from=2026-03-01&to=2026-02-28'));
    expectProblem(back, 400, 'validation-failed');
    expect(pointers(back)).toEqual(['/to']);
    for (const threshold of [1, 2, DEFAULT_SUPPRESSION_THRESHOLD - 1]) {
      const low = await coordinator('GET', url(`from=${today}&to=${today}&threshold=${threshold}`));
      expectProblem(low, 400, 'validation-failed');
      expect(pointers(low)).toEqual(['/threshold']);
    }
    expect(pointers(await coordinator('GET', url('preset=interim')))).toEqual(['/year']);
    const noBudget = await finance('GET', url('preset=year-end&year=2001'));
    expectProblem(noBudget, 409, 'no-budget');
  });

  it('downloads CSV and XLSX as published, with the threshold and no formula', async () => {
    const csv = await coordinator('GET', `/api/v1/reports/export?from=${today}&to=${today}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = String(csv.body);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('drempel 5');
    expect(text.split('\r\n').some((line) => /^[=+@]/.test(line))).toBe(false);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/export?from=${today}&to=${today}&format=xlsx`,
      headers: { cookie: finance.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expectProblem(await coordinator('GET', `/api/v1/reports/export?from=${today}&to=2000-01-01&format=csv`), 400, 'validation-failed');
    // A tagged PDF: marked, with a structure tree, a language and the title shown (what `pdfinfo` reports as Tagged: yes).
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/export?preset=year-end&year=${thisYear()}&format=pdf`,
      headers: { cookie: coordinator.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload.toString('latin1');
    expect(bytes.startsWith('%PDF-1.7')).toBe(true);
    expect(bytes).toMatch(/\/Marked true/);
    expect(bytes).toMatch(/\/StructTreeRoot/);
    expect(bytes).toMatch(/\/Lang \(nl-NL\)/);
    expect(bytes).toMatch(/\/DisplayDocTitle true/);
  });
});
