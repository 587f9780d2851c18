import type { Executor } from '@duidingspool/db';
import {
  amsterdamDate,
  DELIVERABLES,
  FEEDBACK_ANSWERED,
  FEEDBACK_CHANGES,
  FEEDBACK_USEFULNESS,
  FUNDING_SOURCE_WORDS,
  PROFESSIONAL_REACH_CATEGORIES,
  type PublishedCell,
  presetPeriod,
  REPORT_LABELS,
  REPORT_PRESETS,
  type Report,
  type ReportCell,
  type ReportColumn,
  type ReportLabels,
  type ReportPreset,
  type ReportQuery,
  type ReportSection,
  type ReportTable,
  type ReportUnit,
  suppressCount,
  suppressList,
  suppressTable,
  URGENCIES,
  yearOf,
} from '@duidingspool/shared';
import { AppError } from '../../errors.ts';
import { hasRole, type ServiceContext } from '../../lib/context.ts';
import { firstWorkingDayLimit, type WorkingHours } from '../../lib/working-time.ts';
import * as rm from './report.read-model.ts';

/** The period of a report query: `from`–`to`, or the preset's dates (the query schema guarantees one of them). */
export function periodOf(q: ReportQuery): rm.Period {
  if (q.preset !== undefined && q.year !== undefined) return presetPeriod(q.preset, q.year);
  return { from: q.from ?? '', to: q.to ?? '' };
}

const cellOf = (c: PublishedCell): ReportCell => c;

/**
 * Reads of the read model for one report request, each made at most once and started when first
 * asked for: `read(rm.flowCounts, p)` answers `rm.flowCounts(db, p)`. The differencing check
 * (decision 132) builds the year-end report beside its interim report and rebuilds a report until
 * no small difference is left; all of that publishes from the same figures, read side by side.
 */
type Read = <A extends unknown[], R>(fn: (db: Executor, ...args: A) => Promise<R>, ...args: A) => Promise<R>;

function readsOf(db: Executor): Read {
  const made = new Map<string, Promise<unknown>>();
  return <A extends unknown[], R>(fn: (db: Executor, ...args: A) => Promise<R>, ...args: A): Promise<R> => {
    const key = `${fn.name}(${JSON.stringify(args)})`;
    let answer = made.get(key) as Promise<R> | undefined;
    if (answer === undefined) {
      answer = fn(db, ...args);
      made.set(key, answer);
    }
    return answer;
  };
}

/**
 * Cells to hide from the start per table id (decision 132), as (row, column) of the published
 * table: a row's total at column `columns.length`, the column totals at row `rows.length`.
 */
type Hide = ReadonlyMap<string, readonly (readonly [number, number])[]>;
const NO_HIDE: Hide = new Map();
/** The positions of column `column` of table `id` to hide, for a list suppressed on its own (its total at `rows`). */
const listHide = (hide: Hide, id: string, column = 0) => (hide.get(id) ?? []).filter(([, c]) => c === column).map(([r]) => r);
/** A label of the report's words by key (the key itself when a word is missing). */
const lbl = (words: Record<string, string>, key: string): string => words[key] ?? key;
const col = (key: string, label: string, unit: ReportUnit): ReportColumn => ({ key, label, unit });

/**
 * One column of labelled figures with a total, suppressed as one list (amounts by their `basis` of
 * requests); `keepTotal` when the total is published elsewhere in the report as it is.
 */
function listTable(
  id: string,
  L: ReportLabels,
  items: { key: string; label: string; value: number; basis?: number }[],
  column: ReportColumn,
  threshold: number,
  opts: { total?: boolean; amounts?: boolean; keepTotal?: boolean; hide?: Hide } = {},
): ReportTable {
  const values = items.map((x) => x.value);
  const keepTotal = opts.keepTotal ?? false;
  const hide = listHide(opts.hide ?? NO_HIDE, id);
  const s = opts.amounts
    ? suppressList(values, { threshold, keepTotal, hide, basis: items.map((x) => x.basis ?? 0) })
    : suppressList(values, { threshold, keepTotal, hide });
  const withTotal = opts.total !== false;
  return {
    id,
    title: L.tables[id] ?? id,
    note: L.notes[id] ?? null,
    columns: [column],
    rows: items.map((x, i) => ({ key: x.key, label: x.label, cells: [cellOf(s.values[i] as PublishedCell)], total: null })),
    totalLabel: withTotal ? L.total : null,
    columnTotals: withTotal ? [s.total] : null,
    total: null,
    chart: column.key,
  };
}

