// A living demo (decision 087): a believable year of fictional pool work, written through the real
// domain services with a backdated clock, so every rule, ledger line and timeline entry is the one
// the product itself would write.
import { type Database, DEMO_DOMAIN, DEMO_SPECIALISTS, schema, seedDemo, type Transaction } from '@duidingspool/db';
import {
  amsterdamDate,
  type DELIVERABLES,
  type DecideExtensionBody,
  type GiveFeedbackBody,
  type PatchAssignmentBody,
  type PatchInterpretationRequestBody,
  REQUEST_TYPE_RULES,
  type RequestStatus,
  type Role,
  yearOf,
} from '@duidingspool/shared';
import { eq, sql } from 'drizzle-orm';
import type { Actor, ServiceContext } from './lib/context.ts';
import { applyAssignmentUpdate, proposeSpecialist } from './modules/assignments/index.ts';
import { SYSTEM_ORIGIN } from './modules/audit/index.ts';
import { decideExtension, requestExtension } from './modules/extension-requests/index.ts';
import { applyRequestTransition, deliverAdvice, giveFeedback, insertInterpretationRequest } from './modules/interpretation-requests/index.ts';
import { markDemoInboxRead, markDemoMailSent } from './modules/notifications/index.ts';
import { setPeriodStatus } from './modules/periods/index.ts';
import { logTime, reviewTimeEntries } from './modules/time-entries/index.ts';

/** The deliverables of the demo's requests: those of a case interpretation (decision 095). */
const CASE_DELIVERABLES = REQUEST_TYPE_RULES['case-interpretation'].deliverables;

/** What the demo year needs of the configuration besides the database. */
export type DemoYearSettings = Pick<ServiceContext, 'publicUrl' | 'encryptionKey' | 'retentionCaseMonths' | 'workingHours'>;

/** What `seedDemoYear` wrote: `requests` 0 when the pool already held requests (nothing written). */
export interface DemoYearResult {
  requests: number;
  timeEntries: number;
  closedMonths: string[];
}

/** How many days back the demo year starts. */
export const DEMO_YEAR_DAYS = 300;

const DAY_MS = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
/** The first working day on or after `iso`. */
const workday = (iso: string) => {
  let d = iso;
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
  return d;
};
/** An instant on `iso` during office hours: `minute` minutes after 08:00 UTC (09:00 or 10:00 in Amsterdam). */
const at = (iso: string, minute: number) => new Date(Date.parse(`${iso}T08:00:00Z`) + minute * 60_000);

