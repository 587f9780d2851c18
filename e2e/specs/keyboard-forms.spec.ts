// Keyboard only on a form of every feature (issue 15, "Done when"; docs/decisions/125-one-form-pattern.md):
// sign in, a new request, logging hours, a budget line, a report period and inviting a user are each
// filled and sent with Tab, typing, the arrow keys, Space and Enter, never a click, and the result is
// on screen. Where a form is first sent with a mistake, the error summary takes the focus, names the
// field and its link leads back to it by keyboard. Setting up what a form needs (an accepted
// assignment) goes through the API, as the other specs do.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, expectNoWcagViolation, launchBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

/** What the focused element is, for the messages of a failed walk. */
const focusedText = (page: Page) =>
  page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.id} ${document.activeElement?.textContent?.slice(0, 40)}`);

/**
 * Presses Tab until the focused element passes `test` (a body over `el`, evaluated in the page):
 * a field by its label, a button by its name. Stays when the focus is there already (a confirmation
 * that took it). Fails after 200 steps.
 */
async function tabTo(page: Page, what: string, test: string): Promise<void> {
  const there = () => page.evaluate(`(el => !!(${test}))(document.activeElement)`);
  if (await there()) return;
  for (let i = 0; i < 200; i += 1) {
    await page.keyboard.press('Tab');
    if (await there()) return;
  }
  throw new Error(`Tab never reached ${what} (last: ${await focusedText(page)})`);
}

/** The test of a field whose label starts with `label`. */
const labelled = (label: string) => `el?.labels?.[0]?.textContent?.trim().startsWith(${JSON.stringify(label)})`;
/** The test of a button (or link) whose words are `name`. */
const button = (name: string) =>
  `(el?.tagName === 'BUTTON' || el?.tagName === 'A') && (el.getAttribute('aria-label') ?? el.textContent).replace(/\\s+/g, ' ').trim() === ${JSON.stringify(name)}`;

/** Tabs to the field labelled `label` and types `text` over what it holds. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await tabTo(page, label, labelled(label));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Tabs to the select labelled `label` and moves through its options with the arrow keys until `option` is chosen. */
async function chooseWithArrows(page: Page, label: string, option: string): Promise<void> {
  await tabTo(page, label, labelled(label));
  const chosen = () => page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? '');
  for (const key of ['Home', ...Array<string>(60).fill('ArrowDown')]) {
    if ((await chosen()) === option) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${label}: the arrow keys never reached ${option} (at ${await chosen()})`);
}

/** Tabs to the checkbox labelled `label` and ticks it with Space. */
async function tick(page: Page, label: string): Promise<void> {
  await tabTo(page, label, `el?.type === 'checkbox' && ${labelled(label)}`);
  await page.keyboard.press('Space');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked), `${label} ticked`).toBe(true);
}

