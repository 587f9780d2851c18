// The financial statement to the NCTV in the browser (docs/design.md §11): finance prepares the
// statement of a closed year, the coordinator adopts it after confirming, and both see it frozen with
// its SHA-256 and its downloads (XLSX, and a tagged PDF that carries the hash). axe checks the page in each state.
import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, loginAs as login } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const YEAR = '2019';

let browser: Browser;
const contexts: BrowserContext[] = [];
const loginAs = (local: string): Promise<Page> => login(browser, contexts, baseUrl, local);

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('the financial statement in the browser', () => {
  it('finance prepares the statement of a closed year; the coordinator adopts it after confirming', async () => {
    const finance = await loginAs('finance');
    await finance.getByRole('link', { name: 'Verantwoording' }).click();
    await finance.getByRole('heading', { level: 1, name: 'Verantwoording aan de NCTV' }).waitFor();
    await finance.getByLabel('Jaar').selectOption(YEAR);
    // The year is still open: preparing says which months.
    await finance.getByRole('button', { name: 'Verantwoording opstellen' }).click();
    await finance.getByText(/nog niet afgesloten: 12 maanden zijn open/).waitFor();
    await expectAccessible(finance, 'verantwoording (jaar open)');

    // Close the twelve months (the accounting periods page does this one month at a time).
    for (let m = 1; m <= 12; m++) {
      const month = `${YEAR}-${String(m).padStart(2, '0')}`;
      const res = await finance.request.patch(`/api/v1/accounting-periods/${month}`, { data: { status: 'closed' }, headers: { origin: baseUrl } });
      expect(res.status(), month).toBe(200);
    }
    await finance.getByRole('button', { name: 'Verantwoording opstellen' }).click();
    await finance.getByText(`De verantwoording over ${YEAR} is opgesteld.`).waitFor();
    await finance.getByText('De verantwoording sluit aan op het grootboek tot op de cent.').waitFor();
    // The preparer is not offered the adoption.
    expect(await finance.getByRole('button', { name: `Verantwoording ${YEAR} vaststellen` }).count()).toBe(0);
    await finance.getByText('U stelde deze verantwoording op').waitFor();
    await expectAccessible(finance, 'verantwoording (opgesteld)');

    const coordinator = await loginAs('coordinator');
    await coordinator.goto('/financial-statements');
    await coordinator.getByLabel('Jaar').selectOption(YEAR);
    await coordinator.getByRole('button', { name: `Verantwoording ${YEAR} vaststellen` }).click();
    await coordinator.getByText(/Daarna is zij bevroren/).waitFor();
    await coordinator.getByRole('button', { name: `Ja, ${YEAR} vaststellen` }).click();
    await coordinator.getByText(`De verantwoording over ${YEAR} is vastgesteld.`).waitFor();
    await coordinator.getByText('Vastgesteld (bevroren)').waitFor();
    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.getByRole('link', { name: 'Download de vastgestelde verantwoording (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`verantwoording-duidingspool-${YEAR}.xlsx`);
    // The PDF frozen beside it: a tagged document that names the SHA-256 the page shows.
    const [pdf] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.getByRole('link', { name: 'Download de vastgestelde verantwoording (PDF, toegankelijk)' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`verantwoording-duidingspool-${YEAR}.pdf`);
    const file = await pdf.path();
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Tagged:\s+yes$/m);
    const hash = /[0-9a-f]{64}/.exec((await coordinator.locator('main').textContent()) ?? '')?.[0];
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(hash);
    await expectAccessible(coordinator, 'verantwoording (vastgesteld)');
  });
});