/** A small seeded pseudo-random generator (mulberry32): the same demo for the same day. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T,
  };
}

/** Fictional questions, one per theme: no names, places below the municipality, dates or numbers that point to a person. */
const THEMES = [
  {
    areas: ['jihadism', 'islamic-theology'],
    languages: ['ar'],
    question:
      'Een jongere deelt in appgroepen teksten van een jihadistische prediker en spreekt leeftijdsgenoten aan op hun geloofsbeleving. Is dit een zorgelijke ontwikkeling of vooral een zoektocht naar identiteit?',
    context: 'School en wijkteam zien dat de jongere zich de laatste maanden terugtrekt uit het sportteam. Er zijn geen eerdere politiecontacten bekend.',
  },
  {
    areas: ['right-wing-extremism', 'online-radicalisation'],
    languages: [],
    question:
      'Een jongvolwassene plaatst op een online forum beelden met verwijzingen naar rechts-extremistische aanslagplegers. Hoe moeten wij deze uitingen duiden en welke aanpak past erbij?',
    context: 'De melding kwam via de jeugdagent na signalen van een docent. De betrokkene woont bij zijn ouders en volgt een opleiding.',
  },
  {
    areas: ['anti-institutional-extremism', 'polarisation'],
    languages: [],
    question:
      'Een inwoner weigert elk contact met de gemeente en noemt medewerkers in brieven handlangers van een onwettig gezag. Is hier sprake van soevereinistisch gedachtegoed en wat betekent dat voor de dienstverlening?',
    context: 'Meerdere afdelingen ontvingen brieven; de toon is de laatste weken scherper geworden. Er zijn geen concrete dreigingen geuit.',
  },
  {
    areas: ['returnees', 'family-systems'],
    languages: ['ar', 'fr'],
    question:
      'Een gezin waarvan een ouder terugkeerde uit een conflictgebied vraagt om begeleiding. Welke risico’s en beschermende factoren zien de deskundigen voor de kinderen?',
    context: 'Het gezin staat open voor hulp. Jeugdzorg en de school zijn betrokken en willen hun aanpak op elkaar afstemmen.',
  },
  {
    areas: ['left-wing-extremism', 'polarisation'],
    languages: ['de'],
    question: 'Een actiegroep kondigt acties aan bij een bedrijf in de gemeente. Verschuift de groep van legitiem protest naar het goedpraten van geweld?',
    context: 'De groep is al jaren actief; recente oproepen op sociale media zijn feller van toon dan voorheen.',
  },
  {
    areas: ['psychology', 'online-radicalisation'],
    languages: [],
    question:
      'Een minderjarige met een kwetsbare psychische gezondheid zoekt online contact met extremistische groepen. Hoe verhouden de psychische problematiek en de ideologische belangstelling zich tot elkaar?',
    context: 'De jongere is in behandeling bij de jeugd-ggz. De behandelaar en de ouders maken zich zorgen over het gebruik van besloten kanalen.',
  },
  {
    areas: ['polarisation', 'family-systems'],
    languages: ['tr'],
    question:
      'Spanningen tussen twee groepen jongeren in een wijk lopen op na een incident op sociale media. Welke duiding en welke aanpak adviseren de deskundigen?',
    context: 'Jongerenwerk en wijkagent zien dat beide groepen elkaar online uitdagen. Ouders vragen de gemeente om op te treden.',
  },
  {
    areas: ['islamic-theology'],
    languages: ['ar', 'ber'],
    question:
      'Een gemeenschap vraagt om duiding van een nieuwe studiegroep met een strikte uitleg van de leer. Is hier sprake van radicalisering of van orthodoxie?',
    context: 'Het bestuur van de moskee heeft zelf contact gezocht met de gemeente en wil graag meedenken.',
  },
  {
    areas: ['right-wing-extremism', 'family-systems'],
    languages: [],
    question:
      'Een ouder uit zich in het gezin steeds vaker in extreemrechtse termen; de kinderen nemen dit over op school. Hoe kijken de deskundigen naar deze gezinssituatie?',
    context: 'De school heeft het gesprek met de ouder gezocht; dat verliep moeizaam. Het wijkteam is betrokken bij het gezin.',
  },
  {
    areas: ['jihadism', 'psychology'],
    languages: ['tr'],
    question:
      'Een jongvolwassene die eerder een straf uitzat, toont na terugkeer in de gemeente belangstelling voor jihadistische propaganda. Hoe schatten de deskundigen het risico in en wat helpt bij re-integratie?',
    context: 'De reclassering en de casusregisseur werken samen. De betrokkene heeft werk en een vaste woonplek.',
  },
] as const;

const ADVICE = [
  {
    summary: 'Zorgen zijn terecht, maar er is nu geen direct veiligheidsrisico; zet in op binding en een vaste gesprekspartner.',
    body: 'De signalen passen bij een zoektocht naar identiteit en erkenning waarin extreme ideeën een antwoord lijken te bieden.\n\nAdvies: houd het contact warm via een vertrouwde professional, bespreek de ideeën zonder ze weg te zetten, en betrek het netwerk. Evalueer over drie maanden in de casustafel.',
  },
  {
    summary: 'De uitingen wijzen op een toenemende ideologische verankering; een persoonsgerichte aanpak met regelmatige weging is nodig.',
    body: 'Uit het dossier en de gesprekken komt een beeld naar voren van versnelde online radicalisering. Er zijn geen aanwijzingen voor concrete voorbereiding van geweld.\n\nAdvies: stel een casusregisseur aan, maak afspraken over het delen van signalen, en laat de deskundige na twee maanden opnieuw duiden.',
  },
  {
    summary: 'Het gedachtegoed is anti-institutioneel maar niet gewelddadig; houd de dienstverlening open en de-escaleer.',
    body: 'De brieven passen bij een bekend patroon van wantrouwen tegenover de overheid. Confrontatie versterkt dat patroon meestal.\n\nAdvies: één vast aanspreekpunt, zakelijke en korte communicatie, en duidelijke grenzen bij intimidatie.',
  },
  {
    summary: 'Er zijn vooral beschermende factoren; blijf het gezin ondersteunen en volg de ontwikkeling van de kinderen.',
    body: 'Het gezin werkt mee en het netwerk is betrokken. De risico’s liggen vooral bij sociale isolatie en stigmatisering.\n\nAdvies: blijf investeren in het vertrouwen, zorg voor afstemming tussen school en jeugdzorg, en bied de ouder traumagerichte ondersteuning.',
  },
] as const;

