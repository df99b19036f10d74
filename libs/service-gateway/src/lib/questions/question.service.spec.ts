import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { isValidNir } from '@mileva/anonymizer';
import { corpusOfSubject, Subjects, type SearchRequest, type SearchResponse } from '@mileva/contracts';
import { createRootLogger, loadConfig, LocalTransport, PinoNestLogger, RuntimeModule, ServiceError } from '@mileva/runtime';
import { GatewayModule } from '../gateway.module';
import { QuestionService } from './question.service';

/** A NIR with its key computed as the rule says: 97 − (the 13-character number mod 97). */
function nirWithKey(body: string): string {
  const key = String(97 - (Number(body) % 97)).padStart(2, '0');
  return `${body[0]} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${key}`;
}

const NIR = nirWithKey('2920869123158');
const EMAIL = 'garance.ferrandon@courriel-exemple.fr';
const QUESTION =
  `Bonjour, je gère le dossier de Mme Garance Ferrandon (${NIR}, ${EMAIL}), professeure certifiée : ` +
  'peut-elle obtenir un temps partiel de droit ? M. Aristide Brocard, son chef d’établissement, demande la date limite.';
/** Every value of the question that is personal data, as typed and in the forms it could be rewritten to. */
const PERSONAL_VALUES = [NIR, NIR.replace(/\s/g, ''), EMAIL, 'Garance', 'Ferrandon', 'Aristide', 'Brocard'];

/** What the stand-in corpus services received, by corpus. */
const received: { corpus: string; query: string }[] = [];
/** Corpora whose stand-in fails. */
const failing = new Set<string>();

/** Stands for the corpus services of national, lyon and poitiers. */
@Controller()
class StandInRetrievalController {
  @MessagePattern(Subjects.retrieval.search)
  search(@Payload() request: SearchRequest, @Ctx() context: NatsContext): SearchResponse {
    const corpus = corpusOfSubject(context.getSubject()) ?? '';
    received.push({ corpus, query: request.query });
    if (failing.has(corpus)) throw new ServiceError('UNAVAILABLE', `Corpus ${corpus} en maintenance`);
    return {
      v: 1,
      hits: [
        {
          chunkId: `${corpus}-1`,
          documentId: `${corpus}-doc`,
          corpus,
          title: 'Temps partiel de droit',
          sourceUri: 'temps-partiel.md',
          headingPath: [],
          text: 'Le temps partiel de droit est accordé pour élever un enfant de moins de trois ans.',
          page: null,
          pageEnd: null,
          theme: null,
          validFrom: null,
          validTo: null,
          kind: 'document',
          score: 1,
          local: corpus !== 'national',
        },
      ],
      answerable: true,
      confidence: 0.7,
      analysis: { expansions: [request.query], corrections: [], themes: [], statuts: [] },
      corpora: [corpus],
      degraded: [],
      ms: 1,
    };
  }
}

@Module({ imports: [GatewayModule], controllers: [StandInRetrievalController] })
class QuestionTestModule {}

