import { isValidNir } from '@mileva/anonymizer';
import { corpusSubject, SERVICE_NAMES, Subjects, type SearchRequest, type SearchResponse } from '@mileva/contracts';
import { loadConfig, LocalTransport, type ObservedMessage } from '@mileva/runtime';
import { AskService, QuestionService, type AskedDraft, type PreparedQuestion } from '@mileva/service-gateway';
import { bytesSource, IngestionService } from '@mileva/service-ingestion';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom } from 'rxjs';
import { startPlatform, type RunningPlatform } from './platform';

jest.setTimeout(120_000);

/** A NIR whose key is computed as the rule says: 97 − (the 13-character number mod 97). */
function nirWithKey(body: string): string {
  const key = String(97 - (Number(body) % 97)).padStart(2, '0');
  return `${body[0]} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${key}`;
}

const NIR = nirWithKey('1780533412087');
const EMAIL = 'lucien.marsaudon@courriel-exemple.fr';
const QUESTION =
  `Mme Albane Quercy demande pour M. Lucien Marsaudon (NIR ${NIR}, ${EMAIL}), professeur des écoles, ` +
  'si le temps partiel de droit pour élever un enfant est accordé à 80 % et avant quelle date déposer la demande.';
/** The personal data of the question: none of it may cross the bus or reach a log, in any case or spacing. */
const PERSONAL_VALUES = [NIR, NIR.replace(/\s/g, ''), EMAIL, 'Albane', 'Quercy', 'Lucien', 'Marsaudon'];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Crossing {
  readonly subject: string;
  readonly payload: string;
  /** Payload and header values, as text. */
  readonly content: string;
}

function toCrossing(message: ObservedMessage): Crossing {
  const payload = decoder.decode(message.data);
  const headerValues: string[] = [];
  for (const [key, values] of message.headers ?? []) headerValues.push(`${key}: ${values.join(',')}`);
  return { subject: message.subject, payload, content: [payload, ...headerValues].join('\n') };
}

function leakedValues(text: string): string[] {
  const lower = text.toLowerCase();
  return PERSONAL_VALUES.filter((value) => lower.includes(value.toLowerCase()));
}

describe('a question with personal data, through the standalone platform', () => {
  const crossings: Crossing[] = [];
  const logLines: string[] = [];
  let dataDir: string;
  let platform: RunningPlatform;
  let prepared: PreparedQuestion;
  let asked: AskedDraft | undefined;

  beforeAll(async () => {
    expect(isValidNir(NIR)).toBe(true);
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-question-privacy-'));
    const transport = new LocalTransport();
    // Every message that crosses the bus, whatever its subject: requests, replies and events.
    transport.bus.observe((message) => crossings.push(toCrossing(message)));
    platform = await startPlatform({
      config: loadConfig({ MILEVA_DATA_DIR: dataDir, MILEVA_PORT: '0', MILEVA_HOST: '127.0.0.1', MILEVA_PORTAL_DIR: '/nonexistent', MILEVA_SEED: 'false', MILEVA_LOG_LEVEL: 'trace' }),
      services: SERVICE_NAMES,
      transport,
      logDestination: { write: (line: string) => void logLines.push(line) },
    });
    const ingestion = platform.app.get(IngestionService);
    await ingestion.runJob(
      [bytesSource('temps-partiel.md', encoder.encode('# Temps partiel de droit\n\nLe temps partiel de droit est accordé pour élever un enfant de moins de trois ans, à 50, 60, 70 ou 80 %.\n'))],
      { corpus: 'national' },
    );
    await ingestion.runJob(
      [bytesSource('note-lyon.md', encoder.encode('# Temps partiel à Lyon\n\nÀ Lyon, la demande de temps partiel est déposée avant le 31 mars auprès du service gestionnaire.\n'))],
      { corpus: 'lyon' },
    );

    prepared = await platform.app.get(QuestionService).ask({ text: QUESTION, userId: 'gestionnaire-lyon-12', academie: 'lyon', conversationId: 'conv-privacy-1' });
    // The whole path too: search, then generation over the bus.
    const last = await lastValueFrom(platform.app.get(AskService).ask({ text: QUESTION, userId: 'gestionnaire-lyon-12', academie: 'lyon', conversationId: 'conv-privacy-3' }));
    asked = last.type === 'draft' ? last.draft : undefined;
  });

  afterAll(async () => {
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('should reach retrieval with placeholders instead of the NIR, the names and the e-mail', () => {
    const searchSubjects = ['national', 'lyon'].map((corpus) => corpusSubject(Subjects.retrieval.search, corpus));
    const searches = crossings.filter((crossing) => searchSubjects.includes(crossing.subject));
    expect([...new Set(searches.map((crossing) => crossing.subject))].sort()).toEqual([...searchSubjects].sort());
    for (const search of searches) {
      // The NATS serializer's request packet: { pattern, data, id }.
      const request = JSON.parse(search.payload) as { data: SearchRequest };
      expect(request.data.query).toBe(prepared.pseudonymizedText);
      expect(request.data.query).toContain('Mme [PERSONNE_1] demande pour M. [PERSONNE_2] (NIR [NIR_1], [EMAIL_1])');
    }
    // Retrieval did run on the pseudonymized question.
    const response: SearchResponse = prepared.search;
    expect(response.hits.map((hit) => hit.sourceUri)).toEqual(expect.arrayContaining(['temps-partiel.md', 'note-lyon.md']));
  });

  it('should send generation the pseudonymized question, and draft for the asking user', () => {
    const generation = crossings.filter((crossing) => crossing.subject === Subjects.generation.draft);
    expect(generation.length).toBeGreaterThan(0);
    expect(generation[0].payload).toContain('[NIR_1]');
    expect(asked).toMatchObject({ conversationId: 'conv-privacy-3', answerable: true });
    expect(asked?.citations.length).toBeGreaterThan(0);
  });

  it('should never put the personal data on the bus, whatever the subject', () => {
    // Every subject published during the test is checked, not a list of known ones: when generation
    // and analytics events join the question path, their messages are covered by this same test.
    expect(crossings.length).toBeGreaterThan(0);
    const leaks = crossings.filter((crossing) => leakedValues(crossing.content).length > 0).map((crossing) => `${crossing.subject}: ${leakedValues(crossing.content).join(', ')}`);
    expect(leaks).toEqual([]);
  });

  it('should not send the question to the anonymization service: its mapping stays in the gateway', () => {
    expect(crossings.filter((crossing) => crossing.subject === Subjects.anonymization.pseudonymize)).toEqual([]);
  });

  it('should never write the personal data to any service’s log', () => {
    expect(logLines.some((line) => line.includes('conv-privacy-1'))).toBe(true);
    expect(logLines.filter((line) => leakedValues(line).length > 0)).toEqual([]);
  });

  it('should give the values back to the asking user only', () => {
    const questions = platform.app.get(QuestionService);
    const draft = 'M. [PERSONNE_2] ([NIR_1]) peut demander un temps partiel de droit à 80 %.';
    expect(prepared.reidentify(draft)).toBe(`M. Lucien Marsaudon (${NIR}) peut demander un temps partiel de droit à 80 %.`);
    expect(questions.reidentify('gestionnaire-lyon-12', 'conv-privacy-2', draft)).toBe(draft);
    expect(questions.reidentify('gestionnaire-poitiers-3', 'conv-privacy-1', draft)).toBe(draft);
  });
});
