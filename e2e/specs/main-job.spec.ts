// The main job through the UI, in Chromium, on a real Postgres: a casustafel asks, the coordinator
// assigns with a 4-hour estimate, the specialist confirms no conflict of interest and accepts, logs
// 2:30 and delivers advice, the coordinator approves, the requester reads the advice and closes, and the budget page shows the
// approved amount to the cent with the reservation released. axe-core checks every page visited.
import { randomBytes } from 'node:crypto';
import { type Budget, entryCostCents } from '@duidingspool/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, loginAs as login } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const euro = (cents: number) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
/** Text as the page shows it, with no-break spaces made plain. */
const plain = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ').trim();

let browser: Browser;
const contexts: BrowserContext[] = [];

const loginAs = (local: string): Promise<Page> => login(browser, contexts, baseUrl, local, { beforeSubmit: (page) => expectAccessible(page, 'inloggen') });

/** The budget figures through the API, with the page's own session. */
async function budgetOf(page: Page, year: string): Promise<Budget> {
  const res = await page.request.get(`/api/v1/budgets/${year}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Budget;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('the main job in the browser', () => {
  it('runs from request to closed and charges the approved 2:30 hours to the cent', async () => {
    const caseReference = `E2E-${randomBytes(3).toString('hex')}`;
    const year = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()).slice(0, 4);

    // Requester submits.
    const requester = await loginAs('requester.arnhem');
    await requester.getByRole('heading', { level: 1, name: 'Mijn verzoeken' }).waitFor();
    await expectAccessible(requester, 'mijn verzoeken');
    await requester.getByRole('link', { name: 'Nieuw verzoek' }).first().click();
    await requester.getByLabel('Casusreferentie').waitFor();
    await expectAccessible(requester, 'nieuw verzoek');
    await requester.getByLabel('Gemeente').selectOption({ label: 'Arnhem' });
    await requester.getByLabel('Casusreferentie').fill(caseReference);
    await requester.getByLabel('Duidingsvraag').fill('Hoe duiden wij de uitingen van betrokkene op sociale media?');
    await requester.getByLabel('Context').fill('Signalen van school en wijkagent sinds de zomer.');
    await requester.getByLabel('Rechts-extremisme').check();
    await requester.getByLabel('Regulier').check();
    await requester.getByLabel('Gewenste ondersteuning').selectOption({ label: 'Schriftelijk advies' });
    await requester.getByRole('button', { name: 'Indienen' }).click();
    const heading = requester.getByRole('heading', { level: 1, name: /^Verzoek DP-\d{4}-\d{4}$/ });
    await heading.waitFor();
    const reference = plain(await heading.textContent()).replace('Verzoek ', '');
    await expectAccessible(requester, 'verzoek (aanvrager)');

    // Coordinator finds it in the triage queue and assigns specialist 3 with 4:00 hours.
    const coordinator = await loginAs('coordinator');
    const before = await budgetOf(coordinator, year);
    await coordinator.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(coordinator, 'triage');
    await coordinator.getByRole('link', { name: reference }).click();
    await coordinator.getByRole('heading', { name: 'Specialist toewijzen' }).waitFor();
    await expectAccessible(coordinator, 'verzoek (coördinator)');
    const specialists = await (await coordinator.request.get('/api/v1/specialists?pageSize=100')).json();
    const specialist = specialists.items.find((s: { email: string }) => s.email === 'specialist3@duidingspool.example');
    await coordinator.getByRole('radio', { name: specialist.displayName }).check();
    // The picker ranks the pool; choosing another than the first suggestion asks why (decision 100).
    // The ranking follows the pool's load, which other specs change too: the picker decides whether it asks.
    const why = coordinator.getByLabel('Waarom kiest u niet de eerste suggestie?');
    if (await why.isVisible()) await why.fill('Kent deze casus al.');
    await coordinator.getByLabel('Geschatte tijd (uu:mm)').fill('4:00');
    const reservation = entryCostCents(240, specialist.currentRateCents);
    await coordinator.getByRole('button', { name: 'Toewijzen' }).click();
    await coordinator.getByText(`Er is ${euro(reservation)} gereserveerd`, { exact: false }).waitFor();
    const assigned = await budgetOf(coordinator, year);
    expect(assigned.reservedCents - before.reservedCents).toBe(reservation);

    // Specialist accepts, logs 2:30 and delivers advice.
    const worker = await loginAs('specialist3');
    await worker.getByRole('heading', { level: 1, name: 'Mijn inzetten' }).waitFor();
    await expectAccessible(worker, 'mijn inzetten');
    const row = worker.getByRole('row').filter({ hasText: reference });
    // First the confirmation that there is no conflict of interest (decision 103), then the answer.
    await row.getByRole('button', { name: /Ik heb geen belangenverstrengeling/ }).click();
    await row.getByRole('button', { name: /Accepteren/ }).click();
    // The answer is in once the row no longer offers to accept; opening the assignment before that
    // could show it still unanswered, without the time form.
    await row.getByRole('button', { name: /Accepteren/ }).waitFor({ state: 'detached' });
    await row.getByRole('link', { name: reference }).click();
    await worker.getByRole('heading', { name: 'Uren registreren' }).waitFor();
    await expectAccessible(worker, 'inzet');
    await worker.getByLabel('Duur (uu:mm)').fill('2:30');
    await worker.getByLabel('Omschrijving').fill('Dossierstudie en analyse van de berichten');
    await worker.getByRole('button', { name: 'Uren registreren' }).click();
    const amount = entryCostCents(150, specialist.currentRateCents);
    await worker.getByText(`geregistreerd (${euro(amount)})`, { exact: false }).waitFor();
    await worker.getByLabel('Samenvatting', { exact: true }).fill('De uitingen passen bij beginnende rechts-extremistische radicalisering.');
    await worker
      .getByLabel('Advies', { exact: true })
      .fill('Wij adviseren een gesprek met de jongere door de wijkagent en school, en een vervolg over zes weken.');
    await worker.getByRole('button', { name: 'Advies opleveren', exact: true }).click();
    // Delivering cannot be undone: the confirmation says so, and the specialist confirms.
    await worker.getByText('Na opleveren kunt u het advies niet meer wijzigen.').waitFor();
    await worker.getByRole('button', { name: 'Advies opleveren bevestigen' }).click();
    await worker
      .getByText(/opgeleverd/i)
      .first()
      .waitFor();

    // Coordinator approves the hours.
    await coordinator.getByRole('link', { name: 'Uren goedkeuren' }).click();
    await coordinator.getByRole('heading', { level: 1 }).waitFor();
    const entryRow = coordinator.getByRole('row').filter({ hasText: reference });
    await entryRow.waitFor();
    await expectAccessible(coordinator, 'uren goedkeuren');
    await entryRow.getByRole('button', { name: /^Goedkeuren/ }).click();
    await coordinator.getByText(/^Goedgekeurd:/).waitFor();

    // Requester reads the advice and closes.
    await requester.reload();
    await requester.getByText('Wij adviseren een gesprek met de jongere', { exact: false }).waitFor();
    await expectAccessible(requester, 'verzoek met advies');
    await requester.getByRole('button', { name: 'Sluiten', exact: true }).click();
    // Closing cannot be undone: the confirmation names what happens, and the requester confirms.
    await requester.getByText('De bewaartermijn begint', { exact: false }).waitFor();
    await expectAccessible(requester, 'sluiten bevestigen');
    await requester.getByRole('button', { name: 'Sluiten bevestigen' }).click();
    await requester.getByText('De status is gewijzigd naar: gesloten.').waitFor();

    // The budget page shows the approved amount to the cent, the reservation released.
    await coordinator.getByRole('link', { name: 'Budget' }).click();
    await coordinator.getByTestId('budget-spent').waitFor();
    await expectAccessible(coordinator, 'budget');
    const after = await budgetOf(coordinator, year);
    expect(after.spentCents - before.spentCents).toBe(amount);
    expect(after.reservedCents).toBe(before.reservedCents);
    expect(after.pendingCents).toBe(before.pendingCents);
    expect(plain(await coordinator.getByTestId('budget-spent').textContent())).toBe(plain(euro(after.spentCents)));
    expect(plain(await coordinator.getByTestId('budget-reserved').textContent())).toBe(plain(euro(after.reservedCents)));
    expect(plain(await coordinator.getByTestId('budget-available').textContent())).toBe(plain(euro(after.availableCents)));
  });
});
