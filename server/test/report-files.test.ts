// The same figures everywhere (issue 11, "done when"; decisions 092, 093): on the living demo year
// the report as the page gets it (JSON), its CSV, its XLSX and its tagged PDF carry the same
// published figures. The CSV and the XLSX are parsed back line by line; the PDF is checked with
// poppler's `pdfinfo` (Tagged: yes) and `pdftotext` (every figure and table title is there).
// The print view is the page itself under the print stylesheet (web/), so it shows the JSON too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_LABELS, type Report, type ReportCell, type ReportUnit } from '@duidingspool/shared';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoYear } from '../src/demo-year.ts';
import { figure } from '../src/modules/reports/report-pdf.ts';
import { type Caller, testConfig, useTestApp } from './harness.ts';

const t = useTestApp();
const year = new Date().getUTCFullYear();
const query = `preset=year-end&year=${year}`;
let coordinator: Caller;
let report: Report;
const dir = mkdtempSync(join(tmpdir(), 'dp-report-files-'));
const L = REPORT_LABELS.nl;

/** One published figure of the report, in the order the files write them: table title, row label, column label, unit, cell. */
function figuresOf(r: Report): { table: string; row: string; column: string; unit: ReportUnit; cell: ReportCell }[] {
  const out: { table: string; row: string; column: string; unit: ReportUnit; cell: ReportCell }[] = [];
  for (const s of r.sections)
    for (const tb of s.tables) {
      for (const row of tb.rows) {
        tb.columns.forEach((c, i) => {
          const cell = row.cells[i];
          if (cell) out.push({ table: tb.title, row: row.label, column: c.label, unit: c.unit, cell });
        });
        if (row.total) out.push({ table: tb.title, row: row.label, column: L.total, unit: 'count', cell: row.total });
      }
      if (tb.columnTotals) {
        tb.columns.forEach((c, i) => {
          const cell = tb.columnTotals?.[i];
          if (cell) out.push({ table: tb.title, row: tb.totalLabel ?? L.total, column: c.label, unit: c.unit, cell });
        });
        if (tb.total) out.push({ table: tb.title, row: tb.totalLabel ?? L.total, column: L.total, unit: 'count', cell: tb.total });
      }
    }
  return out;
}

/** A figure as a number in the files' own unit (euros, hours with two decimals), or its suppression text. */
const asFileValue = (unit: ReportUnit, cell: ReportCell): number | string =>
  cell.kind === 'small'
    ? `< ${cell.below}`
    : cell.kind === 'hidden'
      ? L.hidden
      : unit === 'cents'
        ? cell.value / 100
        : unit === 'minutes'
          ? Math.round((cell.value * 100) / 60) / 100
          : cell.value;

