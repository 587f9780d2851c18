// The coordinator's proactive offer (docs/design.md §4, decision 130), in Chromium: the coordinator
// offers a training to a casustafel on “Aanbiedingen”, a member of that casustafel sees it on their
// home page, accepts it after a confirmation that names the request it makes, and the resulting
// request waits in the coordinator's triage with the offer as its origin. axe-core checks every page
// visited (and the confirmation) for WCAG 2.1 A/AA violations.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoWcagViolation, launchBrowser, loginAs as login } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
/** Text as the page shows it, with no-break spaces made plain. */
const plain = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ').trim();
/** `days` from today (Europe/Amsterdam) as the form takes a date: `dd-mm-jjjj`. */
function dutchDate(days: number): string {
  const iso = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 86_400_000));
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

let browser: Browser;
const contexts: BrowserContext[] = [];
const loginAs = (local: string) => login(browser, contexts, baseUrl, local);

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('a proactive offer', () => {
  it('is made by the coordinator, accepted by a casustafel member, and its request waits in triage', async () => {
    const title = `Training herkennen van polarisatie ${randomBytes(3).toString('hex')}`;

    // The member's casustafel, as the member sees it.
    const member = await loginAs('requester.apeldoorn');
    const tables = await (await member.request.get('/api/v1/case-tables')).json();
    const table = tables.items[0] as { name: string; municipalities: { name: string }[] };

    // The coordinator makes the offer on “Aanbiedingen”.
    const coordinator = await loginAs('coordinator');
    await coordinator.getByRole('link', { name: 'Aanbiedingen' }).first().click();
    await coordinator.getByRole('heading', { level: 1, name: 'Aanbiedingen' }).waitFor();
    await expectNoWcagViolation(coordinator, 'aanbiedingen (coördinator)');
    await coordinator.getByLabel('Wat biedt u aan?').selectOption({ label: 'Training' });
    await coordinator.getByRole('radio', { name: 'Een casustafel' }).check();
    await coordinator.getByLabel('Casustafel', { exact: true }).selectOption({ label: table.name });
    await coordinator.getByLabel('Titel', { exact: true }).fill(title);
    await coordinator.getByLabel('Omschrijving', { exact: true }).fill('Een dagdeel voor professionals over het herkennen en duiden van signalen.');
    await coordinator.getByRole('checkbox', { name: 'Polarisatie en sociale stabiliteit' }).check();
    await coordinator.getByLabel('Datum', { exact: true }).fill(dutchDate(30));
    await coordinator.getByRole('checkbox', { name: 'Onderwijs' }).check();
    // Too many participants: the form names the field before anything is sent (the request type's rule).
    await coordinator.getByLabel('Verwacht aantal deelnemers').fill('100000');
    await coordinator.getByLabel('Plaats', { exact: true }).fill('Stadhuis Apeldoorn');
    await coordinator.getByLabel('Geldig tot en met').fill(dutchDate(14));
    await coordinator.getByRole('button', { name: 'Aanbod versturen' }).click();
    await coordinator.getByRole('link', { name: 'Vul een geheel getal in van 1 tot en met 2000.' }).waitFor();
    await expectNoWcagViolation(coordinator, 'aanbod met fout');
    await coordinator.getByLabel('Verwacht aantal deelnemers').fill('25');
    await coordinator.getByRole('button', { name: 'Aanbod versturen' }).click();
    await coordinator.getByText(`Aanbod ‘${title}’ is verstuurd aan ${table.name}.`).waitFor();
    await coordinator.getByRole('heading', { level: 3, name: title }).waitFor();
    await expectNoWcagViolation(coordinator, 'aanbiedingen na versturen');

    // The member sees it on their home page and in their notifications.
    await member.reload();
    await member.getByRole('heading', { level: 2, name: 'Aanbod van de duidingspool' }).waitFor();
    await member.getByText(title).first().waitFor();
    await expectNoWcagViolation(member, 'mijn verzoeken met aanbod');
    await member
      .getByRole('link', { name: /^Meldingen/ })
      .first()
      .click();
    await member.getByText('De coördinator heeft uw casustafel of gemeente iets aangeboden.').first().waitFor();
    await expectNoWcagViolation(member, 'meldingen met aanbod');

    // Accepting: the confirmation says a request is made and submitted.
    await member.getByRole('link', { name: 'Aanbiedingen' }).first().click();
    await member.getByRole('heading', { level: 1, name: 'Aanbiedingen' }).waitFor();
    await expectNoWcagViolation(member, 'aanbiedingen (lid)');
    await member.getByRole('button', { name: `Aannemen ${title}` }).click();
    await member.getByText(/Er wordt een verzoek DP-… van het soort Training aangemaakt en direct ingediend/).waitFor();
    const choose = member.getByLabel('Voor welke gemeente?');
    if (await choose.isVisible()) await choose.selectOption({ label: table.municipalities[0]?.name ?? '' });
    await expectNoWcagViolation(member, 'bevestiging aannemen');
    await member.getByRole('button', { name: 'Aanbod aannemen' }).click();
    const done = member.getByText(new RegExp(`Aanbod ‘${title}’ aangenomen: verzoek DP-\\d{4}-\\d{4} is ingediend\\.`));
    await done.waitFor();
    const reference = /DP-\d{4}-\d{4}/.exec(plain(await done.textContent()))?.[0] as string;
    expect(reference).toMatch(/^DP-\d{4}-\d{4}$/);
    await expectNoWcagViolation(member, 'aanbiedingen na aannemen');

    // The request waits in the coordinator's triage, with the offer as its origin.
    await coordinator.getByRole('link', { name: 'Triage' }).first().click();
    await coordinator.getByRole('heading', { level: 1 }).waitFor();
    // Other specs fill the queue (oldest first), so the coordinator searches for the reference.
    await coordinator.getByRole('textbox', { name: 'Poolreferentie' }).fill(reference);
    await coordinator.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await coordinator.getByRole('link', { name: reference }).click();
    await coordinator.getByRole('heading', { level: 1, name: `Verzoek ${reference}` }).waitFor();
    await coordinator.getByText('Herkomst: aanbod van de coördinator.').waitFor();
    await coordinator.getByText('Stadhuis Apeldoorn').first().waitFor();
    await expectNoWcagViolation(coordinator, 'verzoek uit een aanbod');
  });
});