/** Figures that do not add up to anything published (a request can take several steps): each suppressed on its own. */
function countsTable(id: string, L: ReportLabels, items: { key: string; label: string; value: number }[], threshold: number, hide: Hide): ReportTable {
  const hidden = new Set(listHide(hide, id));
  return {
    id,
    title: L.tables[id] ?? id,
    note: L.notes[id] ?? null,
    columns: [col('count', lbl(L.columns, 'count'), 'count')],
    rows: items.map((x, i) => {
      const c = suppressCount(x.value, threshold);
      return { key: x.key, label: x.label, cells: [hidden.has(i) && c.kind === 'value' ? { kind: 'hidden' } : c], total: null };
    }),
    totalLabel: null,
    columnTotals: null,
    total: null,
    chart: 'count',
  };
}

/** The months `YYYY-MM` of a period, in order. */
function monthsOf(p: rm.Period): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  const endY = Number(p.to.slice(0, 4));
  const endM = Number(p.to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const monthLabel = (L: ReportLabels, ym: string) => `${L.months[Number(ym.slice(5, 7)) - 1] ?? ym} ${ym.slice(0, 4)}`;

/** A share in whole percents (half-up), or hidden when either count is not published. */
function share(part: PublishedCell, whole: PublishedCell): ReportCell {
  if (part.kind !== 'value' || whole.kind !== 'value' || whole.value === 0) return { kind: 'hidden' };
  return { kind: 'value', value: Math.floor((part.value * 200 + whole.value) / (2 * whole.value)) };
}

/** The buckets of a wait, in the order the report shows them. */
const WAIT_BUCKETS = ['d1', 'd2', 'd5', 'dmore', 'open'] as const;
type WaitBucket = (typeof WAIT_BUCKETS)[number];
/** The working days a wait that ended took at most, per bucket in `WAIT_BUCKETS`' order (past the last: `dmore`). */
const WAIT_DAYS = [1, 2, 5] as const;

/**
 * The bucket of a wait on the working-day calendar: within 1, 2, 3–5 or more than 5 working days
 * (`to` at or before `addWorkingDays(from, n)`), or not yet.
 */
function waitBucket(from: Date, to: Date | null, hours: WorkingHours): WaitBucket {
  if (to === null) return 'open';
  return WAIT_BUCKETS[firstWorkingDayLimit(from, to, WAIT_DAYS, hours)] ?? 'dmore';
}

/**
 * Received requests by month × urgency, suppressed as one table whose grand total (received) is
 * published elsewhere. Its row totals are the requests per month of the money section too, so
 * both sections publish the same figures (decision 092).
 */
async function receivedByMonth(read: Read, p: rm.Period, t: number, hide: Hide) {
  const months = monthsOf(p);
  const cross = await read(rm.receivedByMonthAndUrgency, p);
  const grid = months.map((month) => URGENCIES.map((u) => cross.find((x) => x.month === month && x.urgency === u)?.n ?? 0));
  return { months, table: suppressTable(grid, { threshold: t, keepTotal: true, hide: hide.get('by-month') ?? [] }) };
}

async function activities(ctx: ServiceContext, read: Read, p: rm.Period, t: number, L: ReportLabels, hide: Hide): Promise<ReportSection> {
  const lang = ctx.actor.language;
  const step = (key: string, value: number) => ({ key, label: L.rows[key] as string, value });
  const [flow, { months, table: byMonth }, deliverables, areas, minutes] = await Promise.all([
    read(rm.flowCounts, p),
    receivedByMonth(read, p, t, hide),
    read(rm.receivedByDeliverable, p),
    read(rm.receivedByExpertise, p),
    read(rm.minutesByActivity, p, t),
  ]);
  return {
    id: 'activities',
    title: L.sections.activities,
    tables: [
      countsTable(
        'flow',
        L,
        [
          step('received', flow.received),
          step('from-offer', flow.fromOffer),
          step('assigned', flow.byStatus.get('assigned') ?? 0),
          step('delivered', flow.delivered),
          step('closed', flow.byStatus.get('closed') ?? 0),
          step('declined', flow.byStatus.get('declined') ?? 0),
          step('withdrawn', flow.byStatus.get('withdrawn') ?? 0),
          step('cancelled', flow.byStatus.get('cancelled') ?? 0),
        ],
        t,
        hide,
      ),
      {
        id: 'by-month',
        title: L.tables['by-month'] as string,
        note: null,
        columns: URGENCIES.map((u) => col(u, L.urgencies[u], 'count')),
        rows: months.map((month, i) => ({
          key: month,
          label: monthLabel(L, month),
          cells: (byMonth.cells[i] ?? []).map(cellOf),
          total: byMonth.rowTotals[i] ?? null,
        })),
        totalLabel: L.total,
        columnTotals: byMonth.columnTotals,
        total: byMonth.total,
        chart: 'total',
      },
      listTable(
        'by-deliverable',
        L,
        DELIVERABLES.map((d) => ({ key: d, label: L.deliverables[d], value: deliverables.get(d) ?? 0 })),
        col('count', lbl(L.columns, 'count'), 'count'),
        t,
        { keepTotal: true, hide },
      ),
      countsTable(
        'by-expertise',
        L,
        areas.map((x) => ({ key: x.code, label: lang === 'en' ? x.nameEn : x.nameNl, value: x.n })),
        t,
        hide,
      ),
      listTable(
        'hours-by-activity',
        L,
        minutes.map((x) => ({ key: x.code, label: lang === 'en' ? x.nameEn : x.nameNl, value: x.minutes, basis: x.requests })),
        col('minutes', lbl(L.columns, 'minutes'), 'minutes'),
        t,
        { amounts: true, hide },
      ),
    ],
  };
}

/**
 * People reached and professionals trained per group (request type or safety region), each column
 * suppressed as one list whose total is kept: the by-type and by-region tables publish the same
 * totals, so each hides what the kept total would give away (decision 090).
 */
function peopleTable(id: string, L: ReportLabels, groups: { key: string; label: string; figures: rm.PeopleReached }[], t: number, hide: Hide): ReportTable {
  const keys = ['sessions', 'people-reached', 'professionals-trained'] as const;
  const pick = (f: rm.PeopleReached, k: (typeof keys)[number]) => (k === 'sessions' ? f.sessions : k === 'people-reached' ? f.people : f.professionals);
  const lists = keys.map((k, c) =>
    suppressList(
      groups.map((g) => pick(g.figures, k)),
      { threshold: t, keepTotal: true, hide: listHide(hide, id, c) },
    ),
  );
  return {
    id,
    title: lbl(L.tables, id),
    note: L.notes[id] ?? null,
    columns: keys.map((k) => col(k, lbl(L.columns, k), 'count')),
    rows: groups.map((g, i) => ({ key: g.key, label: g.label, cells: lists.map((x) => x.values[i] as PublishedCell), total: null })),
    totalLabel: L.total,
    columnTotals: lists.map((x) => x.total),
    total: null,
    chart: 'people-reached',
  };
}

async function reach(read: Read, p: rm.Period, t: number, L: ReportLabels, hide: Hide): Promise<ReportSection> {
  const [data, people] = await Promise.all([read(rm.reachByRegion, p), read(rm.peopleReached, p, PROFESSIONAL_REACH_CATEGORIES)]);
  const none = { sessions: 0, people: 0, professionals: 0 };
  const requests = suppressList(
    data.regions.map((x) => x.requests),
    { threshold: t, keepTotal: true, hide: listHide(hide, 'regions', 0) },
  );
  const reachedList = suppressList(
    data.regions.map((x) => x.reached),
    { threshold: t, keepTotal: true, hide: listHide(hide, 'regions', 1) },
  );
  const regionsServed = data.regions.filter((x) => x.requests > 0).length;
  return {
    id: 'reach',
    title: L.sections.reach,
    tables: [
      countsTable(
        'served',
        L,
        [
          { key: 'municipalities', label: lbl(L.rows, 'municipalities'), value: data.municipalities },
          { key: 'case-tables', label: L.rows['case-tables'] as string, value: data.caseTables },
          { key: 'regions', label: lbl(L.rows, 'regions'), value: regionsServed },
        ],
        t,
        hide,
      ),
      {
        id: 'regions',
        title: lbl(L.tables, 'regions'),
        note: null,
        columns: [
          col('requests', lbl(L.columns, 'requests'), 'count'),
          col('reached', lbl(L.columns, 'reached'), 'count'),
          col('municipalities', lbl(L.columns, 'municipalities'), 'number'),
          col('share', lbl(L.columns, 'share'), 'percent'),
        ],
        // The municipalities in service per region are the structure of the region, not a count of
        // cases: published as they are, with their total.
        rows: data.regions.map((x, i) => {
          const reached = reachedList.values[i] as PublishedCell;
          const all: PublishedCell = { kind: 'value', value: x.municipalities };
          return { key: x.code, label: x.name, cells: [requests.values[i] as PublishedCell, reached, all, share(reached, all)], total: null };
        }),
        totalLabel: L.total,
        columnTotals: [requests.total, reachedList.total, { kind: 'value', value: data.regions.reduce((n, x) => n + x.municipalities, 0) }, { kind: 'hidden' }],
        total: null,
        chart: 'share',
      },
      peopleTable(
        'people-by-type',
        L,
        (['training', 'information-session'] as const).map((type) => ({ key: type, label: L.requestTypes[type], figures: people.byType.get(type) ?? none })),
        t,
        hide,
      ),
      peopleTable(
        'people-by-region',
        L,
        data.regions.map((x) => ({ key: x.code, label: x.name, figures: people.byRegion.get(x.code) ?? none })),
        t,
        hide,
      ),
    ],
  };
}

async function results(read: Read, p: rm.Period, t: number, L: ReportLabels, hide: Hide): Promise<ReportSection> {
  const [fb, followUps] = await Promise.all([read(rm.feedbackCounts, p), read(rm.followUps, p)]);
  const scores = Array.from({ length: FEEDBACK_USEFULNESS.max - FEEDBACK_USEFULNESS.min + 1 }, (_, i) => FEEDBACK_USEFULNESS.min + i);
  const count = col('count', lbl(L.columns, 'count'), 'count');
  return {
    id: 'results',
    title: L.sections.results,
    tables: [
      listTable(
        'answered',
        L,
        FEEDBACK_ANSWERED.map((k) => ({ key: k, label: L.answered[k], value: fb.answered.get(k) ?? 0 })),
        count,
        t,
        { keepTotal: true, hide },
      ),
      listTable(
        'usefulness',
        L,
        scores.map((s) => ({ key: String(s), label: String(s), value: fb.usefulness.get(s) ?? 0 })),
        count,
        t,
        { keepTotal: true, hide },
      ),
      countsTable(
        'changes',
        L,
        FEEDBACK_CHANGES.map((k) => ({ key: k, label: L.changes[k], value: fb.changes.get(k) ?? 0 })),
        t,
        hide,
      ),
      countsTable('follow-ups', L, [{ key: 'follow-ups', label: L.rows['follow-ups'] as string, value: followUps }], t, hide),
    ],
  };
}

/**
 * The requests received in `p` per wait bucket ({@link waitBucket}), from submission to the
 * coordinator's first decision (`toTriage`) and to the first assignment (`toAssignment`).
 */
async function waitTallies(
  db: Executor,
  p: rm.Period,
  hours: WorkingHours,
): Promise<{ toTriage: Map<WaitBucket, number>; toAssignment: Map<WaitBucket, number> }> {
  const toTriage = new Map<WaitBucket, number>();
  const toAssignment = new Map<WaitBucket, number>();
  const add = (n: Map<WaitBucket, number>, b: WaitBucket) => n.set(b, (n.get(b) ?? 0) + 1);
  for (const w of await rm.triageInstants(db, p)) {
    add(toTriage, waitBucket(w.submittedAt, w.decidedAt, hours));
    add(toAssignment, waitBucket(w.submittedAt, w.assignedAt, hours));
  }
  return { toTriage, toAssignment };
}

async function timeliness(ctx: ServiceContext, read: Read, p: rm.Period, t: number, L: ReportLabels, hide: Hide): Promise<ReportSection> {
  const [waits, meeting] = await Promise.all([read(waitTallies, p, ctx.workingHours), read(rm.adviceBeforeMeeting, p)]);
  const tally = (n: Map<WaitBucket, number>) => WAIT_BUCKETS.map((b) => ({ key: b, label: L.rows[b] as string, value: n.get(b) ?? 0 }));
  const count = col('count', lbl(L.columns, 'count'), 'count');
  const beforeTable = listTable(
    'before-meeting',
    L,
    [
      { key: 'before', label: lbl(L.rows, 'before'), value: meeting.before },
      { key: 'after', label: lbl(L.rows, 'after'), value: meeting.after },
    ],
    count,
    t,
    { hide },
  );
  const before = beforeTable.rows[0]?.cells[0] as PublishedCell;
  const whole = (beforeTable.columnTotals?.[0] ?? { kind: 'hidden' }) as PublishedCell;
  beforeTable.columns.push(col('share', lbl(L.columns, 'share'), 'percent'));
  for (const [i, row] of beforeTable.rows.entries()) row.cells.push(i === 0 ? share(before, whole) : share(row.cells[0] as PublishedCell, whole));
  beforeTable.columnTotals?.push({ kind: 'hidden' });
  return {
    id: 'timeliness',
    title: L.sections.timeliness,
    tables: [
      listTable('to-triage', L, tally(waits.toTriage), count, t, { keepTotal: true, hide }),
      listTable('to-assignment', L, tally(waits.toAssignment), count, t, { keepTotal: true, hide }),
      beforeTable,
    ],
  };
}

const daysInYear = (year: number) => (new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1 ? 366 : 365);
const dayOfYear = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(Number(iso.slice(0, 4)), 0, 1)) / 86_400_000) + 1;