const download = async (format: 'csv' | 'xlsx' | 'pdf') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/reports/export?${query}&format=${format}`, headers: { cookie: coordinator.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};

beforeAll(async () => {
  await seedDemoYear(
    t.handle.db,
    {
      publicUrl: testConfig.publicUrl,
      encryptionKey: testConfig.encryptionKey,
      retentionCaseMonths: testConfig.retentionCaseMonths,
      workingHours: testConfig.workingHours,
    },
    { now: new Date(`${year}-11-17T15:00:00Z`) },
  );
  coordinator = await t.as('coordinator');
  const res = await coordinator('GET', `/api/v1/reports?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  report = res.body as Report;
  // The demo year publishes real figures, not only suppressed ones.
  expect(figuresOf(report).filter((f) => f.cell.kind === 'value' && f.cell.value >= 5).length).toBeGreaterThan(20);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the year-end report of the living demo year', () => {
  it('CSV: every published figure, in order, as the page has it', async () => {
    const rows = parse((await download('csv')).toString('utf8'), { bom: true, delimiter: ';', relax_column_count: true }) as string[][];
    const header = rows.findIndex((r) => r[0] === 'Onderdeel');
    expect(rows.slice(0, header).flat()).toContain(L.threshold(report.threshold));
    const lines = rows.slice(header + 1);
    const expected = figuresOf(report);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((f, i) => {
      const line = lines[i] as string[];
      expect([line[1], line[2], line[3]]).toEqual([f.table, f.row, f.column].map((x) => (/^[=+\-@\t\r]/.test(x) ? `'${x}` : x)));
      const v = asFileValue(f.unit, f.cell);
      expect(typeof v === 'number' ? Number(String(line[4]).replace(/^'/, '').replace(',', '.')) : line[4], `${f.table} / ${f.row} / ${f.column}`).toBe(v);
    });
  });

  it('XLSX: parsed back, every published figure is the same number or the same suppression mark', async () => {
    const files = unzipSync(new Uint8Array(await download('xlsx')));
    const shared = [...strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<si>.*?<t[^>]*>([^<]*)<\/t>.*?<\/si>/gs)].map((m) =>
      (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
    );
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const rows = [...sheet.matchAll(/<row [^>]*>(.*?)<\/row>/gs)].map((m) =>
      [...(m[1] ?? '').matchAll(/<c ([^>]*?)(?:\/>|>(?:<v>([^<]*)<\/v>)?<\/c>)/g)].map((c) =>
        /\bt="s"/.test(c[1] ?? '') ? (shared[Number(c[2])] ?? '') : Number(c[2]),
      ),
    );
    const header = rows.findIndex((r) => r[0] === 'Onderdeel');
    const lines = rows.slice(header + 1);
    const expected = figuresOf(report);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((f, i) => {
      const line = lines[i] as (string | number)[];
      expect([line[1], line[2], line[3], line[4]], `${f.table} / ${f.row} / ${f.column}`).toEqual([f.table, f.row, f.column, asFileValue(f.unit, f.cell)]);
    });
  });

  it('PDF: pdfinfo says Tagged: yes, and pdftotext finds every table and every published figure', async () => {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, await download('pdf'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Rapportage Duidingspool Oost-Nederland$/m);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(L.threshold(report.threshold).replace(/\s+/g, ' '));
    for (const s of report.sections) for (const tb of s.tables) expect(text).toContain(tb.title.replace(/\s+/g, ' '));
    for (const f of figuresOf(report)) {
      const shown = figure(f.cell, f.unit, L.hidden).replace(/\s+/g, ' ');
      expect(text, `${f.table} / ${f.row} / ${f.column}: ${shown}`).toContain(shown);
    }
  });

  it('differencing (decision 132): no count of the year-end report or of a chosen period differs from the same count of the interim or year-end report by 1 … threshold − 1', async () => {
    const get = async (q: string) => {
      const res = await coordinator('GET', `/api/v1/reports?${q}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as Report;
    };
    const interim = await get(`preset=interim&year=${year}`);
    const chosen = await get(`from=${year}-03-01&to=${year}-12-31`);
    /** Pairs of the same count cell published as numbers in both reports. */
    const pairs = (a: Report, b: Report) => {
      const out: [number, number, string][] = [];
      const other = new Map(b.sections.flatMap((s) => s.tables.map((x) => [x.id, x] as const)));
      for (const tb of a.sections.flatMap((s) => s.tables)) {
        const that = other.get(tb.id);
        if (!that) continue;
        const push = (x: ReportCell | null | undefined, y: ReportCell | null | undefined, where: string) => {
          if (x?.kind === 'value' && y?.kind === 'value') out.push([x.value, y.value, `${tb.id} ${where}`]);
        };
        tb.columns.forEach((c, j) => {
          if (c.unit !== 'count') return;
          for (const row of tb.rows) push(row.cells[j], that.rows.find((r) => r.key === row.key)?.cells[j], `${row.key}/${c.key}`);
          push(tb.columnTotals?.[j], that.columnTotals?.[j], `total/${c.key}`);
        });
        for (const row of tb.rows) push(row.total, that.rows.find((r) => r.key === row.key)?.total, `${row.key}/total`);
        push(tb.total, that.total, 'total');
      }
      return out;
    };
    let compared = 0;
    for (const [a, b] of [
      [report, interim],
      [chosen, interim],
      [chosen, report],
    ] as const)
      for (const [x, y, where] of pairs(a, b)) {
        compared += 1;
        const d = Math.abs(x - y);
        expect(d === 0 || d >= report.threshold, `${where}: ${x} − ${y}`).toBe(true);
      }
    expect(compared).toBeGreaterThan(20);
  });
});
