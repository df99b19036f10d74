import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  anonymizationEvalJson,
  anonymizationEvalOptionsFromFlags,
  checkAnonymizationTargets,
  formatAnonymizationEval,
  readAnonymizationRecords,
  runAnonymizationEval,
  type AnonymizationEvalResult,
} from './eval-anonymization.command';
import { UsageError } from './ingest.command';

/** A small set written for these tests: found entities, a missed one, a leak and an altered text. */
function record(id: string, text: string, entities: [string, string][] = []): string {
  return JSON.stringify({
    id,
    text,
    entities: entities.map(([type, value]) => ({ start: text.indexOf(value), end: text.indexOf(value) + value.length, type, value })),
    kind: 'question',
  });
}

const SET = [
  record('q1', 'Bonjour, je suis Gwendal KERBRAT, tél. 06 11 22 33 44.', [
    ['PERSON', 'Gwendal KERBRAT'],
    ['PHONE', '06 11 22 33 44'],
  ]),
  record('q2', 'Mon code 7 7 7 est secret, voir ozanne.plouhinec@exemple.fr', [
    ['MATRICULE', '7 7 7'],
    ['EMAIL', 'ozanne.plouhinec@exemple.fr'],
  ]),
  record('q3', 'Le numéro interne 4455 est noté.', [['PHONE', '4455']]),
  record('q4', 'Le CLM est accordé par le Rectorat.'),
  record('q5', 'Cordialement,\nLes services du Rectorat'),
].join('\n');

describe('runAnonymizationEval', () => {
  let folder: string;
  let data: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'mileva-eval-anonymization-'));
    data = join(folder, 'set.jsonl');
    writeFileSync(data, `\uFEFF${SET}\n\n`);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('should score every type, count leaks and texts without personal data, and time the texts', async () => {
    const result = await runAnonymizationEval({ data });
    expect(result.n).toBe(5);
    expect(result.perType['PERSON']).toMatchObject({ precision: 1, recall: 1, support: 1 });
    expect(result.perType['EMAIL']).toMatchObject({ precision: 1, recall: 1, support: 1 });
    expect(result.perType['MATRICULE']).toMatchObject({ recall: 0, support: 1, predicted: 0 });
    expect(result.perType['PHONE']).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(result.leaks).toBe(1);
    expect(result.leakedIds).toEqual(['q3']);
    expect(result.noPii).toEqual({ n: 2, altered: 0 });
    expect(result.msPerText).toBeGreaterThan(0);
    expect(result.msPerKchar).toBeGreaterThan(0);
  });

  it('should print exactly the JSON object of the command', async () => {
    const json = anonymizationEvalJson(await runAnonymizationEval({ data }));
    expect(Object.keys(json)).toEqual(['per_type', 'leaks', 'no_pii', 'ms_per_text']);
    expect(Object.keys(json.per_type['PHONE'])).toEqual(['precision', 'recall', 'f2', 'support']);
    expect(json.no_pii).toEqual({ n: 2, altered: 0 });
  });

  it('should refuse a missing file, bad JSON, and spans that do not match the text, naming the line', async () => {
    await expect(runAnonymizationEval({ data: join(folder, 'absent.jsonl') })).rejects.toThrow(/introuvable/);
    const bad = join(folder, 'bad.jsonl');
    writeFileSync(bad, `${record('a', 'Bonjour')}\n{"text": 3}\n`);
    await expect(readAnonymizationRecords(bad)).rejects.toThrow(new UsageError(`${bad}, ligne 2 : le champ « text » doit être un texte.`));
    writeFileSync(bad, JSON.stringify({ id: 'x', text: 'Bonjour Yvonig', entities: [{ start: 8, end: 14, type: 'PERSON', value: 'Gwendal' }] }));
    await expect(readAnonymizationRecords(bad)).rejects.toThrow(/ligne 1, entité 1 : la valeur « Gwendal » ne correspond pas au texte/);
    writeFileSync(bad, JSON.stringify({ id: 'x', text: 'court', entities: [{ start: 2, end: 40, type: 'PERSON' }] }));
    await expect(readAnonymizationRecords(bad)).rejects.toThrow(/positions entières du texte/);
  });
});

