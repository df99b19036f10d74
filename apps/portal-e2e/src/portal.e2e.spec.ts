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
import { assertBuilt, CORPUS_DOCS, ingest, ROOT, startPlatform, type RunningPlatform } from './support/platform';

/** Public fiches of the shared corpus put into the national corpus; the question is about the first one. */
const DOCUMENTS = [
  'sp_F35001_conge-de-proche-aidant-dans-la-fonction-publique.md',
  'sp_F13974_teletravail-dans-le-secteur-public.md',
  'sp_F499_droit-de-greve-dans-la-fonction-publique.md',
];
const DOCUMENT_TITLE = 'Congé de proche aidant dans la fonction publique';
const QUESTION = 'Combien de temps peut durer un congé de proche aidant pour un fonctionnaire ?';

/** A fiche of the shared corpus none of the above: an expert of Lyon uploads it into the académie's corpus. */
const UPLOADED = 'sp_F589_astreintes-dans-la-fonction-publique.md';
const UPLOADED_TITLE = 'Astreintes dans la fonction publique';
/** Not the theme MILEVA would infer from its content (temps de travail): the list shows the one the form sent. */
const UPLOADED_THEME = { code: 'remuneration', label: 'Rémunération' };
/** Written from the uploaded fiche's title. */
const LOCAL_QUESTION = 'Comment une astreinte est-elle compensée pour un agent de la fonction publique ?';