describe(QuestionService.name, () => {
  const logLines: string[] = [];
  let app: INestMicroservice;
  let questions: QuestionService;

  beforeAll(async () => {
    // Every level, into memory: what the gateway process would write to its log stream.
    const config = loadConfig({ MILEVA_LOG_LEVEL: 'trace', MILEVA_INSTANCE_ID: 'gateway-under-test' });
    const logger = new PinoNestLogger(createRootLogger(config, { write: (line: string) => void logLines.push(line) }));
    const transport = new LocalTransport();
    @Module({ imports: [RuntimeModule.forRoot({ config, transport, clientName: 'gateway' }), QuestionTestModule] })
    class HostModule {}
    app = await NestFactory.createMicroservice(HostModule, { strategy: transport.createServer('gateway', '*'), logger });
    await app.listen();
    questions = app.get(QuestionService);
  });
  afterAll(() => app?.close());
  beforeEach(() => {
    received.splice(0);
    failing.clear();
  });

  it('should have a valid NIR in its test question', () => {
    expect(isValidNir(NIR)).toBe(true);
  });

  describe('ask', () => {
    it('should search with the pseudonymized question only, on the national corpus and the user’s académie', async () => {
      const prepared = await questions.ask({ text: QUESTION, userId: 'agent-lyon-7', academie: 'lyon', conversationId: 'conv-a1' });
      expect(prepared.pseudonymizedText).toContain('Mme [PERSONNE_1] ([NIR_1], [EMAIL_1])');
      expect(prepared.pseudonymizedText).toContain('M. [PERSONNE_2]');
      expect(prepared.masked).toEqual({ PERSON: 2, NIR: 1, EMAIL: 1 });
      expect(received.map((request) => request.corpus).sort()).toEqual(['lyon', 'national']);
      for (const request of received) {
        expect(request.query).toBe(prepared.pseudonymizedText);
      }
      expect(prepared.search.hits.map((hit) => hit.corpus).sort()).toEqual(['lyon', 'national']);
    });

    it('should refuse an empty or oversized question, or a conversation id that is not an identifier', async () => {
      await expect(questions.ask({ text: '  ', userId: 'agent-lyon-7', conversationId: 'conv-a1' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(questions.ask({ text: 'x'.repeat(4_001), userId: 'agent-lyon-7', conversationId: 'conv-a1' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(questions.ask({ text: 'CLM durée', userId: 'agent-lyon-7', conversationId: 'Mme Ferrandon' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        details: [expect.stringContaining('identifiant de conversation')],
      });
      await expect(questions.ask({ text: 'CLM durée', userId: '', conversationId: 'conv-a1' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect(received).toEqual([]);
    });
  });

  describe('logs', () => {
    it('should never contain the un-pseudonymized question, whether the search succeeds, degrades or fails', async () => {
      logLines.splice(0);
      await questions.ask({ text: QUESTION, userId: 'agent-lyon-7', academie: 'lyon', conversationId: 'conv-log-1' });
      failing.add('poitiers');
      const degraded = await questions.ask({ text: QUESTION, userId: 'agent-poitiers-2', academie: 'poitiers', conversationId: 'conv-log-2' });
      expect(degraded.search.degraded).toEqual([{ corpus: 'poitiers', reason: 'Corpus poitiers en maintenance' }]);
      failing.add('national');
      await expect(questions.ask({ text: QUESTION, userId: 'agent-poitiers-2', academie: 'poitiers', conversationId: 'conv-log-2' })).rejects.toMatchObject({
        code: 'UNAVAILABLE',
      });
      await expect(questions.ask({ text: `${QUESTION} ${'x'.repeat(4_000)}`, userId: 'agent-lyon-7', conversationId: 'conv-log-3' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });

      // The pipeline did log about these questions (so the capture works), by conversation and counts…
      const questionLines = logLines.filter((line) => line.includes('"context":"QuestionService"'));
      expect(questionLines.some((line) => line.includes('conv-log-1') && line.includes('NIR 1') && line.includes('EMAIL 1') && line.includes('PERSON 2'))).toBe(true);
      expect(questionLines.some((line) => line.includes('conv-log-2') && line.includes('failed (UNAVAILABLE)'))).toBe(true);
      expect(logLines.some((line) => line.includes('"context":"CorpusSearchService"') && line.includes('poitiers'))).toBe(true);
      // …and no line, from any class, carries a value of the question.
      for (const line of logLines) {
        for (const value of PERSONAL_VALUES) {
          expect(line).not.toContain(value);
        }
      }
    });
  });

  describe('reidentify', () => {
    it('should re-fill a draft with the asker’s values in the same conversation, across its messages', async () => {
      const first = await questions.ask({ text: QUESTION, userId: 'agent-lyon-7', academie: 'lyon', conversationId: 'conv-r1' });
      const draft = 'Madame, [PERSONNE_1] ([NIR_1]) peut obtenir un temps partiel de droit ; [PERSONNE_2] en sera informé à [EMAIL_1].';
      const expected = `Madame, Garance Ferrandon (${NIR}) peut obtenir un temps partiel de droit ; Aristide Brocard en sera informé à ${EMAIL}.`;
      expect(first.reidentify(draft)).toBe(expected);
      expect(questions.reidentify('agent-lyon-7', 'conv-r1', draft)).toBe(expected);

      // A later message: the same value keeps its placeholder, a name seen earlier is masked again.
      const followUp = await questions.ask({ text: `Et si Ferrandon passe à 80 % ? Son NIR reste ${NIR}.`, userId: 'agent-lyon-7', academie: 'lyon', conversationId: 'conv-r1' });
      expect(followUp.pseudonymizedText).toMatch(/^Et si \[PERSONNE_\d\] passe à 80 % \? Son NIR reste \[NIR_1\]\.$/);
      expect(followUp.reidentify(followUp.pseudonymizedText)).toBe(`Et si Ferrandon passe à 80 % ? Son NIR reste ${NIR}.`);
      expect(first.reidentify(draft)).toBe(expected);
    });

    it('should not re-fill with the values of another conversation, nor for another user', async () => {
      await questions.ask({ text: QUESTION, userId: 'agent-lyon-7', academie: 'lyon', conversationId: 'conv-r2' });
      const other = await questions.ask({ text: 'Mme Ombeline Castagnac demande un congé de longue maladie.', userId: 'agent-lyon-7', conversationId: 'conv-r3' });
      const draft = 'Réponse pour [PERSONNE_1], NIR [NIR_1], courriel [EMAIL_1].';

      expect(other.reidentify(draft)).toBe('Réponse pour Ombeline Castagnac, NIR [NIR_1], courriel [EMAIL_1].');
      expect(questions.reidentify('agent-lyon-7', 'conv-r3', draft)).toBe('Réponse pour Ombeline Castagnac, NIR [NIR_1], courriel [EMAIL_1].');
      expect(questions.reidentify('agent-lyon-7', 'conv-unknown', draft)).toBe(draft);
      // Same conversation id, another user: nothing of the first user's conversation.
      expect(questions.reidentify('agent-poitiers-2', 'conv-r2', draft)).toBe(draft);
    });

    it('should re-fill nothing once the conversation is forgotten', async () => {
      const prepared = await questions.ask({ text: QUESTION, userId: 'agent-lyon-7', conversationId: 'conv-r4' });
      questions.forget('agent-lyon-7', 'conv-r4');
      expect(questions.reidentify('agent-lyon-7', 'conv-r4', '[PERSONNE_1]')).toBe('[PERSONNE_1]');
      // The answer being written for this very request still gets its values.
      expect(prepared.reidentify('[PERSONNE_1]')).toBe('Garance Ferrandon');
    });
  });
});