const ENTRY_TEXTS: Record<string, string> = {
  'case-file-study': 'Dossierstudie: stukken van de casustafel en eerdere verslagen doorgenomen.',
  'interpretation-interview': 'Duidingsgesprek met de betrokken professionals.',
  'case-table-meeting': 'Deelname aan het casusoverleg en toelichting op de eerste bevindingen.',
  'professional-consultation': 'Consultatie met de uitvoerend professional over de gespreksaanpak.',
  'written-advice': 'Schriftelijk advies opgesteld en afgestemd met de aanvrager.',
  travel: 'Reistijd naar en van het casusoverleg.',
};
const WORK_ACTIVITIES = ['case-file-study', 'interpretation-interview', 'professional-consultation', 'case-table-meeting', 'travel'] as const;

/** The final state of one demo request, and how many hours its work takes. */
interface Plan {
  status: RequestStatus;
  /** Days before today the request is created. */
  startDaysAgo: number;
  /** Hours of work the specialist logs (before any rejection). */
  hours: number;
  /** Variations on the way. */
  askFirst?: boolean;
  declineFirst?: boolean;
  /** An extension request on the way: decided as `DecideExtensionBody['status']`, or left open. */
  extension?: DecideExtensionBody['status'] | 'open';
}

/**
 * The plan of the year: 31 requests in every status, the closed ones spread over the past
 * `DEMO_YEAR_DAYS` days, the open ones in the last weeks. Hours are chosen so the current year's
 * budget is about 40 % committed (at rates of € 85–140 an hour).
 */
function planYear(r: ReturnType<typeof random>): Plan[] {
  const plans: Plan[] = [];
  for (let i = 0; i < 11; i++) {
    plans.push({
      status: 'closed',
      startDaysAgo: 290 - i * 20 - r.int(0, 8),
      hours: r.int(16, 32),
      ...(i % 4 === 1 ? { askFirst: true } : {}),
      ...(i % 5 === 2 ? { declineFirst: true } : {}),
      ...(i % 3 === 0 ? { extension: i % 2 === 0 ? ('granted' as const) : ('refused' as const) } : {}),
    });
  }
  for (let i = 0; i < 3; i++) plans.push({ status: 'advice-delivered', startDaysAgo: 45 + i * 8, hours: r.int(14, 24) });
  for (let i = 0; i < 5; i++) {
    plans.push({ status: 'in-progress', startDaysAgo: 25 + i * 12, hours: r.int(8, 18), ...(i === 1 ? { extension: 'open' as const } : {}) });
  }
  for (let i = 0; i < 2; i++) plans.push({ status: 'assigned', startDaysAgo: 6 + i * 3, hours: 12 });
  plans.push({ status: 'submitted', startDaysAgo: 2, hours: 0 }, { status: 'submitted', startDaysAgo: 12, hours: 0, declineFirst: true });
  plans.push({ status: 'needs-information', startDaysAgo: 5, hours: 0 }, { status: 'needs-information', startDaysAgo: 8, hours: 0 });
  plans.push({ status: 'draft', startDaysAgo: 3, hours: 0 }, { status: 'draft', startDaysAgo: 1, hours: 0 });
  plans.push({ status: 'declined', startDaysAgo: 210, hours: 0 }, { status: 'declined', startDaysAgo: 95, hours: 0 });
  plans.push({ status: 'withdrawn', startDaysAgo: 150, hours: 0 }, { status: 'cancelled', startDaysAgo: 120, hours: 0 });
  return plans;
}

