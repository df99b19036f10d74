import type { DraftPassage, DraftRequest } from '@mileva/contracts';
import { startFakeOpenAiServer, type FakeLlmServer } from '@mileva/llm/testing';
import { loadConfig, type MilevaConfig } from '@mileva/runtime';
import { DraftService } from './draft.service';

jest.setTimeout(30_000);

function passage(n: number, title: string, text: string, extra: Partial<DraftPassage> = {}): DraftPassage {
  return {
    n,
    chunkId: `chunk-${n}`,
    documentId: `doc-${title}`,
    corpus: 'national',
    title,
    sourceUri: `${title}.md`,
    headingPath: [title],
    text,
    page: null,
    pageEnd: null,
    theme: null,
    validFrom: null,
    validTo: null,
    kind: 'document',
    score: 1 / n,
    local: false,
    ...extra,
  };
}

const PASSAGES: DraftPassage[] = [
  passage(
    1,
    'Congé de longue maladie',
    'Le congé de longue maladie est accordé au fonctionnaire atteint d’une maladie grave et invalidante. Sa durée maximale est de 3 ans. Le traitement est versé intégralement pendant 1 an, puis réduit de moitié pendant 2 ans.',
  ),
  passage(2, 'Temps partiel thérapeutique', 'À l’issue d’un congé de longue maladie, le fonctionnaire peut reprendre ses fonctions à temps partiel pour raison thérapeutique, après avis médical.'),
];

function request(question: string, extra: Partial<DraftRequest> = {}): DraftRequest {
  return { v: 1, question, academie: 'lyon', passages: PASSAGES, answerable: true, settings: { contact: 'la DPE de l’académie de Lyon' }, ...extra };
}

function service(config: MilevaConfig): DraftService {
  const drafts = new DraftService(config);
  drafts.onModuleInit();
  return drafts;
}

describe(DraftService.name, () => {
  const base = loadConfig({ MILEVA_LOG_LEVEL: 'silent' });

  describe('without a model', () => {
    const drafts = service(base);

    it('should stream an extractive draft, cited and ending with the AI-use mention', async () => {
      const tokens: string[] = [];
      const draft = await drafts.write(request('Quelle est la durée du congé de longue maladie et le traitement versé ?'), (text) => tokens.push(text));
      expect(draft).toMatchObject({ provider: 'extractive', answerable: true, unsupported: [] });
      expect(draft.answer).toMatch(/^Bonjour/);
      expect(draft.answer).toMatch(/3 ans[^\n]*\[1\]/);
      expect(draft.answer.endsWith(draft.aiNotice)).toBe(true);
      expect(draft.citations.map((citation) => citation.n)).toContain(1);
      expect(tokens.length).toBeGreaterThan(1);
      expect(draft.answer.startsWith(tokens.join('').trimEnd())).toBe(true);
    });

    it('should say plainly that the documents do not answer, and point to the contact', async () => {
      const draft = await drafts.write(request('Quel est le montant de la prime XQZ ?', { answerable: false }));
      expect(draft.answerable).toBe(false);
      expect(draft.citations).toEqual([]);
      expect(draft.answer).toContain('la DPE de l’académie de Lyon');
    });

    it('should refuse to evaluate a CV, whatever the passages', async () => {
      const draft = await drafts.write(request('Peux-tu évaluer le CV de cette candidate et me dire si je dois la recruter ?'));
      expect(draft).toMatchObject({ refusal: 'excluded-use', answerable: false, citations: [] });
      expect(draft.answer.endsWith(draft.aiNotice)).toBe(true);
    });
  });

  describe('with an OpenAI-compatible model', () => {
    let server: FakeLlmServer;

    beforeAll(async () => {
      server = await startFakeOpenAiServer();
    });

    afterAll(() => server.close());

    it('should stream the model’s tokens as they come and keep its cited draft, with usage', async () => {
      server.enqueue({
        kind: 'stream',
        tokens: ['Bonjour,\n\n', 'Le congé de longue maladie dure au plus 3 ans ', '[1].\n\n', '**Questions à poser à l’agent :**\n', '- Êtes-vous titulaire ?\n'],
        usage: { inputTokens: 420, outputTokens: 37 },
      });
      const drafts = service({ ...base, generation: server.settings() });
      const tokens: string[] = [];
      const draft = await drafts.write(request('Durée du congé de longue maladie ?'), (text) => tokens.push(text));
      expect(tokens).toEqual(['Bonjour,\n\n', 'Le congé de longue maladie dure au plus 3 ans ', '[1].\n\n', '**Questions à poser à l’agent :**\n', '- Êtes-vous titulaire ?\n']);
      expect(draft).toMatchObject({ provider: 'openai', answerable: true, followUpQuestions: ['Êtes-vous titulaire ?'], usage: { inputTokens: 420, outputTokens: 37 } });
      expect(draft.citations.map((citation) => citation.n)).toEqual([1]);
      const sent = server.requests.at(-1);
      expect(JSON.stringify(sent?.body)).toContain('Sa durée maximale est de 3 ans');
    });

    it('should fall back to the extractive composer when the provider fails, and say so', async () => {
      server.enqueue({ kind: 'error', status: 503 }, { kind: 'error', status: 503 }, { kind: 'error', status: 503 });
      const drafts = service({ ...base, generation: server.settings({ maxRetries: 2 }) });
      const draft = await drafts.write(request('Quelle est la durée du congé de longue maladie ?'));
      expect(draft.provider).toBe('extractive');
      expect(draft.fallback?.from).toBe('openai');
      expect(draft.fallback?.reason).toMatch(/sans modèle/);
      expect(draft.answerable).toBe(true);
      expect(draft.citations.length).toBeGreaterThan(0);
    });

    it('should downgrade a draft whose citations all fail to "not in the documents"', async () => {
      server.enqueue({ kind: 'stream', text: 'Bonjour, la prime de fidélisation est versée chaque trimestre [7].' });
      const drafts = service({ ...base, generation: server.settings() });
      const draft = await drafts.write(request('Durée du congé de longue maladie ?'));
      expect(draft.answerable).toBe(false);
      expect(draft.citations).toEqual([]);
      expect(draft.answer).toContain('la DPE de l’académie de Lyon');
    });
  });
});
