// The whole story of one request, worked on together (the "done when" of working together on a
// request): the casustafel saves a half-filled draft, edits and submits it; the coordinator asks
// for information; the casustafel corrects a field, answers in the thread and resubmits; the
// coordinator assigns; the specialist accepts and writes with the casustafel; the specialist writes
// the advice over two sessions (autosaved, continued after a new login) and delivers it after the
// confirmation; the casustafel asks a follow-up question in the thread and reopens the request for
// more work (decision 113); the specialist, told by the inbox, delivers the advice's second version
// and then corrects it with a reason (decision 114);
// the casustafel closes with feedback. Every wait is for a state; axe checks every page visited.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, loginAs as login } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
/** Text as the page shows it, with no-break spaces made plain. */
const plain = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ').trim();

let browser: Browser;
const contexts: BrowserContext[] = [];
const loginAs = (local: string, viewport?: { width: number; height: number }): Promise<Page> =>
  login(browser, contexts, baseUrl, local, viewport ? { viewport } : {});

/** Waits for the answer of the next `method` call whose path ends with `pathEnd`, run while `action` runs; fails on an error status. */
async function answerTo(page: Page, method: string, pathEnd: string, action: () => Promise<void>): Promise<void> {
  const answer = page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname.endsWith(pathEnd));
  await action();
  const res = await answer;
  expect(res.status(), `${method} ${pathEnd}`).toBeLessThan(400);
}

