import { loadConfig } from '@mileva/runtime';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkThresholds,
  createRetrievalEvalProgress,
  formatRetrievalEval,
  retrievalEvalJson,
  retrievalEvalOptionsFromFlags,
  runRetrievalEval,
  type RetrievalEvalOptions,
  type RetrievalEvalResult,
  type RetrievalEvalScores,
} from './eval-retrieval.command';
import { UsageError } from './ingest.command';

jest.setTimeout(180_000);

/** Short HR fiches written for this test. */
const DOCUMENTS: Readonly<Record<string, string>> = {
  'temps-partiel.md': `# Le temps partiel des enseignants

## Temps partiel sur autorisation
L’agent titulaire peut demander un service à temps partiel sur autorisation. La quotité est comprise entre 50 % et 90 % d’un temps complet.
La demande est déposée auprès du chef d’établissement avant le 31 mars pour la rentrée suivante.

## Temps partiel de droit
Le temps partiel est accordé de droit pour élever un enfant de moins de trois ans ou pour donner des soins à un proche.
`,
  'conge-longue-maladie.md': `# Le congé de longue maladie (CLM)

Le congé de longue maladie est accordé au fonctionnaire atteint d’une affection qui rend nécessaires un traitement et des soins prolongés.
Sa durée maximale est de trois ans : un an à plein traitement, puis deux ans à demi-traitement.
Le comité médical donne son avis sur l’octroi et le renouvellement du congé.
`,
  'mutation-inter-academique.md': `# Le mouvement inter-académique

Les personnels titulaires qui souhaitent changer d’académie participent au mouvement inter-académique.
Les vœux sont saisis sur l’application dédiée en novembre et décembre. Un barème tient compte de l’ancienneté de service, de la situation familiale et du rapprochement de conjoints.
`,
  'retraite.md': `# Le départ à la retraite

Le fonctionnaire peut partir à la retraite dès qu’il atteint l’âge légal d’ouverture des droits.
La demande de pension est faite six mois avant la date de départ souhaitée, sur l’espace numérique retraite.
Le montant de la pension dépend du nombre de trimestres et du traitement indiciaire des six derniers mois.
`,
  'conge-parental.md': `# Le congé parental

Le congé parental permet à l’agent de cesser son activité pour élever son enfant. Il est accordé par périodes de deux à six mois renouvelables.
L’agent n’est pas rémunéré pendant le congé parental, mais conserve ses droits à l’avancement dans la limite de cinq ans.
`,
  'avancement-echelon.md': `# L’avancement d’échelon

L’avancement d’échelon dépend de l’ancienneté et du rendez-vous de carrière.
Aux sixième et huitième échelons, une accélération d’un an est possible pour une partie des agents après le rendez-vous de carrière.
`,
  'teletravail.md': `# Le télétravail

Les personnels administratifs peuvent demander à télétravailler jusqu’à trois jours par semaine.
La demande écrite précise les jours souhaités ; le supérieur hiérarchique répond dans un délai d’un mois.
`,
  'cumul-activites.md': `# Le cumul d’activités

Un agent public consacre son activité professionnelle à ses fonctions. Certaines activités accessoires peuvent être autorisées : enseignement, expertise, activité agricole.
La demande d’autorisation de cumul est adressée à l’autorité hiérarchique avant le début de l’activité.
`,
};

/** Questions written for this test, in both formats; one has no answer, one names a file that is not in the corpus. */
const QUESTIONS: readonly unknown[] = [
  { question: 'Quelle est la quotité minimale d’un temps partiel sur autorisation ?', answer: '50 %', source_doc: 'temps-partiel.md', topic: 'temps de travail' },
  { question: 'Comment participer au mouvement pour changer d’académie ?', source_doc: 'mutation-inter-academique.md' },
  { question: 'Où trouver la note de service sur les heures supplémentaires ?', source_doc: 'note-heures-supplementaires.md' },
  { id: 'clm', query: 'clm durée maximale demi-traitement', style: 'mots-clés', relevant: ['conge-longue-maladie.md'] },
  { id: 'teletravail', query: 'combien de jours de télétravail par semaine', relevant: ['teletravail.md'] },
  { id: 'retraite', query: 'quand faire la demande de pension de retraite', style: 'question', relevant: ['retraite.md', 'avancement-echelon.md'] },
  { id: 'hors-corpus', query: 'remboursement des frais de garde d’un animal de compagnie', relevant: [] },
];

function scores(overrides: Partial<RetrievalEvalScores> = {}): RetrievalEvalScores {
  return {
    mode: 'hybrid',
    n: 20,
    recall1: 0.5,
    recall5: 0.8,
    recall10: 0.9,
    mrr10: 0.62,
    k: 10,
    recallK: 0.9,
    mrrK: 0.62,
    unanswerable: { n: 4, flagged: 3 },
    answerableFlagged: 1,
    ms_per_query: 12.345,
    ...overrides,
  };
}