async function money(ctx: ServiceContext, read: Read, p: rm.Period, t: number, L: ReportLabels, hide: Hide): Promise<ReportSection> {
  const lang = ctx.actor.language;
  const years: number[] = [];
  for (let y = yearOf(p.from); y <= yearOf(p.to); y++) years.push(y);
  // Straight-line projection of the year of `to`, at the pace of that year so far (integer cents, half-up).
  const year = yearOf(p.to);
  const today = amsterdamDate(ctx.now());
  const through = today < `${year}-01-01` ? null : today > `${year}-12-31` ? `${year}-12-31` : today;
  const dimensions = ['line', 'activity', 'specialist', 'region'] as const;
  const [budgets, spentRows, ytd, { months, table: byMonth }, lines, ...spent] = await Promise.all([
    read(rm.budgetsOf, years),
    read(rm.spentBy, p, 'month', t),
    through === null ? null : read(rm.spentInYearThrough, year, through),
    // Requests received per month exactly as the activities section publishes them (the month table's row totals).
    receivedByMonth(read, p, t, hide),
    read(rm.budgetLinesOf, years),
    ...dimensions.map((d) => read(rm.spentBy, p, d, t)),
  ]);
  const sum = (pick: (b: (typeof budgets)[number]) => number) => budgets.reduce((s, b) => s + pick(b), 0);
  const spentInPeriod = spentRows.reduce((s, x) => s + x.cents, 0);
  let projection: number | null = null;
  if (through !== null && ytd !== null) {
    const elapsed = dayOfYear(through);
    projection = Math.floor((ytd * daysInYear(year) * 2 + elapsed) / (2 * elapsed));
  }
  const cents = col('cents', lbl(L.columns, 'cents'), 'cents');
  const value = (v: number): ReportCell => ({ kind: 'value', value: v });
  const budgetRows = [
    ['allocated', sum((b) => b.allocatedCents)],
    ['reserved', sum((b) => b.reservedCents)],
    ['pending', sum((b) => b.pendingCents)],
    ['spent', sum((b) => b.spentCents)],
    ['spent-in-period', spentInPeriod],
    ['remaining', sum((b) => b.allocatedCents - b.reservedCents - b.pendingCents - b.spentCents)],
    ...(projection === null ? [] : [['projection', projection] as const]),
  ] as const;
  const spentTable = (id: string, dimension: (typeof dimensions)[number]) => {
    const rows = spent[dimensions.indexOf(dimension)] ?? [];
    return listTable(
      id,
      L,
      rows.map((x) => ({ key: x.key, label: lang === 'en' ? x.nameEn : x.nameNl, value: x.cents, basis: x.requests })),
      col('spent', lbl(L.columns, 'spent'), 'cents'),
      t,
      { amounts: true, keepTotal: true, hide },
    );
  };
  // The budget lines with their funding sources (decision 094): allocation and what is available
  // are budget figures, not counts of cases; what a line spent is published as the other amounts.
  // Spend per month is suppressed as a list by the requests it stems from.
  const sourceWords = FUNDING_SOURCE_WORDS[lang];
  const perMonthSpent = months.map((m) => spentRows.find((x) => x.key === m) ?? { cents: 0, requests: 0 });
  const spentList = suppressList(
    perMonthSpent.map((x) => x.cents),
    { threshold: t, keepTotal: true, basis: perMonthSpent.map((x) => x.requests) },
  );
  return {
    id: 'money',
    title: L.sections.money,
    tables: [
      {
        id: 'budget',
        title: lbl(L.tables, 'budget'),
        note: L.notes.budget ?? null,
        columns: [cents],
        rows: budgetRows.map(([key, v]) => ({ key, label: L.rows[key] as string, cells: [value(v)], total: null })),
        totalLabel: null,
        columnTotals: null,
        total: null,
        chart: null,
      },
      {
        id: 'budget-lines',
        title: lbl(L.tables, 'budget-lines'),
        note: L.notes['budget-lines'] ?? null,
        columns: [col('allocated', lbl(L.columns, 'allocated'), 'cents'), col('available', lbl(L.columns, 'available'), 'cents')],
        rows: lines.map((x) => ({
          key: x.code,
          label: `${x.name} (${sourceWords[x.fundingSource]})`,
          cells: [value(x.allocatedCents), value(x.availableCents)],
          total: null,
        })),
        totalLabel: L.total,
        columnTotals: [value(lines.reduce((s, x) => s + x.allocatedCents, 0)), value(lines.reduce((s, x) => s + x.availableCents, 0))],
        total: null,
        chart: null,
      },
      spentTable('spent-by-line', 'line'),
      spentTable('spent-by-activity', 'activity'),
      spentTable('spent-by-specialist', 'specialist'),
      spentTable('spent-by-region', 'region'),
      {
        id: 'spent-by-month',
        title: L.tables['spent-by-month'] as string,
        note: L.notes.money ?? null,
        columns: [col('spent', lbl(L.columns, 'spent'), 'cents'), col('requests', lbl(L.columns, 'requests'), 'count')],
        rows: months.map((m, i) => ({
          key: m,
          label: monthLabel(L, m),
          cells: [spentList.values[i] as PublishedCell, byMonth.rowTotals[i] as PublishedCell],
          total: null,
        })),
        totalLabel: L.total,
        columnTotals: [spentList.total, byMonth.total],
        total: null,
        chart: 'spent',
      },
    ],
  };
}

