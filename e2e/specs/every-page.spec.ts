// Every page of the app, for every role, in Dutch and English, at desktop, tablet and phone width
// (docs/design.md, "Phone and tablet"; decision 124). The pages are read from the web router, so a
// new page is walked without editing this file; detail pages open a real record of the demo year.
// On each page: axe-core finds no violation of WCAG 2.1 level A or AA (any impact), the page does not
// scroll sideways, `<html lang>` is the language shown, no server `detail` or JSON pointer is shown
// raw, and a screenshot is kept (e2e/output/screenshots, a CI artefact). Per role one form is
// submitted with the keyboard only.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LAZY_PAGES, type LazyPage, PUBLIC_PATHS } from '../../web/src/app/pages.ts';
import { expectNoWcagViolation, launchBrowser, loginAs, wcagViolations } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const screenshots = fileURLToPath(new URL('../output/screenshots/', import.meta.url));

const DESKTOP = { name: 'desktop', width: 1280, height: 800 };
const TABLET = { name: 'tablet', width: 768, height: 1024 };
const PHONE = { name: 'phone', width: 390, height: 844 };

type Role = 'requester' | 'coordinator' | 'specialist' | 'finance' | 'admin';
type Language = 'nl' | 'en';

/** A route of the web router: its path and the roles that may open it (undefined: every signed-in user). */
interface RouteSpec {
  path: string;
  roles: Role[] | undefined;
}

/**
 * The routes of the web router: the pages loaded on demand from their table (`LAZY_PAGES` of
 * `web/src/app/pages.ts`, with their roles), and the other routes of `web/src/app/router.tsx`, read
 * from its source: each `<Route path=… element=…>` with the roles of its `only([…])`; redirects
 * (`<Navigate`) are left out. The public pages are its `PUBLIC_PATHS`.
 */
function routerRoutes(): { routes: RouteSpec[]; publicPaths: string[] } {
  const source = readFileSync(fileURLToPath(new URL('../../web/src/app/router.tsx', import.meta.url)), 'utf8');
  const routes: RouteSpec[] = LAZY_PAGES.map((p: LazyPage) => ({ path: p.path.slice(1), roles: p.roles ? [...p.roles] : undefined }));
  for (const line of source.split('\n')) {
    const route = line.match(/<Route path="([^"]+)" element=\{(.*)\} \/>/);
    if (!route?.[1] || !route[2] || route[2].includes('<Navigate')) continue;
    const only = route[2].match(/only\(\[([^\]]*)\]/);
    const roles = only?.[1] ? (only[1].split(',').map((r) => r.trim().replace(/'/g, '')) as Role[]) : undefined;
    routes.push({ path: route[1] === '*' ? 'no-such-page' : route[1], roles });
  }
  return { routes, publicPaths: [...PUBLIC_PATHS] };
}

const ACCOUNTS: Record<Role, string> = {
  requester: 'requester.arnhem',
  coordinator: 'coordinator',
  specialist: 'specialist2',
  finance: 'finance',
  admin: 'admin',
};

/** A real id for each route parameter the role meets, from the demo year through the API, with the role's own session. */
async function idsFor(page: Page, role: Role): Promise<Record<string, string>> {
  const get = async (path: string) => {
    const res = await page.request.get(`/api/v1${path}`);
    expect(res.status(), path).toBe(200);
    return res.json();
  };
  const ids: Record<string, string> = {};
  if (role === 'requester') {
    const requests = await get('/interpretation-requests?pageSize=50');
    ids.requestId = requests.items.find((r: { reference: string | null }) => r.reference).id;
  }
  if (role === 'coordinator' || role === 'specialist') {
    const assignments = await get('/assignments?pageSize=50');
    const assignment = assignments.items[0];
    expect(assignment, `an assignment of the demo year for ${role}`).toBeTruthy();
    ids.assignmentId = assignment.id;
    ids.requestId = assignment.requestId;
    ids.specialistId = assignment.specialistId;
  }
  if (role === 'specialist') ids.specialistId = (await get('/me')).specialistId;
  return ids;
}

/** The URLs `role` may open: every route its roles allow, parameters filled in. */
function pagesFor(role: Role, routes: RouteSpec[], publicPaths: string[], ids: Record<string, string>): string[] {
  // The visitor's own pages (log in, set or forget a password) are not for a signed-in user.
  const visitorOnly = new Set(publicPaths.filter((p) => p !== '/toegankelijkheid' && p !== '/privacy'));
  // The role's own pages first: the first of them is also seen at tablet width.
  const own = (r: RouteSpec) => (r.roles ? 0 : 1);
  return routes
    .filter((r) => (r.roles ? r.roles.includes(role) : true) && !visitorOnly.has(`/${r.path}`))
    .sort((a, b) => own(a) - own(b))
    .map((r) =>
      `/${r.path}`.replace(/:([A-Za-z]+)/g, (_, name: string) => {
        const id = ids[name];
        if (!id) throw new Error(`no id for :${name} of ${role}`);
        return id;
      }),
    );
}

/** A file name for a page's screenshot. */
const shotName = (who: string, language: Language, viewport: string, path: string) =>
  `${who}-${language}-${viewport}-${
    path
      .replace(/^\//, '')
      .replace(/[^a-z0-9]+/gi, '_')
      .replace(/_[0-9a-f]{8}_[0-9a-f_]{27}/g, '_id') || 'home'
  }.png`;

/** Problem details the server sent to this page (their `detail`), to be sure none is shown as such. */
function collectProblemDetails(page: Page): Set<string> {
  const details = new Set<string>();
  page.on('response', async (res) => {
    if (!(res.headers()['content-type'] ?? '').includes('application/problem+json')) return;
    try {
      const body = await res.json();
      if (typeof body.detail === 'string' && body.detail.length > 8) details.add(body.detail);
    } catch {
      // a problem without a body
    }
  });
  return details;
}

/** A JSON pointer of a request body (“/description”, “/items/0/mode”) standing on its own in text. */
const JSON_POINTER = /(^|[\s(])\/[a-z][A-Za-z]*(\/[A-Za-z0-9]+)*([\s).,;:]|$)/m;

/** Waits until the page has its heading and nothing is loading. */
async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.dsp-loading'), undefined, { timeout: 15_000 });
}

/** Sets the width and waits until the page has laid itself out again (charts measure their box on resize). */
async function resize(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize({ width: viewport.width, height: viewport.height });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));
}