const REASONS = {
  ask: 'Kunt u aangeven welke signalen de school en het wijkteam precies zien en hoe lang al ongeveer?',
  answer: 'De signalen staan nu in de toelichting; school en wijkteam zien ze sinds het begin van het schooljaar.',
  declined: 'Deze vraag valt buiten de opdracht van de pool: er zijn geen signalen van radicalisering. Wij verwijzen naar het reguliere zorgnetwerk.',
  withdrawn: 'De vraag is inmiddels in het lokale netwerk beantwoord.',
  cancelled: 'De casus is overgedragen aan een andere regio; de inzet vervalt.',
  proposalDeclined: 'Op dit moment onvoldoende ruimte in de agenda; graag een collega vragen.',
  // Asked by the server when the demo's choice is not the top suggestion (decision 103).
  override: 'Kent deze casustafel uit eerdere casuïstiek.',
  extension: 'Er zijn aanvullende stukken aangeleverd die bestudeerd moeten worden.',
  extensionGranted: 'Akkoord, dit past bij de vraag.',
  extensionRefused: 'De huidige inschatting volstaat voor de gevraagde duiding.',
  closed: 'Dank voor het heldere advies; de casustafel gaat ermee verder.',
  rejected: 'Deze reistijd is al in een andere urenregel opgenomen.',
} as const;

/** The feedback answers of the closed demo requests (docs/design.md §12): mostly answered and useful. */
const FEEDBACK: readonly GiveFeedbackBody[] = [
  { answered: 'yes', usefulness: 5, changes: ['assessment', 'intervention'] },
  { answered: 'yes', usefulness: 4, changes: ['assessment'] },
  {
    answered: 'partly',
    usefulness: 3,
    changes: ['no-change'],
    comment: 'De duiding was helder; voor de interventie hadden wij meer concrete handvatten willen hebben.',
  },
  { answered: 'yes', usefulness: 5, changes: ['de-escalation', 'assessment'] },
  { answered: 'yes', usefulness: 4, changes: ['intervention'] },
  { answered: 'no', usefulness: 2, changes: ['other'], comment: 'De vraag bleek breder dan verwacht; wij dienen een vervolgvraag in.' },
  { answered: 'yes', usefulness: 4, changes: ['escalation'] },
];

/** A demo account's actor, read from the database (`local@duidingspool.example`). */
async function demoActor(db: Database, local: string): Promise<Actor> {
  const email = `${local}@${DEMO_DOMAIN}`;
  const [user] = await db.select({ id: schema.users.id, displayName: schema.users.displayName }).from(schema.users).where(eq(schema.users.email, email));
  if (!user) throw new Error(`demo account ${email} missing: seed the demo accounts first`);
  const roles = (await db.select({ role: schema.userRoles.role }).from(schema.userRoles).where(eq(schema.userRoles.userId, user.id))).map(
    (x) => x.role as Role,
  );
  const tables = await db.select({ id: schema.caseTableMembers.caseTableId }).from(schema.caseTableMembers).where(eq(schema.caseTableMembers.userId, user.id));
  const municipalities = await db
    .select({ id: schema.municipalityMembers.municipalityId })
    .from(schema.municipalityMembers)
    .where(eq(schema.municipalityMembers.userId, user.id));
  const [spec] = await db.select({ id: schema.specialists.id }).from(schema.specialists).where(eq(schema.specialists.userId, user.id));
  return {
    userId: user.id,
    email,
    displayName: user.displayName,
    roles,
    caseTableIds: tables.map((t) => t.id),
    municipalityIds: municipalities.map((m) => m.id),
    specialistId: spec?.id ?? null,
    sessionId: '00000000-0000-0000-0000-000000000000',
    language: 'nl',
  };
}

/**
 * The demo year's transaction as the database the services are given: a service's own
 * `transaction(…)` runs its callback on that same transaction instead of inside a savepoint. The
 * statements and rows are the service's own; only the `savepoint` / `release savepoint` pair around
 * each service call (255 pairs, a tenth of the year's statements) is left out. A savepoint would
 * matter only to a service that catches a failed statement and goes on; none on the demo's path does,
 * and should one, PostgreSQL refuses every later statement of the aborted transaction and the whole
 * year rolls back (`seedDemoYear` throws) rather than write anything else (decision 074).
 */
function withoutSavepoints(tx: Transaction): Database {
  const db: Database = new Proxy(tx as unknown as Database, {
    get(target, key, receiver) {
      if (key === 'transaction') return <T>(work: (inner: Database) => Promise<T>) => work(db);
      return Reflect.get(target, key, receiver);
    },
  });
  return db;
}

/** Days before the first start whose inbox items the demo year leaves unread. */
const DEMO_UNREAD_DAYS = 7;