function result(overrides: Partial<RetrievalEvalResult> = {}): RetrievalEvalResult {
  return { ...scores(), corpus: { documents: 8, chunks: 30, failed: [] }, embeddings: 'hash (512 dimensions)', unknownRelevant: [], perQuestion: [], ...overrides };
}

const OPTIONS: RetrievalEvalOptions = { questions: 'q.jsonl', docs: 'docs', k: 10, baseline: false };

describe('runRetrievalEval', () => {
  let workDir: string;
  let docs: string;
  let questions: string;
  const untouchedDataDir = (): string => join(workDir, 'configured-data');
  const config = () => loadConfig({ MILEVA_LOG_LEVEL: 'silent', MILEVA_DATA_DIR: untouchedDataDir() });
  /** Where the runs under test create their temporary database, so that other runs on the machine do not interfere. */
  const runTmp = (): string => join(workDir, 'tmp');

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'mileva-eval-retrieval-spec-'));
    docs = join(workDir, 'docs');
    mkdirSync(docs);
    for (const [name, text] of Object.entries(DOCUMENTS)) writeFileSync(join(docs, name), text);
    questions = join(workDir, 'questions.jsonl');
    writeFileSync(questions, `${QUESTIONS.map((question) => JSON.stringify(question)).join('\n')}\n`);
    mkdirSync(runTmp());
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  describe('on a small corpus of its own', () => {
    let withBaseline: RetrievalEvalResult;
    const progress: [number, number, string][] = [];
    let databaseSeen = false;
    beforeAll(async () => {
      withBaseline = await runRetrievalEval(config(), { questions, docs, k: 3, baseline: true, tempDir: runTmp() }, (done, total, stage) => {
        progress.push([done, total, stage]);
        if (stage === 'ingest') databaseSeen ||= readdirSync(runTmp()).some((name) => name.startsWith('mileva-eval-retrieval-'));
      });
    });

    it('should count answerable and unanswerable questions', () => {
      expect(withBaseline.n).toBe(6);
      expect(withBaseline.unanswerable.n).toBe(1);
      expect(withBaseline.baseline?.n).toBe(6);
      expect(withBaseline.baseline?.unanswerable.n).toBe(1);
      expect(withBaseline.perQuestion).toHaveLength(QUESTIONS.length);
    });

    it('should give every score between 0 and 1 and counts within the questions', () => {
      for (const scored of [withBaseline, withBaseline.baseline]) {
        expect(scored).toBeDefined();
        if (!scored) continue;
        for (const value of [scored.recall1, scored.recall5, scored.recall10, scored.mrr10, scored.recallK, scored.mrrK]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
          expect(round3(value)).toBe(value);
        }
        expect(scored.recall1).toBeLessThanOrEqual(scored.recall5);
        expect(scored.recall5).toBeLessThanOrEqual(scored.recall10);
        expect(scored.unanswerable.flagged).toBeGreaterThanOrEqual(0);
        expect(scored.unanswerable.flagged).toBeLessThanOrEqual(1);
        expect(scored.answerableFlagged).toBeGreaterThanOrEqual(0);
        expect(scored.answerableFlagged).toBeLessThanOrEqual(6);
        expect(scored.ms_per_query).toBeGreaterThan(0);
      }
    });

    it('should run the baseline with plain BM25 by default', () => {
      expect(withBaseline.mode).toBe('hybrid');
      expect(withBaseline.baseline?.mode).toBe('bm25');
      expect(withBaseline.perQuestion.every((question) => question.baselineRank !== undefined)).toBe(true);
    });

    it('should report the cut asked for besides the fixed ones', () => {
      expect(withBaseline.k).toBe(3);
      expect(withBaseline.recallK).toBeGreaterThanOrEqual(withBaseline.recall1);
      expect(withBaseline.recallK).toBeLessThanOrEqual(withBaseline.recall5);
    });

    it('should ingest every document and name the expected file missing from the corpus', () => {
      expect(withBaseline.corpus.documents).toBe(Object.keys(DOCUMENTS).length);
      expect(withBaseline.corpus.failed).toEqual([]);
      expect(withBaseline.unknownRelevant).toEqual(['note-heures-supplementaires.md']);
      expect(withBaseline.perQuestion.find((question) => question.relevant.includes('note-heures-supplementaires.md'))?.rank).toBeNull();
    });

    it('should report progress of the ingestion, then of every question', () => {
      expect(progress.filter(([, , stage]) => stage === 'ingest').at(-1)).toEqual([8, 8, 'ingest']);
      expect(progress.filter(([, , stage]) => stage === 'search').map(([done]) => done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    });

    it('should leave neither the configured database nor its temporary one behind', () => {
      expect(existsSync(untouchedDataDir())).toBe(false);
      expect(databaseSeen).toBe(true);
      expect(readdirSync(runTmp())).toEqual([]);
    });

    it('should print the JSON object with the baseline and the extra cut', () => {
      const json = retrievalEvalJson(withBaseline);
      expect(Object.keys(json)).toEqual(['n', 'recall1', 'recall5', 'recall10', 'mrr10', 'recall3', 'mrr3', 'unanswerable', 'ms_per_query', 'baseline', 'answerable_flagged']);
      expect(json.baseline?.n).toBe(6);
    });
  });

  it('should run without a baseline', async () => {
    const plain = await runRetrievalEval(config(), { questions, docs, k: 10, baseline: false });
    expect(plain.baseline).toBeUndefined();
    expect(plain.n).toBe(6);
    expect(Object.keys(retrievalEvalJson(plain))).toEqual(['n', 'recall1', 'recall5', 'recall10', 'mrr10', 'unanswerable', 'ms_per_query', 'answerable_flagged']);
  });

  it('should refuse a documents folder that does not exist, before starting anything', async () => {
    const missing = join(workDir, 'absent');
    await expect(runRetrievalEval(config(), { questions, docs: missing, k: 10, baseline: false })).rejects.toThrow(new UsageError(`Dossier de documents introuvable : ${missing}`));
  });

  it('should refuse a missing questions file', async () => {
    await expect(runRetrievalEval(config(), { questions: join(workDir, 'absent.jsonl'), docs, k: 10, baseline: false })).rejects.toThrow(/Fichier de questions introuvable/);
  });
});