/** The checks of one page at one width: WCAG A/AA, no sideways scroll, the language, no raw problem text; and its screenshot. */
async function checkPage(page: Page, label: string, language: Language, details: Set<string>, file: string): Promise<void> {
  const layout = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
    lang: document.documentElement.lang,
    // What is rendered, as a reader sees it (not the text of closed menus or templates).
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is the rendered text, which is what must not show a raw problem
    text: document.body.innerText,
  }));
  // Soft: one walk reports every fault of every page, not only the first.
  expect.soft(layout.lang, `<html lang> on ${label}`).toBe(language);
  expect.soft(layout.scrollWidth, `sideways scroll on ${label}`).toBeLessThanOrEqual(layout.innerWidth);
  expect.soft(layout.text, `a JSON pointer shown on ${label}`).not.toMatch(JSON_POINTER);
  for (const detail of details) expect.soft(layout.text, `a server detail shown on ${label}`).not.toContain(detail);
  expect.soft(await wcagViolations(page), `WCAG A/AA violations on ${label}`).toEqual([]);
  await page.screenshot({ path: `${screenshots}${file}`, fullPage: true });
}

/** Presses Tab until the focused element satisfies `test` (at most 80 times). */
async function tabUntil(page: Page, what: string, test: string): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    // `test` is a body over `el` (the focused element), evaluated in the page.
    if (await page.evaluate(`(el => ${test})(document.activeElement)`)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

let browser: Browser;
const contexts: BrowserContext[] = [];
const { routes, publicPaths } = routerRoutes();

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('every page', () => {
  it('the router lists the pages this walk opens', () => {
    // A guard on the parsing above: the walk must see the known pages and their roles.
    expect(routes.find((r) => r.path === 'users')?.roles).toEqual(['admin']);
    expect(routes.find((r) => r.path === 'account')?.roles).toBeUndefined();
    expect(routes.length).toBeGreaterThan(25);
    expect(publicPaths).toContain('/login');
  });

  it('for a visitor: the public pages, in both languages and at every width', async () => {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: DESKTOP });
    contexts.push(context);
    const page = await context.newPage();
    const details = collectProblemDetails(page);
    for (const language of ['nl', 'en'] as const) {
      for (const path of publicPaths) {
        await page.goto(path);
        await settled(page);
        if (language === 'en' && path === publicPaths[0]) {
          await page.getByRole('button', { name: 'English' }).click();
          await page.waitForFunction(() => document.documentElement.lang === 'en');
        }
        for (const viewport of [DESKTOP, TABLET, PHONE]) {
          await resize(page, viewport);
          await checkPage(page, `${path} (visitor, ${language}, ${viewport.name})`, language, details, shotName('visitor', language, viewport.name, path));
        }
        await resize(page, DESKTOP);
      }
    }
  }, 300_000);

  for (const role of Object.keys(ACCOUNTS) as Role[]) {
    it(`for the ${role}: every page it may open, in Dutch and English, at desktop and phone width, and a form with the keyboard`, async () => {
      const page = await loginAs(browser, contexts, baseUrl, ACCOUNTS[role], { viewport: DESKTOP });
      const details = collectProblemDetails(page);
      const ids = await idsFor(page, role);
      const pages = pagesFor(role, routes, publicPaths, ids);
      try {
        for (const language of ['nl', 'en'] as const) {
          if (language === 'en') {
            // The choice is kept on the server: the next page load must find it there.
            const kept = page.waitForResponse((res) => res.url().endsWith('/api/v1/me/language') && res.request().method() === 'PUT');
            await page.getByRole('button', { name: 'English' }).click();
            expect((await kept).ok()).toBe(true);
            await page.waitForFunction(() => document.documentElement.lang === 'en');
          }
          for (const [index, path] of pages.entries()) {
            await page.goto(path);
            await settled(page);
            // The tablet once per role and language, on the first of its own pages.
            const viewports = index === 0 ? [DESKTOP, TABLET, PHONE] : [DESKTOP, PHONE];
            for (const viewport of viewports) {
              await resize(page, viewport);
              await checkPage(page, `${path} (${role}, ${language}, ${viewport.name})`, language, details, shotName(role, language, viewport.name, path));
            }
            await resize(page, DESKTOP);
          }
        }
        await keyboardForm(page, role);
      } finally {
        // The language is kept per user on the server: the other specs meet these users in Dutch.
        const back = await page.request.put('/api/v1/me/language', { data: { language: 'nl' } });
        expect.soft(back.ok(), 'the language set back to Dutch').toBe(true);
      }
    }, 600_000);
  }

  it('on a phone, the menu is one button that opens, closes on Escape and on choosing a page', async () => {
    const page = await loginAs(browser, contexts, baseUrl, 'coordinator', { viewport: PHONE });
    // The landing page moves focus to its heading once its data is in: let it, before driving the menu.
    await settled(page);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link', { name: 'Budget' }).isVisible()).toBe(false);
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Budget' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await tabUntil(page, 'Budget', "el?.textContent === 'Budget'");
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Budget/ }).waitFor();
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    // On a desktop the menu is a row of links, no button.
    await resize(page, DESKTOP);
    expect(await menu.isVisible()).toBe(false);
    expect(await nav.getByRole('link', { name: 'Budget' }).isVisible()).toBe(true);
  });
});

