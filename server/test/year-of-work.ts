// A year of work through the API on a moving clock, for the backup tests: each month requests are
// submitted, assigned and accepted, hours booked and approved (some left pending), advice given and
// requests closed; past months are closed in the books. Everything through the domain services
// (app.inject), nothing written by hand.
import { DEMO_DOMAIN, DEMO_PASSWORD } from '@duidingspool/db';
import type { FastifyInstance } from 'fastify';
import { type Caller, makeCaller } from './harness.ts';

/** Logs in as `local@duidingspool.example`. */
async function login(app: FastifyInstance, local: string): Promise<Caller> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: `${local}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${local}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'dp_session');
  if (!cookie) throw new Error('no session cookie');
  return makeCaller(app, `dp_session=${cookie.value}`);
}

/** The answer's body when its status is `status`; throws with the body otherwise. */
async function expectStatus(call: Promise<{ status: number; body: any }>, status: number, what: string): Promise<any> {
  const res = await call;
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** What `fillYear` made. */
export interface YearOfWork {
  requests: number;
  timeEntries: number;
  closedMonths: number;
}

/**
 * Twelve months of work in `year` on the app `app`, whose clock the caller moves with `setNow`.
 * Opens the year's budget (12 500 000 cents) when it does not exist.
 * @param perMonth requests submitted each month (each gets an assignment and two time entries)
 */
export async function fillYear(app: FastifyInstance, setNow: (d: Date) => void, year: number, perMonth = 3): Promise<YearOfWork> {
  const made: YearOfWork = { requests: 0, timeEntries: 0, closedMonths: 0 };
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, '0');
    const day = `${year}-${mm}-12`;
    setNow(new Date(`${day}T10:00:00Z`));
    const requester = await login(app, 'requester.hengelo');
    const coordinator = await login(app, 'coordinator');
    const workers = [await login(app, 'specialist1'), await login(app, 'specialist2')];
    if (month === 1 && (await coordinator('GET', `/api/v1/budgets/${year}`)).status === 404) {
      await expectStatus(coordinator('POST', '/api/v1/budgets', { year, allocatedCents: 12_500_000, fundingSource: 'Rijksbijdrage' }), 201, 'open budget');
    }
    const specialists = (await expectStatus(coordinator('GET', '/api/v1/specialists?pageSize=100'), 200, 'specialists')).items as {
      id: string;
      email: string;
    }[];
    const table = (await expectStatus(requester('GET', '/api/v1/case-tables'), 200, 'case tables')).items[0];
    for (let i = 0; i < perMonth; i++) {
      const created = await expectStatus(
        requester('POST', '/api/v1/interpretation-requests', {
          caseTableId: table.id,
          municipalityId: table.municipalities[i % table.municipalities.length].id,
          caseReference: `JAAR-${year}${mm}-${i}`,
          question: `Hoe duiden wij de signalen in casus ${mm}-${i}?`,
          expertiseAreaCodes: ['right-wing-extremism'],
          urgency: 'regular',
          deliverable: 'written-advice',
          submit: true,
        }),
        201,
        'submit request',
      );
      made.requests++;
      const w = i % 2;
      const worker = workers[w] as Caller;
      const sp = specialists.find((s) => s.email === `specialist${w + 1}@${DEMO_DOMAIN}`);
      const assignment = await expectStatus(
        coordinator('POST', `/api/v1/interpretation-requests/${created.id}/assignments`, {
          specialistId: sp?.id,
          estimatedMinutes: 240,
          overrideReason: 'Vaste keuze van de test',
        }),
        201,
        'assign',
      );
      await expectStatus(worker('PATCH', `/api/v1/assignments/${assignment.id}`, { status: 'accepted' }), 200, 'accept');
      const entries = `/api/v1/assignments/${assignment.id}/time-entries`;
      const first = await expectStatus(
        worker('POST', entries, { workedOn: day, minutes: 60 + 15 * i, activity: 'case-file-study', description: 'Dossierstudie' }),
        201,
        'book hours',
      );
      const second = await expectStatus(
        worker('POST', entries, { workedOn: day, minutes: 45, activity: 'case-file-study', description: 'Overleg' }),
        201,
        'book hours',
      );
      made.timeEntries += 2;
      await expectStatus(coordinator('PATCH', `/api/v1/time-entries/${first.id}`, { status: 'approved' }), 200, 'approve');
      // The last months keep some hours pending; earlier ones are approved before the month closes.
      if (month < 11 || i === 0) await expectStatus(coordinator('PATCH', `/api/v1/time-entries/${second.id}`, { status: 'approved' }), 200, 'approve');
      if (i === 0) {
        await expectStatus(
          worker('POST', `/api/v1/interpretation-requests/${created.id}/advice`, { summary: 'Samenvatting', body: 'Duiding en advies.' }),
          201,
          'advice',
        );
        await expectStatus(requester('PATCH', `/api/v1/interpretation-requests/${created.id}`, { status: 'closed' }), 200, 'close');
      }
    }
    if (month > 1 && month <= 11) {
      const previous = `${year}-${String(month - 1).padStart(2, '0')}`;
      await expectStatus(coordinator('PATCH', `/api/v1/accounting-periods/${previous}`, { status: 'closed' }), 200, `close ${previous}`);
      made.closedMonths++;
    }
  }
  return made;
}