describe('retrievalEvalOptionsFromFlags', () => {
  it('should default the cut to 10 and the baseline to off', () => {
    expect(retrievalEvalOptionsFromFlags({ questions: 'q.jsonl', docs: 'docs' })).toMatchObject({ questions: 'q.jsonl', docs: 'docs', k: 10, baseline: false });
  });

  it('should read numbers, with a decimal point or a French decimal comma', () => {
    const options = retrievalEvalOptionsFromFlags({ questions: 'q', docs: 'd', k: '20', baseline: true, minRecall5: '0.7', minMrr10: '0,55', minMrrGain: '0.05', minUnanswerableFlagged: '3', maxAnswerableFlagged: '2' });
    expect(options).toMatchObject({ k: 20, baseline: true, minRecall5: 0.7, minMrr10: 0.55, minMrrGain: 0.05, minUnanswerableFlagged: 3, maxAnswerableFlagged: 2 });
  });

  it.each([
    [{ docs: 'd' }, /--questions/],
    [{ questions: 'q' }, /--docs/],
    [{ questions: 'q', docs: 'd', k: '0' }, /--k : entier de 1 à 50/],
    [{ questions: 'q', docs: 'd', k: '51' }, /--k : entier de 1 à 50/],
    [{ questions: 'q', docs: 'd', k: 'dix' }, /--k : nombre attendu \(reçu : dix\)/],
    [{ questions: 'q', docs: 'd', minRecall5: '70' }, /--min-recall5 : nombre de 0 à 1/],
    [{ questions: 'q', docs: 'd', maxAnswerableFlagged: '1.5' }, /--max-answerable-flagged : nombre entier/],
    [{ questions: 'q', docs: 'd', minMrrGain: '0.1' }, /--min-mrr-gain .*ajoutez --baseline/],
  ])('should reject %j with a usage error naming the flag', (flags, message) => {
    expect(() => retrievalEvalOptionsFromFlags(flags)).toThrow(UsageError);
    expect(() => retrievalEvalOptionsFromFlags(flags)).toThrow(message);
  });
});

