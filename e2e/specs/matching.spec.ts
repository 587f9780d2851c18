// The right specialist, in time, in the browser (decisions 100–103): the coordinator opens an urgent
// request and sees the pool ranked with reasons in words, proposes the first; the proposed
// specialist sees only the non-identifying summary until they confirm they have no conflict of
// interest, and then the question and context. A request whose triage clock ran out (its deadline
// set in the past in the database: no other way makes a clock run out now) shows the clock as
// overdue in words, and its escalation mail waits in the outbox on the admin's e-mail page.
// axe checks every page.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, loginAs as login } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');

let browser: Browser;
const contexts: BrowserContext[] = [];
const loginAs = (local: string): Promise<Page> => login(browser, contexts, baseUrl, local);

/** A JSON call with the page's own session; fails the test on an unexpected status. */
async function call(page: Page, method: 'GET' | 'POST', url: string, data?: unknown, status = method === 'POST' ? 201 : 200) {
  const res = await page.request.fetch(url, { method, ...(data === undefined ? {} : { data }) });
  expect(res.status(), await res.text()).toBe(status);
  return res.json();
}

/** Submits an urgent request of the requester's first casustafel through the API. */
async function submitUrgent(requester: Page, question: string): Promise<{ id: string; reference: string }> {
  const table = (await call(requester, 'GET', '/api/v1/case-tables')).items[0];
  return call(requester, 'POST', '/api/v1/interpretation-requests', {
    caseTableId: table.id,
    municipalityId: table.municipalities[0].id,
    caseReference: `E2E-${randomBytes(3).toString('hex')}`,
    question,
    context: 'Signalen van de jongerenwerker sinds september.',
    expertiseAreaCodes: ['right-wing-extremism'],
    urgency: 'urgent',
    deliverable: 'written-advice',
    submit: true,
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('the right specialist, in time, in the browser', () => {
  it('ranks with reasons, proposes the first, and shows the specialist the summary until they confirm no conflict', async () => {
    const question = `Hoe duiden wij de berichten in de klassenapp (${randomBytes(2).toString('hex')})?`;
    const requester = await loginAs('requester.zwolle');
    const request = await submitUrgent(requester, question);

    const coordinator = await loginAs('coordinator');
    await coordinator.goto(`/requests/${request.id}`);
    await coordinator.getByRole('heading', { name: 'Specialist toewijzen' }).waitFor();
    const ranking = coordinator.getByRole('table', { name: 'Voorgestelde specialisten, de meest geschikte eerst' });
    await ranking.waitFor();
    // Best first, each with its reasons in words.
    const first = ranking.getByRole('row').nth(1);
    await expect.poll(() => first.textContent()).toMatch(/^1 \(\d+ punten\)/);
    expect(await first.textContent()).toMatch(/kent Rechts-extremisme/);
    expect(await first.textContent()).toMatch(/nog [\d:.]+ uur capaciteit tot/);
    await expectAccessible(coordinator, 'verzoek met suggesties');
    const suggestions = await call(coordinator, 'GET', `/api/v1/interpretation-requests/${request.id}/suggestions`);
    const top = suggestions.suggestions[0] as { specialistId: string; displayName: string };
    await first.getByRole('radio').check();
    // The first suggestion needs no reason: the field does not show.
    expect(await coordinator.getByLabel('Waarom kiest u niet de eerste suggestie?').count()).toBe(0);
    await coordinator.getByLabel('Geschatte tijd (uu:mm)').fill('3:00');
    await coordinator.getByRole('button', { name: 'Toewijzen' }).click();
    await coordinator.getByText(/Er is .+ gereserveerd/).waitFor();

    // The proposed specialist: the summary, not the content, until they confirm.
    const pool = await call(coordinator, 'GET', '/api/v1/specialists?pageSize=100');
    const email = pool.items.find((s: { id: string }) => s.id === top.specialistId).email as string;
    const detail = await call(coordinator, 'GET', `/api/v1/interpretation-requests/${request.id}`);
    const assignmentId = detail.assignments[0].id as string;
    const worker = await loginAs(email.split('@')[0] as string);
    await worker.goto(`/assignments/${assignmentId}`);
    await worker.getByRole('heading', { name: 'Samenvatting van het verzoek' }).waitFor();
    await worker.getByText('Veiligheidsregio', { exact: true }).waitFor();
    expect(await worker.getByText(question).count()).toBe(0);
    expect(await worker.getByRole('button', { name: /^Accepteren/ }).count()).toBe(0);
    await expectAccessible(worker, 'voorstel: samenvatting');
    // Not only hidden on the page: the API gives the specialist no content either.
    const before = await call(worker, 'GET', `/api/v1/interpretation-requests/${request.id}`);
    expect(before).toMatchObject({ summaryOnly: 'confirm-no-conflict', question: '', caseReference: '' });

    await worker.getByRole('button', { name: /^Ik heb geen belangenverstrengeling/ }).click();
    await worker.getByText(question).waitFor();
    await worker.getByRole('button', { name: /^Accepteren/ }).waitFor();
    await expectAccessible(worker, 'voorstel: na bevestiging');
  });

  it('shows an overdue clock in words, and its escalation mail waits in the outbox', async () => {
    const requester = await loginAs('requester.hengelo');
    const request = await submitUrgent(requester, 'Hoe duiden wij de tekeningen in het schrift?');
    // The triage deadline an hour ago: the clock ran out.
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await sql`update interpretation_requests set triage_due_at = now() - interval '1 hour' where id = ${request.id}`;
    } finally {
      await sql.end();
    }
    const coordinator = await loginAs('coordinator');
    await coordinator.goto(`/requests/${request.id}`);
    await coordinator.getByText(/^Triage: te laat, verlopen/).waitFor();
    await expectAccessible(coordinator, 'verzoek met verlopen termijn');

    // The escalation job runs every minute; the mail is in the outbox once it ran.
    const admin = await loginAs('admin');
    await admin.goto('/mail');
    const row = admin.getByRole('row').filter({ hasText: request.reference }).filter({ hasText: 'Termijn verlopen' });
    const deadline = Date.now() + 100_000;
    while ((await row.count()) === 0) {
      if (Date.now() > deadline) throw new Error(`no escalation mail for ${request.reference} in the outbox`);
      await admin.waitForTimeout(5_000);
      await admin.reload();
      await admin.getByRole('heading', { level: 1, name: 'E-mail' }).waitFor();
    }
    await expectAccessible(admin, 'e-mail met escalatie');
  }, 180_000);
});
