import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  launchChromium,
  newContext,
  resetArtifacts,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser';
import { assertBuilt, ingest, ROOT, startPlatform, type RunningPlatform } from './support/platform';

/** Public fiches of the shared corpus put into the national corpus; the question is about the first one. */
const DOCUMENTS = [
  'sp_F35001_conge-de-proche-aidant-dans-la-fonction-publique.md',
  'sp_F13974_teletravail-dans-le-secteur-public.md',
  'sp_F499_droit-de-greve-dans-la-fonction-publique.md',
];
const DOCUMENT_TITLE = 'Congé de proche aidant dans la fonction publique';
const QUESTION = 'Combien de temps peut durer un congé de proche aidant pour un fonctionnaire ?';

/** Ingestion, then start-up, each within half of it; Chromium's launch has its own 2 minutes. */
const SETUP_TIMEOUT_MS = 6 * 60_000;
/** The draft is searched and written on the same 2 cores as the browser. */
const DRAFT_TIMEOUT_MS = 3 * 60_000;

jest.setTimeout(4 * 60_000);

describe('portal in a browser, against the standalone platform', () => {
  let dataDir: string | undefined;
  let platform: RunningPlatform | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const screenshots: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    assertBuilt();
    resetArtifacts();
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-e2e-data-'));
    const report = await ingest(dataDir, DOCUMENTS, SETUP_TIMEOUT_MS / 2);
    expect(report).toMatchObject({ ingested: DOCUMENTS.length, failed: [] });
    platform = await startPlatform(dataDir, SETUP_TIMEOUT_MS / 2);
    browser = await launchChromium();
    context = await newContext(browser, platform.url);
    page = await watched(context);
  }, SETUP_TIMEOUT_MS + 3 * 60_000);

  afterAll(async () => {
    // Each step runs even when an earlier one failed: the platform must never outlive the suite.
    await browser?.close().catch(() => undefined);
    await platform?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (screenshots.length > 0) {
      process.stdout.write(
        `\nportal-e2e: ${screenshots.length} screenshots and accessibility reports in ${relative(process.cwd(), ARTIFACTS_DIR) || ARTIFACTS_DIR}\n` +
          screenshots.map((path) => `  ${relative(ROOT, path)}\n`).join(''),
      );
    }
  }, 60_000);

  /** A new page of `context` whose uncaught errors are recorded. */
  async function watched(target: BrowserContext): Promise<Page> {
    const created = await target.newPage();
    created.on('pageerror', (error) => pageErrors.push(`${created.url()}: ${error.message}`));
    return created;
  }

  /** Opens `path` and waits for the page's main heading. */
  async function open(target: Page, path: string, heading: string | RegExp): Promise<void> {
    await target.goto(path);
    await target.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  /** Screenshot and accessibility scan of the page as it is now; no serious or critical violation allowed. */
  async function check(target: Page, name: string): Promise<void> {
    screenshots.push(await screenshot(target, name));
    expect(await seriousAccessibilityViolations(target, name)).toEqual([]);
  }

  function pathOf(target: Page): string {
    return new URL(target.url()).pathname;
  }

  async function waitForPath(target: Page, expected: string | RegExp): Promise<void> {
    await target.waitForURL((url) => (typeof expected === 'string' ? url.pathname === expected : expected.test(url.pathname)));
  }

  async function signIn(target: Page, role: string, academie: string): Promise<void> {
    await open(target, '/connexion', 'Connexion à MILEVA');
    await target.getByLabel('Rôle').selectOption(role);
    await target.getByLabel('Académie').selectOption(academie);
    await target.getByRole('button', { name: 'Se connecter' }).click();
  }

  it('should have an accessibility scan that reports a serious violation when there is one', async () => {
    const control = await watched(context);
    try {
      await control.setContent('<!doctype html><html lang="fr"><head><title>Contrôle</title></head><body><main><h1>Contrôle</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>');
      expect(await seriousAccessibilityViolations(control, '00-controle-axe')).toEqual([expect.stringMatching(/^image-alt \(critical\)/)]);
    } finally {
      await control.close();
    }
  });

  it('should sign a gestionnaire of Lyon in through the development form', async () => {
    await open(page, '/connexion', 'Connexion à MILEVA');
    await page.getByLabel('Rôle').locator('option').first().waitFor({ state: 'attached' });
    await check(page, '01-connexion');

    await signIn(page, 'gestionnaire', 'lyon');
    await waitForPath(page, '/');
    await page.getByRole('heading', { level: 1, name: 'Poser une question' }).waitFor();
    // The header names the role and the académie of the session.
    await page.getByText('Gestionnaire RH').first().waitFor();
    await page.getByText('Académie de Lyon').first().waitFor();
    const session = await context.request.get('/api/v1/session');
    expect(session.status()).toBe(200);
    expect(await session.json()).toMatchObject({ user: { role: 'gestionnaire', academie: 'lyon' } });
  });

  it('should stream a draft with numbered citations and list the ingested document among its sources', async () => {
    const question = page.getByLabel(/Question de l’agent/);
    await question.fill(QUESTION);
    const answered = page.waitForResponse(
      (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/v1/questions',
      { timeout: DRAFT_TIMEOUT_MS },
    );
    await page.getByRole('button', { name: 'Préparer le brouillon' }).click();

    const citations = page.getByRole('link', { name: /^Source \d+ : / });
    await citations.first().waitFor({ timeout: DRAFT_TIMEOUT_MS });
    const response: Response = await answered;
    // The portal asked for the stream, and the draft came as token events before the whole draft.
    expect(response.request().headers()['accept']).toContain('text/event-stream');
    expect(response.headers()['content-type']).toContain('text/event-stream');
    const events = (await response.text()).match(/^event: \w+/gm) ?? [];
    expect(events.filter((event) => event === 'event: token').length).toBeGreaterThan(1);
    expect(events.at(-1)).toBe('event: draft');

    await page.getByRole('paragraph').filter({ hasText: QUESTION }).waitFor();
    const cited = (await citations.allTextContents()).map(Number);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect(await page.getByRole('heading', { name: 'Brouillon de réponse' }).locator('..').innerText()).toMatch(/\[\d+(, \d+)*\]/);

    // The sources panel lists every cited passage under its number, the ingested fiche among them.
    const sources = page.getByRole('complementary', { name: 'Sources du brouillon' });
    const listed = sources.getByRole('listitem').filter({ hasText: DOCUMENT_TITLE });
    await listed.first().waitFor();
    expect(await listed.first().textContent()).toContain('National');
    await listed.first().getByRole('blockquote').waitFor();
    const panelText = (await sources.textContent()) ?? '';
    for (const n of cited) expect(panelText).toContain(`[${n}]`);

    // Following a citation of that fiche moves the focus to its passage in the panel.
    const citation = page.getByRole('link', { name: new RegExp(`^Source \\d+ : ${DOCUMENT_TITLE}$`) }).first();
    const n = Number(await citation.textContent());
    await citation.click();
    await page.waitForFunction((id) => document.activeElement?.id === id, `source-${n}`);
    await page.getByText('Mention d’usage de l’IA').waitFor();

    await check(page, '02-question-brouillon');
  });

  it('should record feedback on the draft (not useful, a reason, what became of it) and confirm it', async () => {
    const form = page.getByRole('region', { name: 'Votre avis sur ce brouillon' });
    // As a person does with the DSFR's radios and checkboxes: a click on the label.
    for (const label of ['Pas utile', 'Incomplète', 'Modifiée']) {
      await form.getByText(label, { exact: true }).click();
      expect(await form.getByLabel(label, { exact: true }).isChecked()).toBe(true);
    }
    const sent = page.waitForResponse((response) => response.request().method() === 'POST' && /\/api\/v1\/messages\/[^/]+\/feedback$/.test(response.url()));
    await form.getByRole('button', { name: 'Envoyer mon avis' }).click();
    const response = await sent;
    expect(response.ok()).toBe(true);
    expect(response.request().postDataJSON()).toMatchObject({ useful: false, reasons: ['incomplete'], outcome: 'edited' });
    await form.getByText('Merci : votre avis a été enregistré').waitFor();
    await form.getByRole('button', { name: 'Modifier mon avis' }).waitFor();
    await check(page, '03-avis-enregistre');
  });

  it('should list the conversation and reopen it with its draft and sources', async () => {
    await page.getByRole('link', { name: 'Mes conversations', exact: true }).click();
    await waitForPath(page, '/conversations');
    await page.getByRole('heading', { level: 1, name: 'Mes conversations' }).waitFor();
    const entry = page.getByRole('link', { name: /congé de proche aidant/i });
    await entry.waitFor();
    expect(await entry.count()).toBe(1);
    await check(page, '04-conversations');

    await entry.click();
    await waitForPath(page, /^\/conversations\/[0-9a-f-]{36}$/);
    // The conversation is titled by its first question, which is shown again above its draft.
    await page.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
    await page.getByRole('paragraph').filter({ hasText: QUESTION }).waitFor();
    await page.getByRole('link', { name: /^Source \d+ : / }).first().waitFor();
    await page.getByRole('complementary', { name: 'Sources du brouillon' }).getByRole('listitem').filter({ hasText: DOCUMENT_TITLE }).first().waitFor();
    await page.getByLabel(/Autre question dans cette conversation/).waitFor();
    await check(page, '05-conversation-rouverte');
  });

  it.each([
    ['/a-propos', /l'aide à la réponse aux questions RH/, '06-a-propos'],
    ['/etat', 'État des services', '07-etat-des-services'],
    ['/accessibilite', "Déclaration d'accessibilité", '08-accessibilite'],
    ['/mentions-legales', 'Mentions légales', '09-mentions-legales'],
    ['/donnees-personnelles', 'Données personnelles', '10-donnees-personnelles'],
  ])('should show %s without serious accessibility violation', async (path, heading, name) => {
    await open(page, path, heading);
    // The status page is scanned once the platform's health is shown.
    if (path === '/etat') await page.getByRole('heading', { level: 2, name: 'Plateforme' }).waitFor();
    await check(page, name);
  });

  it('should sign out and then send the ask page back to the sign-in page', async () => {
    await open(page, '/', 'Poser une question');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await waitForPath(page, '/connexion');
    await page.getByText('Vous êtes déconnecté.').waitFor();
    expect((await context.request.get('/api/v1/session')).status()).toBe(401);

    await page.goto('/conversations');
    await waitForPath(page, '/connexion');
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    expect(new URL(page.url()).searchParams.get('retour')).toBe('/conversations');
  });

  it('should give the DGRH the national space and keep it away from the ask page', async () => {
    const dgrhContext = await newContext(browser as Browser, (platform as RunningPlatform).url);
    try {
      const dgrh = await watched(dgrhContext);
      await signIn(dgrh, 'dgrh', 'national');
      await dgrh.getByRole('heading', { level: 1, name: 'Espace national' }).waitFor();
      expect(pathOf(dgrh)).toBe('/');
      expect(await dgrh.getByLabel(/Question de l’agent/).count()).toBe(0);
      expect(await dgrh.getByRole('link', { name: 'Mes conversations', exact: true }).count()).toBe(0);
      await check(dgrh, '11-espace-national-dgrh');

      // The conversations and a reopened conversation (the ask page) send the DGRH back to its space.
      for (const path of ['/conversations', '/conversations/00000000-0000-4000-8000-000000000000']) {
        await dgrh.goto(path);
        await waitForPath(dgrh, '/');
        await dgrh.getByRole('heading', { level: 1, name: 'Espace national' }).waitFor();
      }
      // The server refuses the question itself, whatever the portal shows.
      const asked = await dgrhContext.request.post('/api/v1/questions', { data: { question: QUESTION } });
      expect(asked.status()).toBe(403);
    } finally {
      await dgrhContext.close();
    }
  });

  it('should have raised no uncaught error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
