// Budget lines on the budget page (decision 094): finance sees the year's lines with their funding
// sources and amounts, adds a line and deletes it again after the confirmation; in Dutch and in
// English, at 1280 and 390 px, axe-clean and no wider than the screen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, loginAs as login } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
/** Where the screenshots go when `SCREENSHOT_DIR` is set (to look at the page); none otherwise. */
const shots = process.env.SCREENSHOT_DIR;

let browser: Browser;
const contexts: BrowserContext[] = [];
const loginAs = (local: string, viewport: { width: number; height: number }): Promise<Page> => login(browser, contexts, baseUrl, local, { viewport });

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('budget lines on the budget page', () => {
  it('finance adds a line and deletes it after confirming; the lines table names every funding source', async () => {
    const page = await loginAs('finance', { width: 1280, height: 900 });
    await page.goto('/budget');
    const table = page.getByRole('table', { name: /Budgetregels \d{4}/ });
    await table.waitFor();
    await expect(table.getByRole('rowheader', { name: /Duidingspool/ }).count()).resolves.toBe(1);
    await expect(table.getByText('Andere middelen').count()).resolves.toBeGreaterThan(0);
    // The add form's fields (the change form beside it has a name and an amount too).
    await page.getByLabel('Code').fill('e2e-line');
    await page.locator('input[id^="new-line-"][id$="-name"]').fill('Regel uit de test');
    await page.locator('input[id^="new-line-"][id$="-amount"]').fill('100,00');
    await page.getByRole('button', { name: 'Budgetregel toevoegen' }).click();
    await page.getByText('Budgetregel Regel uit de test toegevoegd met').waitFor();
    await table.getByRole('rowheader', { name: 'Regel uit de test' }).waitFor();
    await page.getByRole('button', { name: 'Budgetregel Regel uit de test verwijderen' }).click();
    await page.getByRole('button', { name: 'Budgetregel Regel uit de test verwijderen' }).click();
    await page.getByText('Budgetregel Regel uit de test is verwijderd.').waitFor();
    await expectAccessible(page, 'budget page with lines (nl, 1280)');
  });

  for (const language of ['nl', 'en'] as const) {
    for (const width of [1280, 390]) {
      it(`the budget page in ${language} at ${width} px: axe-clean, no wider than the screen`, async () => {
        const page = await loginAs('coordinator', { width, height: 900 });
        const set = await page.request.fetch('/api/v1/me/language', { method: 'PUT', data: { language } });
        expect(set.status()).toBeLessThan(300);
        await page.goto('/budget');
        await page.getByRole('table', { name: language === 'nl' ? /Budgetregels \d{4}/ : /Budget lines \d{4}/ }).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await expectAccessible(page, `budget page (${language}, ${width})`);
        if (shots) await page.locator('section[aria-labelledby="budget-lines-heading"]').screenshot({ path: `${shots}/budget-lines-${language}-${width}.png` });
        await page.request.fetch('/api/v1/me/language', { method: 'PUT', data: { language: 'nl' } });
      });
    }
  }
});