/**
 * Seeds a believable year of fictional pool work on top of the demo structure and accounts
 * (`seedDemoDatabase` first): 31 requests over the six casustafels in every status, proposals
 * declined and accepted, approved, rejected and pending hours, advice, extension requests granted,
 * refused and open, requests declined, withdrawn and cancelled, and the accounting months up to two
 * months ago closed. Everything goes through the domain services with a clock set back to the day
 * of each step, inside one transaction. Deterministic for a given `now` (seeded pseudo-random);
 * idempotent: a pool that already holds a request is left alone. Never in production (the callers
 * refuse).
 *
 * @param now the real current instant; no step is dated after it
 * @returns what it wrote (`requests: 0` when it left an existing pool alone)
 * @throws AppError when a service refuses a step (a bug in the plan), Error when the demo accounts are missing
 */
export async function seedDemoYear(db: Database, settings: DemoYearSettings, options: { now?: Date } = {}): Promise<DemoYearResult> {
  const realNow = options.now ?? new Date();
  const today = amsterdamDate(realNow);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(schema.interpretationRequests);
    if ((existing?.n ?? 0) > 0) return { requests: 0, timeEntries: 0, closedMonths: [] };
    const waiting = (await tx.select({ id: schema.notifications.id }).from(schema.notifications).where(eq(schema.notifications.status, 'pending'))).map(
      (x) => x.id,
    );
    const first = addDays(today, -DEMO_YEAR_DAYS - 10);
    // The year reaches back into the previous calendar year early in the year: give that year a budget too.
    if (yearOf(first) !== yearOf(today)) await seedDemo(tx, { today: first });
    const txDb = withoutSavepoints(tx);
    const r = random(87);
    let clock = realNow;
    const base = { db: txDb, origin: SYSTEM_ORIGIN, now: () => clock, ...settings };
    const as = (actor: Actor): ServiceContext => ({ ...base, actor });
    const coordinator = as(await demoActor(txDb, 'coordinator'));
    const finance = as(await demoActor(txDb, 'finance'));
    const tables = await tx
      .select({ id: schema.caseTables.id, code: schema.caseTables.code })
      .from(schema.caseTables)
      .where(sql`${schema.caseTables.retiredAt} is null`)
      .orderBy(schema.caseTables.code);
    const requesters = new Map<string, ServiceContext>();
    for (const table of tables) {
      const [member] = await tx
        .select({ email: schema.users.email })
        .from(schema.caseTableMembers)
        .innerJoin(schema.users, eq(schema.users.id, schema.caseTableMembers.userId))
        .where(sql`${schema.caseTableMembers.caseTableId} = ${table.id} and ${schema.users.isDemo}`)
        .limit(1);
      if (member) requesters.set(table.id, as(await demoActor(txDb, member.email.split('@')[0] as string)));
    }
    const municipalities = new Map<string, string[]>();
    for (const row of await tx.select().from(schema.caseTableMunicipalities)) {
      municipalities.set(row.caseTableId, [...(municipalities.get(row.caseTableId) ?? []), row.municipalityId]);
    }
    const specialists = await Promise.all(DEMO_SPECIALISTS.map(async (s) => ({ ...s, ctx: as(await demoActor(txDb, `specialist${s.n}`)) })));
    const usableTables = tables.filter((t) => requesters.has(t.id) && (municipalities.get(t.id)?.length ?? 0) > 0);
    if (usableTables.length === 0) throw new Error('no casustafel with a demo requester: seed the demo accounts first');

    const dayMinutes = new Map<string, number>();
    let timeEntries = 0;
    // In the order they were created, so the pool references (DP-year-number) follow the calendar.
    const plans = planYear(r).sort((a, b) => b.startDaysAgo - a.startDaysAgo);
    let lastCreated = new Date(0);
    for (const [i, plan] of plans.entries()) {
      const table = usableTables[i % usableTables.length] as (typeof usableTables)[number];
      const requester = requesters.get(table.id) as ServiceContext;
      const theme = THEMES[i % THEMES.length] as (typeof THEMES)[number];
      let day = workday(addDays(today, -plan.startDaysAgo));
      if (day >= today) day = addDays(today, -1);
      const step = (days: number) => {
        day = workday(addDays(day, days));
        if (day >= today) day = addDays(today, -1);
        clock = at(day, r.int(0, 420));
      };
      clock = at(day, r.int(0, 420));
      // Never before the previous request: the references (DP-year-number) follow creation time.
      if (clock <= lastCreated) {
        clock = new Date(lastCreated.getTime() + 17 * 60_000);
        day = amsterdamDate(clock);
      }
      lastCreated = clock;
      const matching = specialists.filter((s) => theme.areas.some((a) => (s.areas as readonly string[]).includes(a)));
      const specialist = (matching.length > 0 ? matching[i % matching.length] : specialists[i % specialists.length]) as (typeof specialists)[number];
      const other = specialists[(specialists.indexOf(specialist) + 1 + (i % 3)) % specialists.length] as (typeof specialists)[number];
      const municipalityList = municipalities.get(table.id) as string[];
      // What `createInterpretationRequest` and `transitionInterpretationRequest` write, without the
      // read of the whole request each of them answers with (the demo uses only its id).
      const requestId = await requester.db.transaction((tx) =>
        insertInterpretationRequest(requester, tx, {
          caseTableId: table.id,
          municipalityId: r.pick(municipalityList),
          caseReference: `Casus ${table.code.replace('casustafel-', '').slice(0, 3).toUpperCase()}-${String(100 + i * 7).padStart(3, '0')}`,
          question: theme.question,
          context: theme.context,
          expertiseAreaCodes: [...theme.areas],
          urgency: i % 6 === 0 ? 'urgent' : 'regular',
          deliverable: CASE_DELIVERABLES[i % CASE_DELIVERABLES.length] as (typeof DELIVERABLES)[number],
          languages: [...theme.languages],
          submit: plan.status !== 'draft',
        }),
      );
      if (plan.status === 'draft') continue;
      const patch = (ctx: ServiceContext, status: PatchInterpretationRequestBody['status'], reason?: string) =>
        ctx.db.transaction((tx) => applyRequestTransition(ctx, tx, requestId, reason ? { status, reason } : { status }));
      if (plan.askFirst || plan.status === 'needs-information') {
        step(1);
        await patch(coordinator, 'needs-information', REASONS.ask);
        if (plan.status === 'needs-information') continue;
        step(2);
        await patch(requester, 'submitted', REASONS.answer);
      }
      if (plan.status === 'declined') {
        step(2);
        await patch(coordinator, 'declined', REASONS.declined);
        continue;
      }
      if (plan.status === 'withdrawn') {
        step(2);
        await patch(requester, 'withdrawn', REASONS.withdrawn);
        continue;
      }
      // What `assignSpecialist` and `updateAssignment` write, without the read of the whole
      // assignment each of them answers with (the demo uses only its id).
      const propose = (specialistId: string, estimatedMinutes: number) =>
        coordinator.db.transaction((tx) => proposeSpecialist(coordinator, tx, requestId, { specialistId, estimatedMinutes, overrideReason: REASONS.override }));
      const answer = (ctx: ServiceContext, id: string, body: PatchAssignmentBody) => ctx.db.transaction((tx) => applyAssignmentUpdate(ctx, tx, id, body));
      const estimate = Math.max(plan.hours, 8) * 60 + 120 - (plan.extension === 'granted' ? 360 : 0);
      if (plan.declineFirst) {
        step(1);
        const proposalId = await propose(other.ctx.actor.specialistId as string, estimate);
        step(1);
        await answer(other.ctx, proposalId, { status: 'declined', reason: REASONS.proposalDeclined });
        if (plan.status === 'submitted') continue;
      }
      if (plan.status === 'submitted') continue;
      step(1);
      const assignment = { id: await propose(specialist.ctx.actor.specialistId as string, estimate) };
      if (plan.status === 'assigned') continue;
      if (plan.status === 'cancelled') {
        step(3);
        await patch(coordinator, 'cancelled', REASONS.cancelled);
        continue;
      }
      step(1);
      await answer(specialist.ctx, assignment.id, { status: 'accepted' });

      // The work: entries of up to eight hours on working days; recent ones (the last week or so) wait
      // for the coordinator as pending hours.
      let left = plan.hours * 60;
      let count = 0;
      // Approvals in batches, as a coordinator does once or twice a week: the queue of entries not
      // yet reviewed goes out when it holds four, and at the end of the work.
      let queue: { id: string; reviewDay: string }[] = [];
      const approveQueue = async () => {
        const due = queue.filter((q) => q.reviewDay <= addDays(today, -5));
        if (due.length === 0) return;
        clock = at((due[due.length - 1] as (typeof due)[number]).reviewDay, r.int(0, 300));
        await reviewTimeEntries(coordinator, { entryIds: due.map((q) => q.id), status: 'approved' });
        queue = queue.filter((q) => !due.includes(q));
      };
      for (let tries = 0; left > 0 && tries < 100; tries++) {
        step(r.int(1, 4));
        const key = `${specialist.n}:${day}`;
        const rejectThis = plan.status === 'closed' && i % 4 === 3 && count === 3;
        const minutes = rejectThis ? 60 : Math.min(left, r.int(8, 16) * 30);
        if ((dayMinutes.get(key) ?? 0) + minutes > 8 * 60) continue;
        dayMinutes.set(key, (dayMinutes.get(key) ?? 0) + minutes);
        const activity = rejectThis ? 'travel' : count === 0 ? 'case-file-study' : count === 2 ? 'case-table-meeting' : r.pick(WORK_ACTIVITIES);
        if (plan.extension && count === 1) {
          const extension = await requestExtension(specialist.ctx, assignment.id, {
            extraMinutes: plan.extension === 'refused' ? 1200 : 480,
            reason: REASONS.extension,
          });
          if (plan.extension !== 'open') {
            const decided = clock;
            clock = new Date(decided.getTime() + 3 * 3_600_000);
            await decideExtension(coordinator, extension.id, {
              status: plan.extension,
              reason: plan.extension === 'granted' ? REASONS.extensionGranted : REASONS.extensionRefused,
            });
            clock = decided;
          }
        }
        clock = at(day, 480 + r.int(0, 60));
        const entry = await logTime(specialist.ctx, assignment.id, { workedOn: day, minutes, activity, description: ENTRY_TEXTS[activity] as string });
        timeEntries++;
        count++;
        left -= minutes;
        const reviewDay = workday(addDays(day, 2));
        if (rejectThis) {
          clock = at(reviewDay, r.int(0, 300));
          await reviewTimeEntries(coordinator, { entryIds: [entry.id], status: 'rejected', reason: REASONS.rejected });
        } else {
          queue.push({ id: entry.id, reviewDay });
          if (queue.length >= 4) await approveQueue();
        }
      }
      await approveQueue();
      if (plan.status === 'in-progress') {
        // Work of the last days, still waiting for the coordinator: the pending hours.
        day = workday(addDays(today, -3 - (i % 2)));
        if (day >= today) day = addDays(today, -1);
        clock = at(day, 480);
        await logTime(specialist.ctx, assignment.id, {
          workedOn: day,
          minutes: 120,
          activity: 'interpretation-interview',
          description: ENTRY_TEXTS['interpretation-interview'] as string,
        });
        timeEntries++;
        continue;
      }
      step(2);
      const advice = ADVICE[i % ADVICE.length] as (typeof ADVICE)[number];
      clock = at(day, 540);
      await deliverAdvice(specialist.ctx, requestId, { summary: advice.summary, body: advice.body });
      if (plan.status === 'advice-delivered') continue;
      step(r.int(3, 8));
      await patch(requester, 'closed', REASONS.closed);
      // Most tables answer the feedback a few working days later; some skip it.
      if (i % 6 === 5) continue;
      step(r.int(1, 3));
      await giveFeedback(requester, requestId, FEEDBACK[i % FEEDBACK.length] as GiveFeedbackBody);
    }

    // Finance closes every month of the demo year up to two months ago, a few days into the next month.
    const closedMonths: string[] = [];
    const lastClosed = addDays(`${today.slice(0, 7)}-01`, -32).slice(0, 7);
    for (let month = first.slice(0, 7); month <= lastClosed; month = addDays(`${month}-01`, 32).slice(0, 7)) {
      const nextMonth = addDays(`${month}-01`, 32).slice(0, 7);
      clock = at(workday(`${nextMonth}-05`), 60);
      if (clock > realNow) clock = realNow;
      await setPeriodStatus(finance, month, { status: 'closed' });
      closedMonths.push(month);
    }
    clock = realNow;
    // The year's mails to the fictional demo addresses went out back then, not on the first start.
    await markDemoMailSent(tx, waiting);
    // Its users kept up with their inbox: only the last week's items are still unread.
    await markDemoInboxRead(tx, new Date(realNow.getTime() - DEMO_UNREAD_DAYS * 86_400_000));
    return { requests: plans.length, timeEntries, closedMonths };
  });
}
