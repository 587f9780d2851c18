// A municipality asks for a training (docs/design.md §4, §12; decision 095), in Chromium: the policy
// adviser of Arnhem chooses the type first and fills in that type's fields, the coordinator assigns
// a specialist, the specialist accepts and, on the day of the training, records the participants
// per audience; the report then counts the people reached. axe-core checks every page visited.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, loginAs as login } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
/** Text as the page shows it, with no-break spaces made plain. */
const plain = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ').trim();
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());

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

describe('a training asked by a municipality', () => {
  it('is requested, assigned, accepted, its participants recorded, and counted as people reached', async () => {
    const topic = `Training polarisatie voor jongerenwerk ${randomBytes(3).toString('hex')}`;

    // The adviser of Arnhem asks: the type first, then the training's own fields.
    const adviser = await loginAs('adviser.arnhem');
    await adviser.getByRole('heading', { level: 1, name: 'Mijn verzoeken' }).waitFor();
    await adviser.getByRole('link', { name: 'Nieuw verzoek' }).first().click();
    await adviser.getByRole('radio', { name: 'Training' }).check();
    await adviser.getByLabel('Onderwerp en doel van de training').waitFor();
    // A municipality asks no case interpretation, and a training has no case reference.
    expect(await adviser.getByRole('radio', { name: 'Duiding van een casus' }).count()).toBe(0);
    expect(await adviser.getByLabel('Casusreferentie').count()).toBe(0);
    await expectAccessible(adviser, 'nieuw verzoek (training)');
    await adviser.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Arnhem' });
    await adviser.getByLabel('Onderwerp en doel van de training').fill(topic);
    await adviser.getByLabel('Polarisatie en sociale stabiliteit').check();
    await adviser.getByLabel('Gewenste ondersteuning').selectOption({ label: 'Training' });
    await adviser.getByLabel('Datum', { exact: true }).fill(today());
    await adviser.getByRole('checkbox', { name: 'Jongerenwerk' }).check();
    // Too many participants: the form names the field before anything is sent.
    await adviser.getByLabel('Verwacht aantal deelnemers').fill('100000');
    await adviser.getByLabel('Plaats', { exact: true }).fill('Wijkcentrum Presikhaaf');
    await adviser.getByRole('button', { name: 'Indienen' }).click();
    await adviser.getByRole('link', { name: 'Vul een geheel getal in van 1 tot en met 2000.' }).waitFor();
    await expectAccessible(adviser, 'nieuw verzoek met fout');
    await adviser.getByLabel('Verwacht aantal deelnemers').fill('30');
    await adviser.getByRole('button', { name: 'Indienen' }).click();
    const heading = adviser.getByRole('heading', { level: 1, name: /^Verzoek DP-\d{4}-\d{4}$/ });
    await heading.waitFor();
    const reference = plain(await heading.textContent()).replace('Verzoek ', '');
    await adviser.getByText('Wijkcentrum Presikhaaf').waitFor();
    await expectAccessible(adviser, 'verzoek (gemeente)');
    const requestId = adviser.url().split('/').at(-1) as string;

    // The coordinator filters the queue by type and assigns specialist 5 for 3:00 hours.
    const coordinator = await loginAs('coordinator');
    await coordinator.getByRole('heading', { level: 1 }).waitFor();
    await coordinator.getByLabel('Soort', { exact: true }).selectOption({ label: 'Training' });
    await coordinator.getByRole('link', { name: reference }).click();
    await coordinator.getByRole('heading', { name: 'Specialist toewijzen' }).waitFor();
    await expectAccessible(coordinator, 'training (coördinator)');
    const specialists = await (await coordinator.request.get('/api/v1/specialists?pageSize=100')).json();
    const specialist = specialists.items.find((s: { email: string }) => s.email === 'specialist5@duidingspool.example');
    await coordinator.getByRole('radio', { name: specialist.displayName }).check();
    const why = coordinator.getByLabel('Waarom kiest u niet de eerste suggestie?');
    if (await why.isVisible()) await why.fill('Heeft deze training eerder gegeven.');
    await coordinator.getByLabel('Geschatte tijd (uu:mm)').fill('3:00');
    await coordinator.getByRole('button', { name: 'Toewijzen' }).click();
    await coordinator.getByText('gereserveerd', { exact: false }).first().waitFor();

    // The specialist accepts and records who took part.
    const worker = await loginAs('specialist5');
    await worker.getByRole('heading', { level: 1, name: 'Mijn inzetten' }).waitFor();
    const row = worker.getByRole('row').filter({ hasText: reference });
    // Summary first: the specialist confirms no conflict of interest, then accepts (decision 103).
    await row.getByRole('button', { name: /Ik heb geen belangenverstrengeling/ }).click();
    await row.getByRole('button', { name: /Accepteren/ }).click();
    await row.getByRole('button', { name: /Accepteren/ }).waitFor({ state: 'detached' });
    await worker.goto(`/requests/${requestId}`);
    await worker.getByRole('heading', { name: 'Bereik' }).waitFor();
    await expectAccessible(worker, 'bereik vastleggen');
    await worker.getByLabel('Jongerenwerk', { exact: true }).fill('18');
    await worker.getByLabel('Onderwijs', { exact: true }).fill('7');
    await worker.getByLabel('Sleutelfiguren', { exact: true }).fill('4');
    await worker.getByRole('button', { name: 'Deelnemers vastleggen' }).click();
    await worker.getByText('De deelnemers zijn vastgelegd: 29 mensen bereikt.').waitFor();
    await expectAccessible(worker, 'bereik vastgelegd');

    // The report of this year (the page's default) counts the 29 people reached and the 25
    // professionals trained: the only training of this database.
    await coordinator.getByRole('link', { name: 'Rapportage' }).click();
    const table = coordinator.getByRole('table', { name: 'Mensen bereikt en professionals getraind per soort' });
    await table.waitFor();
    const training = table.getByRole('row').filter({ hasText: 'Training' });
    await training.getByRole('cell', { name: '29', exact: true }).waitFor();
    await training.getByRole('cell', { name: '25', exact: true }).waitFor();
    await expectAccessible(coordinator, 'rapportage met bereik');
  });
});