/** The preset whose period `p` is (its year's interim or year-end period, the periods published, decision 132), or null. */
function presetOf(p: rm.Period): ReportPreset | null {
  return (
    REPORT_PRESETS.find((kind) => {
      const x = presetPeriod(kind, yearOf(p.from));
      return x.from === p.from && x.to === p.to;
    }) ?? null
  );
}

/**
 * The published reports a reader may hold beside the report of `q` and subtract from it (decision
 * 132): for the year-end report its year's interim report; for a chosen period the interim and
 * year-end reports of every year it touches (unless it is one of them). The interim report is the
 * base and is compared with nothing; the year-end report, itself compared with the interim, is
 * compared as it is published.
 */
function companionsOf(q: ReportQuery, p: rm.Period): ReportQuery[] {
  const t = q.threshold;
  const preset = (kind: 'interim' | 'year-end', year: number): ReportQuery => ({ preset: kind, year, threshold: t });
  // A preset's query has the preset's period, so the period alone says which report this is.
  const kind = presetOf(p);
  if (kind === 'interim') return [];
  if (kind === 'year-end') return [preset('interim', yearOf(p.from))];
  const out: ReportQuery[] = [];
  for (let y = yearOf(p.from); y <= yearOf(p.to); y++) out.push(preset('interim', y), preset('year-end', y));
  return out;
}