/**
 * One form per role with the keyboard only, on the account page every role has: the password form
 * sent empty (the error summary takes focus and names the fields in words), and where the role has
 * e-mail preferences, one changed with the arrow keys and saved with Enter.
 */
async function keyboardForm(page: Page, role: Role): Promise<void> {
  await page.goto('/account');
  await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
  await settled(page);
  await page.getByRole('heading', { level: 1 }).focus();
  await tabUntil(page, 'the current password', "el?.labels?.[0]?.textContent?.startsWith('Current password')");
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('.dsp-error-summary'));
  const summary = await page.evaluate(() => document.activeElement?.closest('.dsp-error-summary')?.textContent ?? '');
  expect(summary, `error summary (${role})`).toContain('Current password');
  expect(summary).not.toMatch(JSON_POINTER);
  await expectNoWcagViolation(page, `account, password form sent empty (${role})`);

  const firstChoice = page.locator('input[type=radio][id^="pref-"]').first();
  if ((await firstChoice.count()) === 0) return;
  await tabUntil(page, 'an e-mail preference', "el?.type === 'radio' && el.id.startsWith('pref-')");
  await page.keyboard.press('ArrowDown');
  await tabUntil(page, 'Save preferences', "el?.textContent === 'Save preferences'");
  await page.keyboard.press('Enter');
  await page.getByText('Your notification preferences have been saved.').waitFor();
}
