// The knowledge library in the browser (docs/design.md §10): a specialist publishes a PDF through
// the form, a requester of a casustafel finds it by a word in another form and downloads it, the
// specialist withdraws it after confirming. axe checks the page; at 390 px it is no wider than the screen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, loginAs as login } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

let browser: Browser;
const contexts: BrowserContext[] = [];
const loginAs = (local: string, viewport?: { width: number; height: number }): Promise<Page> =>
  login(browser, contexts, baseUrl, local, viewport ? { viewport } : {});

/** A one-page PDF: enough for the server to read its type from the bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const TITLE = 'Handreiking signalen van online radicalisering';

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('the knowledge library in the browser', () => {
  it('a specialist publishes a PDF, a requester finds and downloads it, the specialist withdraws it', async () => {
    const specialist = await loginAs('specialist3');
    await specialist.getByRole('link', { name: 'Kennisbank' }).click();
    await specialist.getByRole('heading', { level: 1, name: 'Kennisbank' }).waitFor();
    // Sending the empty form names what is missing, before anything reaches the server.
    await specialist.getByRole('button', { name: 'Publiceren' }).click();
    await specialist.getByRole('link', { name: 'Kies een bestand.' }).waitFor();
    await expectAccessible(specialist, 'kennisbank met fouten');

    await specialist.getByLabel('Titel').fill(TITLE);
    await specialist.getByLabel('Samenvatting').fill('Welke signalen online om aandacht vragen en wat een casustafel ermee kan.');
    await specialist.getByRole('checkbox', { name: 'Leden van casustafels' }).check();
    await specialist.getByRole('checkbox', { name: 'Online radicalisering' }).check();
    await specialist.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'handreiking.pdf', mimeType: 'application/pdf', buffer: PDF });
    await specialist.getByRole('button', { name: 'Publiceren' }).click();
    await specialist.getByText(`“${TITLE}” is gepubliceerd in de kennisbank.`).waitFor();
    await specialist.getByRole('heading', { level: 3, name: new RegExp(TITLE) }).waitFor();
    await expectAccessible(specialist, 'kennisbank (specialist)');

    const requester = await loginAs('requester.zwolle');
    await requester.goto('/knowledge');
    await requester.getByLabel('Zoekwoorden').fill('signaal radicaliseren');
    await requester.getByRole('button', { name: 'Zoeken' }).click();
    await requester.getByText('1 kennisproduct gevonden.').waitFor();
    expect(await requester.getByRole('button', { name: /^Terugtrekken/ }).count()).toBe(0);
    expect(await requester.getByRole('heading', { name: 'Kennisproduct publiceren' }).count()).toBe(0);
    const [download] = await Promise.all([requester.waitForEvent('download'), requester.getByRole('link', { name: new RegExp(TITLE) }).click()]);
    expect(download.suggestedFilename()).toBe('handreiking.pdf');
    await expectAccessible(requester, 'kennisbank (aanvrager)');

    await specialist.reload();
    await specialist.getByRole('button', { name: `Terugtrekken ${TITLE}` }).click();
    await specialist.getByRole('button', { name: 'Ja, terugtrekken' }).click();
    await specialist.getByText(`“${TITLE}” is teruggetrokken.`).waitFor();
    await specialist.getByRole('heading', { level: 3, name: new RegExp(TITLE) }).waitFor({ state: 'detached' });
  });

  it('on a phone the library is no wider than the screen', async () => {
    const phone = await loginAs('coordinator', { width: 390, height: 844 });
    await phone.goto('/knowledge');
    await phone.getByRole('heading', { level: 1, name: 'Kennisbank' }).waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
