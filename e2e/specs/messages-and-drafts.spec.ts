// A draft and the messages on a request through the UI: the casustafel saves a half-filled draft
// (no reference yet), completes and submits it, and writes a message; the coordinator sees the
// unread count in the menu, reads the thread and answers with an internal note the casustafel never
// sees. axe checks every page; at 390 px the thread is no wider than the screen.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, loginAs as login } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const plain = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ').trim();

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

describe('drafts and messages in the browser', () => {
  it('a half-filled draft, completed and submitted; a message, its unread count, and an internal note', async () => {
    const requester = await loginAs('requester.arnhem');
    await requester.getByRole('link', { name: 'Nieuw verzoek' }).first().click();
    await requester.getByLabel('Duidingsvraag').fill('Nog niet af: hoe duiden wij deze uitingen?');
    await requester.getByRole('button', { name: 'Opslaan als concept' }).click();
    await requester.getByText('Het concept is opgeslagen.', { exact: false }).waitFor();
    await requester.getByRole('heading', { name: 'Concept bewerken' }).waitFor();
    await expectAccessible(requester, 'concept bewerken');

    await requester.getByLabel('Gemeente').selectOption({ label: 'Arnhem' });
    await requester.getByLabel('Casusreferentie').fill(`E2E-${randomBytes(3).toString('hex')}`);
    await requester.getByLabel('Jihadisme').check();
    await requester.getByLabel('Gewenste ondersteuning').selectOption({ label: 'Schriftelijk advies' });
    await requester.getByRole('button', { name: 'Indienen', exact: true }).click();
    const heading = requester.getByRole('heading', { level: 1, name: /^Verzoek DP-\d{4}-\d{4}$/ });
    await heading.waitFor();
    const reference = plain(await heading.textContent()).replace('Verzoek ', '');

    await requester.getByLabel('Nieuw bericht').fill('Graag contact voor de bespreking van donderdag.');
    await requester.getByRole('button', { name: 'Bericht versturen' }).click();
    await requester.getByText('Uw bericht is verstuurd.').waitFor();
    await expectAccessible(requester, 'berichten (aanvrager)');

    const coordinator = await loginAs('coordinator');
    // The count is read out with its meaning (“1 ongelezen”), however the browser spaces the hidden word.
    await coordinator.getByRole('link', { name: /^Berichten \(1\s*ongelezen\s*\)$/ }).click();
    await coordinator.getByRole('link', { name: reference }).click();
    await coordinator.getByText('Graag contact voor de bespreking van donderdag.').waitFor();
    await expectAccessible(coordinator, 'berichten (coördinator)');
    await coordinator.getByLabel('Nieuw bericht').fill('Intern: eerst een specialist met tijd op donderdag zoeken.');
    await coordinator.getByLabel(/^Interne notitie/).check();
    await coordinator.getByRole('button', { name: 'Interne notitie plaatsen' }).click();
    await coordinator.getByText('Uw interne notitie is geplaatst.').waitFor();

    // The casustafel never sees the note; on a phone the thread fits the screen.
    const phone = await loginAs('requester.arnhem', { width: 390, height: 844 });
    await phone.goto(requester.url());
    await phone.getByText('Graag contact voor de bespreking van donderdag.').waitFor();
    expect(await phone.getByText('Intern: eerst een specialist', { exact: false }).count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
