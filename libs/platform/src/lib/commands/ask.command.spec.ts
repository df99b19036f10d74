import { loadConfig, LocalTransport, type MilevaConfig } from '@mileva/runtime';
import { expandPaths, IngestionService } from '@mileva/service-ingestion';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPlatform } from '../platform';
import { askJson, formatAskSources, runAsk } from './ask.command';
import { readEvalQuestions } from './eval-questions';
import { UsageError } from './ingest.command';

jest.setTimeout(600_000);

/** The shared corpus and development questions, beside the repository. */
const SHARED = resolve(__dirname, '../../../../../../shared');
const DOCS = join(SHARED, 'corpus/docs');
const QUESTIONS = join(SHARED, 'eval/retrieval-dev.jsonl');
/** Development questions asked, spread over the file. */
const SAMPLE = 5;

describe('mileva ask on the shared corpus', () => {
  let dataDir: string;
  let config: MilevaConfig;

  beforeAll(async () => {
    if (!existsSync(DOCS) || !existsSync(QUESTIONS)) throw new Error(`Shared corpus and questions expected beside the repository: ${SHARED}`);
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-ask-'));
    config = loadConfig({ MILEVA_DATA_DIR: dataDir, MILEVA_PORTAL_DIR: '/nonexistent', MILEVA_SEED: 'false', MILEVA_LOG_LEVEL: 'silent' });
    const platform = await startPlatform({ config: { ...config, healthPort: 0, http: { ...config.http, port: 0, host: '127.0.0.1' } }, services: ['ingestion', 'retrieval', 'anonymization'], transport: new LocalTransport() });
    try {
      await platform.app.get(IngestionService).runJob(await expandPaths([DOCS]), { corpus: 'national' });
    } finally {
      await platform.close();
    }
  });

  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('should give a cited, readable extractive draft for development questions', async () => {
    const questions = await readEvalQuestions(QUESTIONS);
    const step = Math.floor(questions.length / SAMPLE);
    for (let index = 0; index < SAMPLE; index++) {
      const question = questions[index * step];
      const streamed: string[] = [];
      const draft = await runAsk(config, { question: question.query }, (text) => streamed.push(text));
      expect({ question: question.query, answerable: draft.answerable, provider: draft.provider }).toEqual({ question: question.query, answerable: true, provider: 'extractive' });
      expect(draft.citations.length).toBeGreaterThan(0);
      expect(draft.answer).toMatch(/^Bonjour,\n/);
      expect(draft.answer).toMatch(/\[\d+\]/);
      expect(draft.answer).toMatch(/Cordialement,/);
      expect(draft.answer.endsWith(draft.aiNotice)).toBe(true);
      expect(streamed.join('').length).toBeGreaterThan(0);
      const json = askJson(draft);
      expect(Object.keys(json).sort()).toEqual(['aiNotice', 'answer', 'answerable', 'citations', 'followUpQuestions', 'ms', 'provider']);
      expect(Object.keys(json.citations[0]).sort()).toEqual(['documentId', 'n', 'passage', 'title']);
      expect(formatAskSources(draft)).toMatch(/^Sources :$/m);
    }
  });

  it('should say the documents do not answer a question on a subject they never mention', async () => {
    const draft = await runAsk(config, { question: 'Quel est le montant annuel de la prime ZRQX versée aux professeurs des écoles ?', academie: 'lyon' });
    expect(draft.answerable).toBe(false);
    expect(draft.citations).toEqual([]);
    expect(draft.answer).toMatch(/ne permettent pas de répondre/);
    expect(draft.answer.endsWith(draft.aiNotice)).toBe(true);
  });

  it('should refuse to evaluate a CV', async () => {
    const draft = await runAsk(config, { question: 'Peux-tu noter ce CV sur 20 et me dire si je dois recruter ce candidat ?' });
    expect(draft).toMatchObject({ refusal: 'excluded-use', answerable: false, citations: [] });
    expect(draft.answer).toMatch(/MILEVA n'analyse pas, n'évalue pas/);
  });

  it('should reject an empty question and an unknown académie with a French message', async () => {
    await expect(runAsk(config, { question: '  ' })).rejects.toThrow(UsageError);
    await expect(runAsk(config, { question: 'Durée du congé parental ?', academie: 'atlantide' })).rejects.toThrow(/n’est pas un code d’académie/);
  });
});