/** Posts a message in the request's thread and waits for the confirmation. */
async function postMessage(page: Page, text: string): Promise<void> {
  await page.getByLabel('Nieuw bericht').fill(text);
  await page.getByRole('button', { name: 'Bericht versturen' }).click();
  await page.getByText('Uw bericht is verstuurd.').waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('a request worked on together, in the browser', () => {
  it('draft → question → amended → assigned → messages → advice over two sessions → follow-up → reopened → second advice → closed with feedback', async () => {
    const caseReference = `E2E-${randomBytes(3).toString('hex')}`;

    // 1. The casustafel saves a half-filled draft, edits it, and submits it.
    const requester = await loginAs('requester.arnhem');
    await requester.getByRole('link', { name: 'Nieuw verzoek' }).first().click();
    await requester.getByLabel('Duidingsvraag').waitFor();
    await expectAccessible(requester, 'nieuw verzoek');
    await requester.getByLabel('Duidingsvraag').fill('Hoe duiden wij de uitingen op sociale media?');
    await requester.getByRole('button', { name: 'Opslaan als concept' }).click();
    await requester.getByRole('heading', { name: 'Concept bewerken' }).waitFor();
    await expectAccessible(requester, 'concept bewerken');
    await requester.getByLabel('Context').fill('Signalen van school sinds de zomer.');
    await answerTo(requester, 'PATCH', '/fields', () => requester.getByRole('button', { name: 'Opslaan als concept' }).click());
    // The edit is kept: after a reload the draft holds it.
    await requester.reload();
    await requester.getByRole('heading', { name: 'Concept bewerken' }).waitFor();
    await expect.poll(() => requester.getByLabel('Context').inputValue()).toBe('Signalen van school sinds de zomer.');
    await requester.getByLabel('Gemeente').selectOption({ label: 'Arnhem' });
    await requester.getByLabel('Casusreferentie').fill(caseReference);
    await requester.getByLabel('Rechts-extremisme').check();
    await requester.getByLabel('Gewenste ondersteuning').selectOption({ label: 'Schriftelijk advies' });
    await requester.getByRole('button', { name: 'Indienen', exact: true }).click();
    const heading = requester.getByRole('heading', { level: 1, name: /^Verzoek DP-\d{4}-\d{4}$/ });
    await heading.waitFor();
    const reference = plain(await heading.textContent()).replace('Verzoek ', '');
    const requestPath = new URL(requester.url()).pathname;
    await expectAccessible(requester, 'verzoek ingediend');

    // 2. The coordinator asks for more information, with a reason.
    const coordinator = await loginAs('coordinator');
    await coordinator.goto(requestPath);
    await coordinator.getByRole('button', { name: 'Aanvullende informatie vragen' }).click();
    await coordinator.getByLabel('Welke informatie is nodig?').fill('Sinds wanneer precies, en via welke platforms?');
    await expectAccessible(coordinator, 'informatie vragen');
    await coordinator.getByRole('button', { name: 'Aanvullende informatie vragen bevestigen' }).click();
    await coordinator.getByText('De status is gewijzigd naar: aanvullende informatie nodig.').waitFor();

    // 3. The casustafel corrects the question, answers in the thread and resubmits.
    await requester.reload();
    await requester.getByRole('heading', { name: 'Verzoek aanvullen' }).waitFor();
    await requester.getByText('Sinds wanneer precies, en via welke platforms?').first().waitFor();
    await expectAccessible(requester, 'verzoek aanvullen');
    await requester.getByLabel('Duidingsvraag').fill('Hoe duiden wij de uitingen op TikTok en Telegram sinds juli?');
    await postMessage(requester, 'Sinds juli, vooral op TikTok en Telegram; de vraag is aangepast.');
    await requester.getByRole('button', { name: 'Indienen', exact: true }).click();
    await requester.getByText(`Verzoek ${reference} is ingediend.`, { exact: false }).waitFor();
    // The timeline names the field changed, not its content (on the question's event and on the resubmission).
    await requester.getByText('Gewijzigd: Duidingsvraag').first().waitFor();
    await expectAccessible(requester, 'verzoek opnieuw ingediend');

    // 4. The coordinator assigns specialist 3 with 4:00 hours.
    await coordinator.reload();
    await coordinator.getByRole('heading', { name: 'Specialist toewijzen' }).waitFor();
    await expectAccessible(coordinator, 'verzoek (coördinator)');
    const specialists = await (await coordinator.request.get('/api/v1/specialists?pageSize=100')).json();
    const specialist = specialists.items.find((s: { email: string }) => s.email === 'specialist3@duidingspool.example');
    await coordinator.getByRole('radio', { name: specialist.displayName }).check();
    // The ranking follows the pool's load, which other specs change too: the picker decides whether it asks why.
    const why = coordinator.getByLabel('Waarom kiest u niet de eerste suggestie?');
    if (await why.isVisible()) await why.fill('Kent de platforms goed.');
    await coordinator.getByLabel('Geschatte tijd (uu:mm)').fill('4:00');
    await coordinator.getByRole('button', { name: 'Toewijzen' }).click();
    await coordinator.getByText('gereserveerd', { exact: false }).first().waitFor();

    // 5. The specialist accepts; specialist and casustafel exchange messages.
    const worker = await loginAs('specialist3');
    await worker.getByRole('heading', { level: 1, name: 'Mijn inzetten' }).waitFor();
    const row = worker.getByRole('row').filter({ hasText: reference });
    // Summary first: the specialist confirms no conflict of interest, then accepts (decision 103).
    await row.getByRole('button', { name: /Ik heb geen belangenverstrengeling/ }).click();
    await row.getByRole('button', { name: /Accepteren/ }).click();
    await row.getByRole('button', { name: /Accepteren/ }).waitFor({ state: 'detached' });
    await row.getByRole('link', { name: reference }).click();
    await worker.getByRole('heading', { name: 'Advies schrijven en opleveren' }).waitFor();
    const assignmentPath = new URL(worker.url()).pathname;
    await expectAccessible(worker, 'inzet');
    await worker.goto(requestPath);
    await worker.getByLabel('Nieuw bericht').waitFor();
    await postMessage(worker, 'Zijn er ook schermafbeeldingen van de berichten beschikbaar?');
    await expectAccessible(worker, 'verzoek (specialist)');
    await requester.reload();
    await requester.getByText('Zijn er ook schermafbeeldingen van de berichten beschikbaar?').waitFor();
    await postMessage(requester, 'Ja, de school stuurt ze via de coördinator.');
    await worker.reload();
    await worker.getByText('Ja, de school stuurt ze via de coördinator.').waitFor();

    // 6. The advice over two sessions: the first autosaves a beginning ...
    await worker.goto(assignmentPath);
    await worker.getByRole('heading', { name: 'Advies schrijven en opleveren' }).waitFor();
    const summary = 'De uitingen passen bij beginnende radicalisering.';
    await answerTo(worker, 'PUT', '/advice-draft', async () => {
      await worker.getByLabel('Samenvatting', { exact: true }).fill(summary);
      await worker.getByRole('textbox', { name: 'Advies', exact: true }).fill('Eerste opzet: de berichten tonen een verschuiving.');
    });
    await worker.getByText('Concept automatisch opgeslagen', { exact: false }).waitFor();
    await expectAccessible(worker, 'advies in wording');

    // ... and the second, after a new login, finds it and continues.
    const worker2 = await loginAs('specialist3');
    await worker2.goto(assignmentPath);
    await worker2.getByRole('heading', { name: 'Advies schrijven en opleveren' }).waitFor();
    await expect.poll(() => worker2.getByLabel('Samenvatting', { exact: true }).inputValue()).toBe(summary);
    const body = 'Eerste opzet: de berichten tonen een verschuiving. Wij adviseren een gesprek door school en wijkagent, en een vervolg over zes weken.';
    await answerTo(worker2, 'PUT', '/advice-draft', () => worker2.getByRole('textbox', { name: 'Advies', exact: true }).fill(body));
    await worker2.getByRole('button', { name: 'Advies opleveren', exact: true }).click();
    await worker2.getByText('Na opleveren kunt u het advies niet meer wijzigen.').waitFor();
    await expectAccessible(worker2, 'advies opleveren bevestigen');
    await worker2.getByRole('button', { name: 'Advies opleveren bevestigen' }).click();
    await worker2.getByText('Het advies is opgeleverd aan de casustafel.').waitFor();

    // 7. The casustafel reads it, asks a follow-up question in the thread, and reopens for more work.
    await requester.reload();
    await requester.getByText('Wij adviseren een gesprek door school en wijkagent', { exact: false }).waitFor();
    await expectAccessible(requester, 'verzoek met advies');
    await postMessage(requester, 'Vervolgvraag: speelt de thuissituatie ook een rol?');
    await requester.getByRole('button', { name: 'Heropenen voor meer werk' }).click();
    await requester.getByText(`${reference} heropenen voor meer werk?`).waitFor();
    await expectAccessible(requester, 'heropenen bevestigen');
    // The reason is required: without it the form says so and nothing is sent.
    await requester.getByRole('button', { name: 'Heropenen bevestigen' }).click();
    await requester.getByText('Dit veld is verplicht', { exact: false }).first().waitFor();
    await requester.getByLabel('Welk werk is er nog nodig?').fill('Graag ook de rol van de thuissituatie uitwerken.');
    await requester.getByRole('button', { name: 'Heropenen bevestigen' }).click();
    await requester.getByText(`${reference} is heropend. De specialist werkt er weer aan.`).waitFor();
    await requester.getByText('Heropend voor meer werk').waitFor();
    // The reason on the timeline (isolated from the text around it, so matched in part).
    await requester.getByText(/^Toelichting: .?Graag ook de rol van de thuissituatie uitwerken\..?$/).waitFor();
    expect(await requester.getByRole('button', { name: 'Heropenen voor meer werk' }).count()).toBe(0);
    await expectAccessible(requester, 'verzoek heropend');

    // 8. The specialist is told in the inbox (reference only) and delivers the second version.
    await worker2.goto('/notifications');
    await worker2.getByRole('link', { name: `Duidingsverzoek ${reference} is heropend.` }).waitFor();
    await expectAccessible(worker2, 'meldingen');
    await worker2.goto(assignmentPath);
    await worker2.getByRole('heading', { name: 'Advies schrijven en opleveren' }).waitFor();
    await expect.poll(() => worker2.getByRole('textbox', { name: 'Advies', exact: true }).inputValue()).toBe(body);
    await answerTo(worker2, 'PUT', '/advice-draft', () =>
      worker2.getByRole('textbox', { name: 'Advies', exact: true }).fill(`${body} Aanvulling: de thuissituatie versterkt het isolement; betrek het wijkteam.`),
    );
    await worker2.getByRole('button', { name: 'Advies opleveren', exact: true }).click();
    await worker2.getByRole('button', { name: 'Advies opleveren bevestigen' }).click();
    await worker2.getByText('Het advies is opgeleverd aan de casustafel.').waitFor();

    // 8b. The specialist spots a mistake and corrects the delivered advice: a reason, a confirmation
    // that says what follows, and version 3 marked as corrected (decision 114).
    await worker2.reload();
    await worker2.getByRole('button', { name: 'Advies corrigeren' }).click();
    const correctedBody = worker2.getByRole('textbox', { name: 'Advies', exact: true });
    await correctedBody.fill(`${await correctedBody.inputValue()} Correctie: betrek ook de jongerenwerker.`);
    await worker2.getByRole('button', { name: 'Correctie opleveren', exact: true }).click();
    await worker2.getByText('Dit veld is verplicht.', { exact: false }).first().waitFor();
    await worker2.getByRole('textbox', { name: 'Wat is er gecorrigeerd, en waarom?' }).fill('De jongerenwerker ontbrak in het advies.');
    await worker2.getByRole('button', { name: 'Correctie opleveren', exact: true }).click();
    await worker2.getByText('De casustafel ziet de nieuwe versie', { exact: false }).waitFor();
    await expectAccessible(worker2, 'advies corrigeren bevestigen');
    await worker2.getByRole('button', { name: 'Correctie opleveren bevestigen' }).click();
    await worker2.getByText('(versie 3)', { exact: false }).waitFor();

    // 9. The casustafel reads version 3 as corrected, with the reason (versions 1 and 2 stay readable), closes, and gives feedback.
    await requester.reload();
    await requester.getByText('Versie 3: gecorrigeerd door de specialist.').waitFor();
    await requester.getByText('De jongerenwerker ontbrak in het advies.', { exact: false }).waitFor();
    await requester.getByText('Correctie: betrek ook de jongerenwerker.', { exact: false }).waitFor();
    await requester.getByText('Eerdere versies (2)').waitFor();
    await expectAccessible(requester, 'verzoek met tweede advies');
    await requester.getByRole('button', { name: 'Sluiten', exact: true }).click();
    await requester.getByText('De bewaartermijn begint', { exact: false }).waitFor();
    await requester.getByRole('button', { name: 'Sluiten bevestigen' }).click();
    await requester.getByText('De status is gewijzigd naar: gesloten.').waitFor();
    await requester.getByRole('heading', { name: 'Terugkoppeling op het advies' }).waitFor();
    await expectAccessible(requester, 'terugkoppeling');
    await requester
      .getByRole('group', { name: /Is de vraag beantwoord/ })
      .getByLabel('Ja', { exact: true })
      .check();
    await requester
      .getByRole('group', { name: /Hoe bruikbaar/ })
      .getByLabel('4', { exact: true })
      .check();
    await requester.getByLabel('De gekozen interventie').check();
    await requester.getByRole('button', { name: 'Terugkoppeling versturen' }).click();
    await requester.getByText('Dank u, de terugkoppeling is opgeslagen.').waitFor();
    await requester.getByRole('heading', { name: 'Terugkoppeling van de casustafel' }).waitFor();
    await expectAccessible(requester, 'gesloten met terugkoppeling');

    // The coordinator follows the thread too: reading it leaves no unread message behind (the
    // messages spec counts the coordinator's unread messages on the same server).
    await coordinator.goto(requestPath);
    await coordinator.getByText('Vervolgvraag: speelt de thuissituatie ook een rol?').waitFor();
    await coordinator.getByRole('link', { name: /^Berichten$/ }).waitFor();
    await expectAccessible(coordinator, 'gesloten verzoek (coördinator)');
    // The whole story in one test: three people, two sessions of the specialist, some twenty pages.
  }, 300_000);
});
