import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './platform';

/** Debian's Chromium unless CHROMIUM_PATH names another build; playwright-core downloads no browser. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Screenshots and accessibility reports of a run (gitignored), replaced at each run. */
export const ARTIFACTS_DIR = join(ROOT, 'test-artifacts', 'portal-e2e');

/** Waits on elements and navigations: generous, for a loaded 2-core machine. */
export const ACTION_TIMEOUT_MS = 60_000;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Root on CI has no user namespace sandbox; /dev/shm is small in containers.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
    timeout: 120_000,
  });
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  return context;
}

export function resetArtifacts(): void {
  rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
}

/** Saves a full-page screenshot as `<name>.png` in the artifacts folder and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/**
 * Runs axe-core on the page as it is and returns its serious and critical violations, one line each (rule, impact,
 * help, the first elements). The whole report is saved as `<name>.axe.json` beside the screenshots.
 */
export async function seriousAccessibilityViolations(page: Page, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  writeFileSync(join(ARTIFACTS_DIR, `${name}.axe.json`), JSON.stringify({ url: results.url, rulesPassed: results.passes.length, violations: results.violations }, null, 2));
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ');
      return `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.length} element(s): ${targets}`;
    });
}
