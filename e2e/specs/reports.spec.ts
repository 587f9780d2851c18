// Feedback and the report in the browser (docs/design.md §12): a request is set up through the API,
// the requester closes it on its page and answers the feedback form; the coordinator opens the
// report (threshold printed, a table under every chart), a threshold of 1 is refused with the
// server's reason; finance sees only the money; at 390 px the report is no wider than the screen.
// axe checks every page.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, loginAs as login } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

let browser: Browser;
const contexts: BrowserContext[] = [];
const loginAs = (local: string, viewport?: { width: number; height: number }): Promise<Page> =>
  login(browser, contexts, baseUrl, local, viewport ? { viewport } : {});

/** A JSON call with the page's own session; fails the test on an unexpected status. */
async function call(page: Page, method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown, status = method === 'POST' ? 201 : 200) {
  const res = await page.request.fetch(url, { method, ...(data === undefined ? {} : { data }) });
  expect(res.status(), await res.text()).toBe(status);
  return res.json();
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('feedback and the report in the browser', () => {
  it('the requester closes a request and gives feedback; the coordinator reads the report', async () => {
    const requester = await loginAs('requester.nijmegen');
    const coordinator = await loginAs('coordinator');
    const worker = await loginAs('specialist4');
    const tables = await call(requester, 'GET', '/api/v1/case-tables');
    const table = tables.items[0];
    const request = await call(requester, 'POST', '/api/v1/interpretation-requests', {
      caseTableId: table.id,
      municipalityId: table.municipalities[0].id,
      caseReference: `E2E-${randomBytes(3).toString('hex')}`,
      question: 'Hoe duiden wij de uitingen op sociale media?',
      expertiseAreaCodes: ['right-wing-extremism'],
      urgency: 'regular',
      deliverable: 'written-advice',
      submit: true,
    });
    const specialists = await call(coordinator, 'GET', '/api/v1/specialists?pageSize=100');
    const s4 = specialists.items.find((s: { email: string }) => s.email === 'specialist4@duidingspool.example');
    const assignment = await call(coordinator, 'POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: s4.id,
      estimatedMinutes: 60,
      overrideReason: 'Vaste keuze van de test',
    });
    await call(worker, 'PATCH', `/api/v1/assignments/${assignment.id}`, { status: 'accepted' });
    await call(worker, 'POST', `/api/v1/interpretation-requests/${request.id}/advice`, { summary: 'Kern', body: 'Het advies.' });

    await requester.goto(`/requests/${request.id}`);
    await requester.getByRole('button', { name: 'Sluiten', exact: true }).click();
    // Closing cannot be undone: the requester confirms.
    await requester.getByRole('button', { name: 'Sluiten bevestigen' }).click();
    await requester.getByRole('heading', { name: 'Terugkoppeling op het advies' }).waitFor();
    await expectAccessible(requester, 'terugkoppeling');
    // Sending it empty names what is missing.
    await requester.getByRole('button', { name: 'Terugkoppeling versturen' }).click();
    await requester.getByRole('link', { name: 'Kies minstens één gevolg.' }).waitFor();
    await requester.getByRole('radio', { name: 'Gedeeltelijk' }).check();
    await requester.getByRole('radio', { name: '4', exact: true }).check();
    await requester.getByRole('checkbox', { name: 'Afschaling' }).check();
    await requester.getByRole('button', { name: 'Terugkoppeling versturen' }).click();
    await requester.getByText('Dank u, de terugkoppeling is opgeslagen.').waitFor();
    await requester.getByRole('heading', { name: 'Terugkoppeling van de casustafel' }).waitFor();
    expect(await requester.getByRole('button', { name: 'Terugkoppeling versturen' }).count()).toBe(0);

    await coordinator.getByRole('link', { name: 'Rapportage' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Rapportage' }).waitFor();
    await coordinator
      .getByText(/drempel 5\)/)
      .first()
      .waitFor();
    await coordinator.getByRole('table', { name: 'Is de vraag beantwoord?' }).waitFor();
    for (const section of ['Activiteiten', 'Bereik', 'Resultaten', 'Tijdigheid', 'Geld'])
      await coordinator.getByRole('heading', { level: 2, name: section }).waitFor();
    await expectAccessible(coordinator, 'rapportage');
    const [pdf] = await Promise.all([coordinator.waitForEvent('download'), coordinator.getByRole('link', { name: 'Download als PDF (toegankelijk)' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^rapportage-\d{4}-01-01-\d{4}-12-31\.pdf$/);
    // The threshold's limits come from the shared query schema: a threshold below the default is refused
    // at the field before the report is asked for, in the summary that takes the focus.
    await coordinator.getByLabel('Drempel kleine aantallen').fill('1');
    await coordinator.getByRole('button', { name: 'Rapport maken' }).click();
    await coordinator.getByRole('link', { name: /Geef een geheel getal van 5 tot en met 100/ }).waitFor();
    await coordinator.waitForFunction(() => document.activeElement?.closest('.dsp-error-summary'));
    await expectAccessible(coordinator, 'rapportage met fout');
  });

  it('finance sees only the money, and on a phone the report is no wider than the screen', async () => {
    const finance = await loginAs('finance', { width: 390, height: 844 });
    await finance.goto('/reports');
    await finance.getByRole('heading', { level: 2, name: 'Geld' }).waitFor();
    expect(await finance.getByRole('heading', { level: 2, name: 'Activiteiten' }).count()).toBe(0);
    await expectAccessible(finance, 'rapportage (financiën)');
    const width = await finance.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const phone = await loginAs('coordinator', { width: 390, height: 844 });
    await phone.goto('/reports');
    await phone.getByRole('heading', { level: 2, name: 'Tijdigheid' }).waitFor();
    await expectAccessible(phone, 'rapportage (coördinator, telefoon)');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
