// The specialist's profile through the UI (issue 10, item 3): the coordinator opens a specialist
// from the list, records an absence and deletes it after confirming; the specialist finds their
// own profile under “Mijn profiel” with only the fields they may change. axe-core checks the pages.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, loginAs as login } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

let browser: Browser;
const contexts: BrowserContext[] = [];

const loginAs = (local: string, viewport?: { width: number; height: number }): Promise<Page> =>
  login(browser, contexts, baseUrl, local, viewport ? { viewport } : {});

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('the specialist profile in the browser', () => {
  it('the coordinator opens a profile, adds an absence and deletes it after confirming', async () => {
    const coordinator = await loginAs('coordinator');
    await coordinator.goto('/specialists');
    await coordinator.getByRole('link', { name: 'Mark Hendriks MA', exact: true }).click();
    await coordinator.getByRole('heading', { level: 1, name: /Profiel van/ }).waitFor();
    await coordinator.getByText(/^Inzetbaar op /).waitFor();
    await expectAccessible(coordinator, 'profiel (coördinator)');
    // The coordinator may change every field, the screening date included.
    await coordinator.getByLabel('Datum screening (VOG)').waitFor();

    await coordinator.getByLabel('Van').fill('01-07-2031');
    await coordinator.getByLabel('Tot en met').fill('14-07-2031');
    await coordinator.getByRole('button', { name: 'Afwezigheid toevoegen' }).click();
    await coordinator.getByText('Afwezigheid van 01-07-2031 tot en met 14-07-2031 is vastgelegd.').waitFor();

    await coordinator.getByRole('button', { name: 'Verwijderen: afwezigheid van 01-07-2031 tot en met 14-07-2031' }).click();
    await coordinator.getByText('Afwezigheid van 01-07-2031 tot en met 14-07-2031 verwijderen?').waitFor();
    await expectAccessible(coordinator, 'afwezigheid verwijderen bevestigen');
    await coordinator.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await coordinator.getByText('De afwezigheid van 01-07-2031 tot en met 14-07-2031 is verwijderd.').waitFor();
    // The list is fetched again after the confirmation: wait until the row is gone.
    await coordinator.getByRole('cell', { name: '01-07-2031' }).first().waitFor({ state: 'detached' });
  });

  it('the specialist edits their own languages and bio under “Mijn profiel”, nothing else', async () => {
    const specialist = await loginAs('specialist2');
    await specialist.getByRole('link', { name: 'Mijn profiel' }).click();
    await specialist.getByRole('heading', { level: 1, name: 'Mijn profiel' }).waitFor();
    await expectAccessible(specialist, 'mijn profiel');
    expect(await specialist.getByLabel('Datum screening (VOG)').count()).toBe(0);
    expect(await specialist.getByLabel('Capaciteit per maand (uu:mm)').count()).toBe(0);
    await specialist.getByLabel('Korte professionele beschrijving').fill('Onderzoeker polarisatie en gezinssystemen.');
    await specialist.getByRole('button', { name: 'Profiel opslaan' }).click();
    await specialist.getByText('Het profiel is opgeslagen.').waitFor();
  });
});

describe('on a phone', () => {
  // A wide table scrolls inside its own frame; nothing in it (visually hidden text included) may
  // widen the page, or the whole page scrolls sideways at 390 px.
  it('the specialists list, a profile and the budget page are no wider than a 390 px screen', async () => {
    const page = await loginAs('coordinator', { width: 390, height: 844 });
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    await page.goto('/specialists');
    await page.getByRole('link', { name: 'Mark Hendriks MA', exact: true }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await page.getByRole('link', { name: 'Mark Hendriks MA', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Profiel van/ }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await page.goto('/budget');
    await page.getByRole('heading', { level: 1, name: 'Budget' }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(390);
  });
});