/**
 * The count cells of `report` that a reader can learn a small count from by subtracting the same
 * cell of `other` (same table, row key and column): both published as numbers, and their difference
 * from 1 to threshold − 1. Positions as in {@link Hide}.
 */
function differencingLeaks(report: Report, other: Report, threshold: number): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  const small = (a: ReportCell | null | undefined, b: ReportCell | null | undefined) => {
    if (a?.kind !== 'value' || b?.kind !== 'value') return false;
    const d = Math.abs(a.value - b.value);
    return d >= 1 && d < threshold;
  };
  const theirs = new Map(other.sections.flatMap((s) => s.tables.map((x) => [x.id, x] as const)));
  for (const table of report.sections.flatMap((s) => s.tables)) {
    // The requests per month of the money section are the month table's row totals (compared there).
    if (table.id === 'spent-by-month') continue;
    const mine = theirs.get(table.id);
    if (!mine) continue;
    const leaks: [number, number][] = [];
    const counts = table.columns.map((c, j) => (c.unit === 'count' ? j : -1)).filter((j) => j >= 0);
    table.rows.forEach((row, i) => {
      const that = mine.rows.find((x) => x.key === row.key);
      if (!that) return;
      for (const j of counts) if (small(row.cells[j], that.cells[j])) leaks.push([i, j]);
      if (small(row.total, that.total)) leaks.push([i, table.columns.length]);
    });
    for (const j of counts) if (small(table.columnTotals?.[j], mine.columnTotals?.[j])) leaks.push([table.rows.length, j]);
    if (small(table.total, mine.total)) leaks.push([table.rows.length, table.columns.length]);
    if (leaks.length > 0) out.set(table.id, leaks);
  }
  return out;
}