/** Tabs into the radio group that holds `label` and moves with the arrow keys until that radio is checked. */
async function pickRadio(page: Page, label: string): Promise<void> {
  await tabTo(
    page,
    `the radio group of ${label}`,
    `el?.type === 'radio' && el.closest('fieldset')?.querySelector('input[type=radio]') && [...el.closest('fieldset').querySelectorAll('label')].some(l => l.textContent.trim() === ${JSON.stringify(label)})`,
  );
  for (let i = 0; i < 10; i += 1) {
    if (await page.evaluate((l) => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent?.trim() === l, label)) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the arrow keys never reached the radio ${label}`);
}

/** Tabs to the button `name` and presses Enter on it. */
async function press(page: Page, name: string): Promise<void> {
  await tabTo(page, name, button(name));
  await page.keyboard.press('Enter');
}

/** Moves focus to the page's main heading (where the app puts it after navigating), so Tab starts in the content. */
async function startAtHeading(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.dsp-loading'), undefined, { timeout: 15_000 });
  await page.getByRole('heading', { level: 1 }).first().focus();
}

/** Signs in with the keyboard only: Tab to the address and the password, Enter in the password field. */
async function signIn(local: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/login');
  await startAtHeading(page);
  await typeInto(page, 'E-mailadres', `${local}@duidingspool.example`);
  await typeInto(page, 'Wachtwoord', DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  return page;
}

/** A JSON call with the page's session, for what a form needs to exist first. */
async function call(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) {
  const res = await page.request.fetch(path, { method, ...(data === undefined ? {} : { data }) });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

describe('every feature has a form that works with the keyboard only', () => {
  it('sign in, a new request with a mistake fixed through the summary, and the hours on it', async () => {
    const requester = await signIn('requester.arnhem');
    await requester.goto('/requests/new');
    await startAtHeading(requester);
    await requester.getByLabel('Casusreferentie').waitFor();
    const caseReference = `KB-${randomBytes(3).toString('hex')}`;
    await chooseWithArrows(requester, 'Gemeente', 'Arnhem');
    await typeInto(requester, 'Casusreferentie', caseReference);
    await typeInto(requester, 'Context', 'Signalen van school en wijkagent sinds de zomer.');
    await tick(requester, 'Rechts-extremisme');
    await pickRadio(requester, 'Regulier');
    await chooseWithArrows(requester, 'Gewenste ondersteuning', 'Schriftelijk advies');
    // Sent without the question: the summary takes the focus and its link leads to the field.
    await press(requester, 'Indienen');
    await requester.waitForFunction(() => document.activeElement?.closest('.dsp-error-summary'));
    await expectNoWcagViolation(requester, 'new request sent without its question (keyboard)');
    await tabTo(
      requester,
      'the summary link to the question',
      `el?.tagName === 'A' && el.closest('.dsp-error-summary') && el.textContent.includes('Duidingsvraag')`,
    );
    await requester.keyboard.press('Enter');
    await requester.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.includes('Duidingsvraag'));
    await requester.keyboard.type('Hoe duiden wij de uitingen van betrokkene op sociale media?');
    await press(requester, 'Indienen');
    const heading = requester.getByRole('heading', { level: 1, name: /^Verzoek DP-\d{4}-\d{4}$/ });
    await heading.waitFor();
    const reference = (await heading.textContent())?.replace(/\u2068|\u2069/g, '').replace('Verzoek ', '') ?? '';

    // The assignment the hours go on: assigned and accepted through the API.
    const coordinator = await signIn('coordinator');
    const worker = await signIn('specialist4');
    const requests = await call(requester, 'GET', `/api/v1/interpretation-requests?reference=${reference}`);
    const request = requests.items[0];
    const specialists = await call(coordinator, 'GET', '/api/v1/specialists?pageSize=100');
    const s4 = specialists.items.find((s: { email: string }) => s.email === 'specialist4@duidingspool.example');
    const assignment = await call(coordinator, 'POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: s4.id,
      estimatedMinutes: 240,
      overrideReason: 'Vaste keuze van de test',
    });
    await call(worker, 'PATCH', `/api/v1/assignments/${assignment.id}`, { status: 'accepted' });

    await worker.goto(`/assignments/${assignment.id}`);
    await worker.getByRole('heading', { name: 'Uren registreren' }).waitFor();
    await startAtHeading(worker);
    await typeInto(worker, 'Duur (uu:mm)', '1,5');
    await typeInto(worker, 'Omschrijving', 'Dossierstudie');
    await press(worker, 'Uren registreren');
    await worker.getByText(/1:30 uur op .* geregistreerd/).waitFor();
    // Three sign-ins and two forms typed key by key: more than one form's time.
  }, 240_000);

  it('finance adds a budget line, and removes it again, with the keyboard only', async () => {
    const finance = await signIn('finance');
    await finance.goto('/budget');
    await finance.getByRole('table', { name: /Budgetregels \d{4}/ }).waitFor();
    await startAtHeading(finance);
    await typeInto(finance, 'Code', 'kb-line');
    await tabTo(finance, 'the name of the new line', `el?.id?.startsWith('new-line-') && el.id.endsWith('-name')`);
    await finance.keyboard.type('Regel met het toetsenbord');
    await tabTo(finance, 'the amount of the new line', `el?.id?.startsWith('new-line-') && el.id.endsWith('-amount')`);
    await finance.keyboard.type('1.234,56');
    // Enter in a one-line field sends its form.
    await finance.keyboard.press('Enter');
    await finance.getByText('Budgetregel Regel met het toetsenbord toegevoegd met € 1.234,56.').waitFor();
    await startAtHeading(finance);
    await press(finance, 'Budgetregel Regel met het toetsenbord verwijderen');
    await tabTo(finance, 'the confirmation', button('Budgetregel Regel met het toetsenbord verwijderen'));
    await finance.keyboard.press('Enter');
    await finance.getByText('Budgetregel Regel met het toetsenbord is verwijderd.').waitFor();
  });

  it('the coordinator runs a report of a quarter, after a year it refused, with the keyboard only', async () => {
    const coordinator = await signIn('coordinator');
    await coordinator.goto('/reports');
    await startAtHeading(coordinator);
    await chooseWithArrows(coordinator, 'Periode', 'Eerste kwartaal');
    await typeInto(coordinator, 'Jaar', '26');
    await press(coordinator, 'Rapport maken');
    await coordinator.waitForFunction(() => document.activeElement?.closest('.dsp-error-summary')?.textContent?.includes('Jaar'));
    const year = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()).slice(0, 4);
    await typeInto(coordinator, 'Jaar', year);
    await press(coordinator, 'Rapport maken');
    await coordinator.getByRole('heading', { level: 2, name: `Periode 01-01-${year} tot en met 31-03-${year}` }).waitFor();
  });

  it('the admin invites a user with the keyboard only', async () => {
    const admin = await signIn('admin');
    await admin.goto('/users');
    await startAtHeading(admin);
    const email = `kb-${randomBytes(3).toString('hex')}@duidingspool.example`;
    await typeInto(admin, 'E-mailadres', email);
    await typeInto(admin, 'Naam', 'Toetsenbord Gebruiker');
    await tick(admin, 'financiën');
    await press(admin, 'Uitnodiging versturen');
    const done = admin.getByText(/^De uitnodiging voor .* staat klaar om te verzenden/);
    await done.waitFor();
    expect(await done.textContent()).toContain(email);
  });
});