describe('anonymizationEvalOptionsFromFlags', () => {
  it('should read repeatable TYPES=x targets and the limits, with a French decimal comma', () => {
    const options = anonymizationEvalOptionsFromFlags({
      data: 'set.jsonl',
      minRecall: ['NIR,numen=0.99', 'PERSON=0,95'],
      minPrecision: ['PERSON=0.9'],
      maxLeaks: '0',
      maxAlteredRate: '0,02',
      maxMsPerKchar: '2',
    });
    expect(options).toEqual({
      data: 'set.jsonl',
      minRecall: { NIR: 0.99, NUMEN: 0.99, PERSON: 0.95 },
      minPrecision: { PERSON: 0.9 },
      maxLeaks: 0,
      maxAlteredRate: 0.02,
      maxMsPerKchar: 2,
    });
  });

  it('should name the flag of a bad value', () => {
    expect(() => anonymizationEvalOptionsFromFlags({})).toThrow(/--data/);
    expect(() => anonymizationEvalOptionsFromFlags({ data: 'x', minRecall: ['VOITURE=0.5'] })).toThrow(/--min-recall : type « VOITURE » inconnu/);
    expect(() => anonymizationEvalOptionsFromFlags({ data: 'x', minPrecision: ['PERSON'] })).toThrow(/--min-precision : TYPES=x attendu/);
    expect(() => anonymizationEvalOptionsFromFlags({ data: 'x', minRecall: ['PERSON=2'] })).toThrow(/seuil de 0 à 1/);
    expect(() => anonymizationEvalOptionsFromFlags({ data: 'x', maxLeaks: '-1' })).toThrow(/--max-leaks/);
    expect(() => anonymizationEvalOptionsFromFlags({ data: 'x', maxAlteredRate: '5' })).toThrow(/--max-altered-rate/);
  });
});

const RESULT: AnonymizationEvalResult = {
  n: 10,
  perType: {
    PERSON: { precision: 0.85, recall: 0.97, f2: 0.943, support: 30, predicted: 34 },
    PHONE: { precision: 1, recall: 0.9, f2: 0.918, support: 10, predicted: 9 },
  },
  leaks: 1,
  leakedIds: ['t7'],
  noPii: { n: 4, altered: 1 },
  alteredIds: ['t2'],
  msPerText: 0.4,
  msPerKchar: 2.5,
  meanChars: 160,
};

describe('checkAnonymizationTargets', () => {
  it('should return nothing when no target is set or every target is met', () => {
    expect(checkAnonymizationTargets(RESULT, { data: 'x' })).toEqual([]);
    expect(checkAnonymizationTargets(RESULT, { data: 'x', minRecall: { PERSON: 0.95 }, minPrecision: { PHONE: 0.98 }, maxLeaks: 1, maxAlteredRate: 0.25, maxMsPerKchar: 3 })).toEqual([]);
  });

  it('should return a French message for each target missed, and for a type absent from the set', () => {
    expect(
      checkAnonymizationTargets(RESULT, { data: 'x', minRecall: { PHONE: 0.99, NIR: 0.99 }, minPrecision: { PERSON: 0.9 }, maxLeaks: 0, maxAlteredRate: 0.02, maxMsPerKchar: 2 }),
    ).toEqual([
      'rappel téléphone (PHONE) : 0.900, sous le minimum demandé (0.990).',
      'rappel NIR : aucune entité de ce type dans le jeu d’évaluation, objectif non vérifiable.',
      'précision personne (PERSON) : 0.850, sous le minimum demandé (0.900).',
      'fuites : 1 texte(s) (t7), au-dessus du maximum autorisé (0).',
      'textes sans donnée personnelle modifiés : 1 sur 4, au-dessus du maximum autorisé (2,0 %).',
      'temps : 2,500 ms pour 1 000 caractères, au-dessus du maximum autorisé (2,000 ms).',
    ]);
  });
});

describe('formatAnonymizationEval', () => {
  it('should print a French table per type with leaks, altered texts and time', () => {
    const table = formatAnonymizationEval(RESULT);
    expect(table).toContain('Évaluation de l’anonymisation : 10 texte(s), 160 caractères en moyenne');
    expect(table).toMatch(/personne \(PERSON\)\s+0,850\s+0,970\s+0,943\s+30\s+34/);
    expect(table).toMatch(/téléphone \(PHONE\)\s+1,000\s+0,900\s+0,918\s+10\s+9/);
    expect(table).toContain('encore présents après pseudonymisation) : 1 texte(s) — t7');
    expect(table).toContain('Textes sans donnée personnelle modifiés : 1 sur 4 (25,0 %) — t2');
    expect(table).toContain('Temps : 0,400 ms par texte, 2,500 ms pour 1 000 caractères');
  });
});
