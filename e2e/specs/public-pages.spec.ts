// The public pages without an account (decision 123): the footer's contact and emergency line,
// the accessibility and privacy statements, and the language switch, used with the keyboard only;
// axe-core checks each page. The accessibility statement names this check.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: baseUrl, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Presses Tab until the focused element's accessible text matches `name` (at most 40 times). */
async function tabTo(name: RegExp): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (name.test(text)) return;
  }
  throw new Error(`no focusable element matching ${name}`);
}

describe('the public pages', () => {
  it('are reached and read with the keyboard only, without an account', async () => {
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    // The first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Direct naar de inhoud');
    // The footer: the pool's contact and what to do in an emergency.
    const footer = page.getByRole('contentinfo');
    await footer.getByText(/Bel direct 112/).waitFor();
    await footer.getByRole('link', { name: /^duidingspool@/ }).waitFor();
    await expectAccessible(page, 'inloggen (openbaar)');

    await tabTo(/^Toegankelijkheid$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Nalevingsstatus' }).waitFor();
    await expectAccessible(page, 'toegankelijkheidsverklaring');

    await tabTo(/^Privacyverklaring$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Privacyverklaring' }).waitFor();
    await page.getByText(/12 maanden na het sluiten/).waitFor();
    await expectAccessible(page, 'privacyverklaring');
  });

  it('switch to English and back with the language switch, <html lang> following', async () => {
    await page.goto('/privacy');
    await page.getByRole('heading', { level: 1, name: 'Privacyverklaring' }).waitFor();
    await tabTo(/^English$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Privacy statement' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(page, 'privacy statement (English)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacyverklaring' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  });
});
