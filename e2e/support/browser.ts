// Debian's Chromium through playwright-core: the test tools cannot download a browser here.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** The Chromium binary: CHROMIUM_PATH, else `chromium` on PATH. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page and fails on any serious or critical violation (WCAG 2.1 AA rules).
 * @param label names the page in the failure message
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the app's
  // Content-Security-Policy (script-src 'self') rightly refuses inline scripts, also the test's.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
  });
  expect(violations, `accessibility violations on ${label}`).toEqual([]);
}

/** One rule axe-core found broken, with up to five of the elements that break it. */
export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The violations of WCAG 2.0/2.1 level A or AA that axe-core finds on the page, whatever their
 * impact (the accessibility statement claims AA, not only the serious and critical part of it).
 */
export async function wcagViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // Only the violations are collected (not the passes): the same verdict, in a fraction of the time.
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
}

/**
 * Fails on any violation of WCAG 2.0/2.1 level A or AA on the page (`wcagViolations`).
 * @param label names the page in the failure message
 */
export async function expectNoWcagViolation(page: Page, label: string): Promise<void> {
  expect(await wcagViolations(page), `WCAG A/AA violations on ${label}`).toEqual([]);
}

/** The password of every demo account (README, "Demo accounts"). */
export const DEMO_PASSWORD = 'demo-duidingspool-2019';

/**
 * Logs demo account `local@duidingspool.example` in through the login form, in a new context of
 * `browser` (Dutch, Europe/Amsterdam, `viewport` when given), and answers the page once the shell
 * shows “Uitloggen”. The context is pushed onto `contexts` for the caller to close. `beforeSubmit`
 * runs on the login page before the form is filled (e.g. an accessibility check).
 */
export async function loginAs(
  browser: Browser,
  contexts: BrowserContext[],
  baseUrl: string,
  local: string,
  options: { viewport?: { width: number; height: number }; beforeSubmit?: (page: Page) => Promise<void> } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/login');
  await options.beforeSubmit?.(page);
  await page.getByLabel('E-mailadres').fill(`${local}@duidingspool.example`);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  return page;
}