/** Ingestion, then start-up, each within half of it; Chromium's launch has its own 2 minutes. */
const SETUP_TIMEOUT_MS = 6 * 60_000;
/** The draft is searched and written on the same 2 cores as the browser. */
const DRAFT_TIMEOUT_MS = 3 * 60_000;
/** An uploaded fiche is read, cut, embedded and stored by the platform while the browser polls its job. */
const UPLOAD_TIMEOUT_MS = 3 * 60_000;

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

  describe('corpus administration', () => {
    let expertContext: BrowserContext | undefined;
    let expert: Page;

    afterAll(async () => {
      await expertContext?.close().catch(() => undefined);
    });

    /** A new browser session of `role` in `academie`, signed in through /connexion and landed on `/`. */
    async function sessionOf(role: string, academie: string, landing: string | RegExp): Promise<{ context: BrowserContext; page: Page }> {
      const created = await newContext(browser as Browser, (platform as RunningPlatform).url);
      const signedIn = await watched(created);
      await signIn(signedIn, role, academie);
      await waitForPath(signedIn, '/');
      await signedIn.getByRole('heading', { level: 1, name: landing }).waitFor();
      return { context: created, page: signedIn };
    }

    /**
     * Records, from now on, every value and label the page's progress bars show: the steps of a small upload
     * last well under a second, and a recorder sees each one that a wait on the element might miss.
     */
    async function recordProgress(target: Page): Promise<() => Promise<{ value: number; label: string }[]>> {
      await target.evaluate(() => {
        const seen: { value: number; label: string }[] = [];
        (window as unknown as { mlvProgressSeen: typeof seen }).mlvProgressSeen = seen;
        const note = () => {
          for (const bar of Array.from(document.querySelectorAll('progress'))) {
            const label = document.getElementById(bar.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? '';
            const last = seen.at(-1);
            if (!last || last.value !== bar.value || last.label !== label) seen.push({ value: bar.value, label });
          }
        };
        new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      return () => target.evaluate(() => (window as unknown as { mlvProgressSeen: { value: number; label: string }[] }).mlvProgressSeen);
    }

    it('should let an expert of Lyon upload a fiche into the académie’s corpus and follow it to the documents list', async () => {
      expect(DOCUMENTS).not.toContain(UPLOADED);
      const session = await sessionOf('expert', 'lyon', 'Poser une question');
      expertContext = session.context;
      expert = session.page;

      await expert.getByRole('link', { name: 'Corpus', exact: true }).click();
      await waitForPath(expert, '/corpus');
      await expert.getByRole('heading', { level: 1, name: 'Documents du corpus' }).waitFor();
      await expert.getByText('Corpus géré : Académie de Lyon').waitFor();
      // Lyon's corpus is empty: the national fiches ingested before the start are not listed here.
      await expert.getByText('Ce corpus ne contient encore aucun document.').waitFor();
      await check(expert, '12-corpus-documents');

      const form = expert.getByRole('form', { name: 'Ajouter des documents' });
      await form.getByLabel('Fichiers').setInputFiles(join(CORPUS_DOCS, UPLOADED));
      await form.getByLabel('Thème').selectOption(UPLOADED_THEME.code);
      const progress = await recordProgress(expert);
      // Over loopback the last bytes and the gateway's answer may come in the same frame, and the page would never
      // show « 100 % » sent: a slow uplink (Chromium's network emulation) leaves seconds between the two.
      const network = await expertContext.newCDPSession(expert);
      await network.send('Network.enable');
      await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 8 * 1024 });
      const accepted = expert.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/v1/corpus/documents');
      await form.getByRole('button', { name: 'Envoyer' }).click();

      expect((await accepted).status()).toBe(202);
      await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await network.detach();

      // Each file's outcome once the job is over, and the list reloaded with the new document.
      const outcome = expert.getByRole('listitem').filter({ hasText: UPLOADED });
      await outcome.waitFor({ timeout: UPLOAD_TIMEOUT_MS });
      const outcomeText = (await outcome.innerText()).trim();
      const match = new RegExp(`^${UPLOADED.replace(/\./g, '\\.')} — ajouté, version 1, (\\d+) passages?$`).exec(outcomeText);
      expect(match).not.toBeNull();
      const chunks = Number(match?.[1]);
      expect(chunks).toBeGreaterThan(0);
      await expert.getByText('1 fichier traité : 1 ajouté.', { exact: true }).waitFor();

      // The bar showed the bytes sent, then the file handled, and stays full beside the outcome.
      const bar = expert.getByRole('progressbar', { name: 'Traitement terminé : 1 sur 1 (100 %)' });
      await bar.waitFor();
      expect(await bar.getAttribute('value')).toBe('100');
      // In order: bytes sent up to all of them, files handled, then done.
      const labels = (await progress()).map((step) => step.label);
      const allSent = labels.indexOf('Envoi des fichiers : 100 %');
      expect(allSent).toBeGreaterThanOrEqual(0);
      expect(labels.slice(0, allSent).every((label) => /^Envoi des fichiers : \d+ %$/.test(label))).toBe(true);
      expect(labels.slice(allSent + 1, -1).every((label) => /^Traitement des fichiers : [01] sur 1 \(\d+ %\)$/.test(label))).toBe(true);
      expect(labels.at(-1)).toBe('Traitement terminé : 1 sur 1 (100 %)');

      const row = expert.getByRole('row').filter({ hasText: UPLOADED_TITLE });
      await row.waitFor();
      // Text as written (the DSFR badge shows it in capitals).
      const cells = (await row.getByRole('cell').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
      expect(cells[0]).toContain(UPLOADED_TITLE);
      expect(cells.slice(1, 6)).toEqual(['En vigueur', '1', 'Sans limite', String(chunks), UPLOADED_THEME.label]);
      await check(expert, '13-corpus-document-ajoute');
    }, UPLOAD_TIMEOUT_MS + 60_000);

    it.each([
      ['/corpus/reponses', 'Base de réponses', (target: Page) => target.getByText('Aucune réponse à relire.'), '14-corpus-reponses'],
      ['/corpus/parametres', 'Consignes et contact', (target: Page) => target.getByRole('button', { name: 'Enregistrer une nouvelle version' }), '15-corpus-parametres'],
    ])('should show the expert %s without serious accessibility violation', async (path, heading, loaded, name) => {
      await expert.getByRole('navigation', { name: 'Gestion du corpus' }).getByRole('link', { name: heading }).click();
      await waitForPath(expert, path);
      await expert.getByRole('heading', { level: 1, name: heading }).waitFor();
      // Scanned once the page shows what it loads from the API.
      await loaded(expert).waitFor();
      await check(expert, name);
    });

    it('should cite the uploaded fiche to a gestionnaire of Lyon as the académie’s own rule', async () => {
      const { context: lyonContext, page: gestionnaire } = await sessionOf('gestionnaire', 'lyon', 'Poser une question');
      try {
        await gestionnaire.getByLabel(/Question de l’agent/).fill(LOCAL_QUESTION);
        await gestionnaire.getByRole('button', { name: 'Préparer le brouillon' }).click();
        await gestionnaire.getByRole('link', { name: /^Source \d+ : / }).first().waitFor({ timeout: DRAFT_TIMEOUT_MS });

        const sources = gestionnaire.getByRole('complementary', { name: 'Sources du brouillon' });
        const listed = sources.getByRole('listitem').filter({ hasText: UPLOADED_TITLE });
        await listed.first().waitFor();
        await listed.first().getByText('Académie', { exact: true }).waitFor();
        expect(await listed.first().getByText('National', { exact: true }).count()).toBe(0);
        await gestionnaire.getByRole('link', { name: new RegExp(`^Source \\d+ : ${UPLOADED_TITLE}$`) }).first().waitFor();
        await check(gestionnaire, '16-question-source-academie');
      } finally {
        await lyonContext.close();
      }
    });

    it('should refuse the corpus pages to a gestionnaire, in French, and on the server', async () => {
      const { context: lyonContext, page: gestionnaire } = await sessionOf('gestionnaire', 'lyon', 'Poser une question');
      try {
        expect(await gestionnaire.getByRole('link', { name: 'Corpus', exact: true }).count()).toBe(0);
        await open(gestionnaire, '/corpus', 'Accès réservé');
        await gestionnaire.getByRole('heading', { name: 'La gestion du corpus est réservée aux experts et aux administrateurs' }).waitFor();
        await gestionnaire.getByText(/Adressez-vous à l’expert MILEVA de votre académie/).waitFor();
        expect(await gestionnaire.getByRole('form', { name: 'Ajouter des documents' }).count()).toBe(0);
        await check(gestionnaire, '17-corpus-acces-reserve');

        const listed = await lyonContext.request.get('/api/v1/corpus/documents');
        expect(listed.status()).toBe(403);
      } finally {
        await lyonContext.close();
      }
    });

    it('should not show Lyon’s document to an expert of Poitiers', async () => {
      const { context: poitiersContext, page: poitiers } = await sessionOf('expert', 'poitiers', 'Poser une question');
      try {
        await open(poitiers, '/corpus', 'Documents du corpus');
        await poitiers.getByText('Corpus géré : Académie de Poitiers').waitFor();
        await poitiers.getByText('Ce corpus ne contient encore aucun document.').waitFor();
        expect(await poitiers.getByText(UPLOADED_TITLE).count()).toBe(0);

        // Nor can the expert ask the server for Lyon's corpus.
        const lyon = await poitiersContext.request.get('/api/v1/corpus/documents?corpus=lyon');
        expect(lyon.status()).toBe(403);
        const own = await poitiersContext.request.get('/api/v1/corpus/documents');
        expect(own.status()).toBe(200);
        expect(await own.json()).toMatchObject({ documents: [] });
      } finally {
        await poitiersContext.close();
      }
    });
  });

  it('should have raised no uncaught error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