/**
 * The report of a period (docs/design.md §12): the coordinator gets activities, reach, results,
 * timeliness and money; finance only money. Every published count is suppressed with the query's
 * threshold (decision 090). The labels are in the reader's language.
 *
 * @throws AppError 409 `no-budget` when a year of the period has no budget (the money section
 *   needs it); 403 `forbidden` for any other role (the route already refuses them)
 */
export async function buildReport(ctx: ServiceContext, q: ReportQuery): Promise<Report> {
  return reportOf(ctx, readsOf(ctx.db), q);
}

/** {@link buildReport} with the reads shared by a report and the companions it is compared with. */
async function reportOf(ctx: ServiceContext, read: Read, q: ReportQuery): Promise<Report> {
  const p = periodOf(q);
  const coordinator = hasRole(ctx.actor, 'coordinator');
  if (!coordinator && !hasRole(ctx.actor, 'finance')) throw new AppError('forbidden', 'Rapportages zijn voor de coördinator en financiën.');
  const years: number[] = [];
  for (let y = yearOf(p.from); y <= yearOf(p.to); y++) years.push(y);
  const known = new Set((await read(rm.budgetsOf, years)).map((b) => b.year));
  const missing = years.find((y) => !known.has(y));
  if (missing !== undefined) {
    throw new AppError('no-budget', `Voor ${missing} is geen budget geopend; een rapport over die periode kan het geld niet verantwoorden.`, {
      errors: [{ in: 'query', pointer: q.preset ? '/year' : '/from', message: `geen budget voor ${missing}`, code: 'no-budget', params: { year: missing } }],
    });
  }
  const L = REPORT_LABELS[ctx.actor.language];
  const t = q.threshold;
  const build = async (hide: Hide): Promise<Report> => {
    const sections: ReportSection[] = coordinator
      ? await Promise.all([
          activities(ctx, read, p, t, L, hide),
          reach(read, p, t, L, hide),
          results(read, p, t, L, hide),
          timeliness(ctx, read, p, t, L, hide),
          money(ctx, read, p, t, L, hide),
        ])
      : [await money(ctx, read, p, t, L, hide)];
    return {
      from: p.from,
      to: p.to,
      preset: q.preset ?? null,
      publishable: presetOf(p) !== null,
      threshold: t,
      generatedAt: ctx.now().toISOString(),
      sections,
    };
  };
  // Differencing (decision 132): a count whose difference with the same count of an overlapping
  // published report is small is hidden here as well, and protected like any hidden cell; hiding
  // moves other cells, so repeat until no small difference is left (the hidden set only grows).
  const companions = companionsOf(q, p);
  if (companions.length === 0) return build(NO_HIDE);
  // The companions' figures are read side by side with this report's first build.
  const [others, first] = await Promise.all([Promise.all(companions.map((c) => reportOf(ctx, read, c))), build(NO_HIDE)]);
  const hide = new Map<string, [number, number][]>();
  for (let report = first; ; report = await build(hide)) {
    let added = false;
    for (const other of others)
      for (const [id, cells] of differencingLeaks(report, other, t)) {
        const list = hide.get(id) ?? [];
        for (const [i, j] of cells)
          if (!list.some(([a, b]) => a === i && b === j)) {
            list.push([i, j]);
            added = true;
          }
        hide.set(id, list);
      }
    if (!added) return report;
  }
}