describe('checkThresholds', () => {
  it('should return nothing when no target is set or every target is met', () => {
    expect(checkThresholds(result(), OPTIONS)).toEqual([]);
    const baseline = scores({ mode: 'bm25', mrr10: 0.5 });
    expect(
      checkThresholds(result({ baseline }), { ...OPTIONS, baseline: true, minRecall5: 0.8, minMrr10: 0.6, minMrrGain: 0.12, minUnanswerableFlagged: 3, maxAnswerableFlagged: 1 }),
    ).toEqual([]);
  });

  it('should return a French message for each target missed', () => {
    const baseline = scores({ mode: 'bm25', mrr10: 0.6 });
    const messages = checkThresholds(result({ baseline }), {
      ...OPTIONS,
      baseline: true,
      minRecall5: 0.85,
      minMrr10: 0.7,
      minMrrGain: 0.05,
      minUnanswerableFlagged: 4,
      maxAnswerableFlagged: 0,
    });
    expect(messages).toEqual([
      'rappel@5 : 0.800, sous le minimum demandé (0.850).',
      'MRR@10 : 0.620, sous le minimum demandé (0.700).',
      'gain de MRR@10 sur BM25 simple (mots du texte) : +0.020, sous le minimum demandé (+0.050).',
      'questions sans réponse détectées : 3 sur 4, sous le minimum demandé (4).',
      'questions avec réponse signalées sans réponse : 1, au-dessus du maximum autorisé (0).',
    ]);
  });

  it('should say the gain cannot be measured without a baseline', () => {
    expect(checkThresholds(result(), { ...OPTIONS, minMrrGain: 0 })).toEqual(['gain de MRR@10 sur la référence non mesuré : relancez avec --baseline.']);
  });
});

describe('formatRetrievalEval', () => {
  it('should print a French table of the evaluated mode', () => {
    const table = formatRetrievalEval(result());
    expect(table).toContain('20 question(s) avec réponse, 4 sans réponse');
    expect(table).toMatch(/^mesure\s+hybride$/m);
    expect(table).toMatch(/^rappel@5\s+0\.800$/m);
    expect(table).toMatch(/^MRR@10\s+0\.620$/m);
    expect(table).toMatch(/^sans réponse détectées \(sur 4\)\s+3$/m);
    expect(table).toMatch(/^ms par requête\s+12\.3$/m);
    expect(table).not.toContain('BM25');
  });

  it('should add the baseline column with the difference and the ratio', () => {
    const table = formatRetrievalEval(result({ baseline: scores({ mode: 'bm25', recall5: 0.5, mrr10: 0, ms_per_query: 6 }) }));
    expect(table).toMatch(/^mesure\s+hybride\s+BM25 simple \(mots du texte\)\s+écart\s+ratio$/m);
    expect(table).toMatch(/^rappel@5\s+0\.800\s+0\.500\s+\+0\.300\s+×1\.60$/m);
    expect(table).toMatch(/^MRR@10\s+0\.620\s+0\.000\s+\+0\.620\s+—$/m);
  });

  it('should show the extra cut, failed documents and expected files missing from the corpus', () => {
    const table = formatRetrievalEval(
      result({ k: 20, recallK: 0.95, mrrK: 0.63, corpus: { documents: 7, chunks: 20, failed: [{ file: 'scan.pdf', code: 'NO_TEXT_LAYER', message: 'PDF sans texte.' }] }, unknownRelevant: ['absent.md'] }),
    );
    expect(table).toMatch(/^rappel@20\s+0\.950$/m);
    expect(table).toMatch(/^MRR@20\s+0\.630$/m);
    expect(table).toContain('✗ scan.pdf [NO_TEXT_LAYER] PDF sans texte.');
    expect(table).toContain('1 document(s) attendu(s) absent(s) du corpus');
    expect(table).toContain('  absent.md');
  });
});

describe('retrievalEvalJson', () => {
  it('should keep the key names of the CLI output, the baseline only when measured', () => {
    expect(retrievalEvalJson(result())).toEqual({
      n: 20,
      recall1: 0.5,
      recall5: 0.8,
      recall10: 0.9,
      mrr10: 0.62,
      unanswerable: { n: 4, flagged: 3 },
      ms_per_query: 12.345,
      answerable_flagged: 1,
    });
    const json = retrievalEvalJson(result({ baseline: scores({ mode: 'bm25', answerableFlagged: 0 }) }));
    expect(json.baseline).toEqual({ n: 20, recall1: 0.5, recall5: 0.8, recall10: 0.9, mrr10: 0.62, unanswerable: { n: 4, flagged: 3 }, ms_per_query: 12.345, answerable_flagged: 0 });
  });
});

describe('createRetrievalEvalProgress', () => {
  it('should write a line every 10 % of each stage, and at its end', () => {
    const lines: string[] = [];
    const report = createRetrievalEvalProgress((line) => lines.push(line));
    for (let done = 1; done <= 3; done += 1) report(done, 3, 'ingest');
    for (let done = 1; done <= 40; done += 1) report(done, 40, 'search');
    expect(lines.filter((line) => line.startsWith('Ingestion'))).toEqual(['Ingestion : 1/3 document(s) (33 %)', 'Ingestion : 2/3 document(s) (66 %)', 'Ingestion : 3/3 document(s) (100 %)']);
    expect(lines.filter((line) => line.startsWith('Recherche'))).toHaveLength(10);
    expect(lines.at(-1)).toBe('Recherche : 40/40 question(s) (100 %)');
  });
});

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
