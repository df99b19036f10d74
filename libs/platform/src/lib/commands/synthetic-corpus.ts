import { createEmbeddingProvider, toPgVector } from '@mileva/embeddings';
import { THEME_CODES } from '@mileva/rh-taxonomy';
import { FRENCH_STOPWORDS, foldForSearch, normalizeText, splitSentences } from '@mileva/text-fr';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';

/** Folder of the public HR documents whose sentences the synthetic corpus recombines (from the repository root). */
export const DEFAULT_PHRASE_SOURCE_DIR = '../shared/corpus/docs';

/** Markdown files read from the source folder: enough variety, little start-up time. */
const SOURCE_FILES = 60;
/** Below this many usable sentences, the built-in ones are used instead. */
const MIN_SOURCE_SENTENCES = 50;
/** Chunks per document: between these bounds, about 20 on average. */
const MIN_CHUNKS_PER_DOCUMENT = 12;
const MAX_CHUNKS_PER_DOCUMENT = 28;
/** Sentences per chunk: between these bounds. */
const MIN_SENTENCES_PER_CHUNK = 3;
const MAX_SENTENCES_PER_CHUNK = 7;
/** Rows per INSERT statement, and chunks per transaction. */
const ROWS_PER_STATEMENT = 500;
const CHUNKS_PER_TRANSACTION = 5_000;
/** Share of queries that get a typo, and of documents without a theme. */
const TYPO_RATE = 0.2;
const NO_THEME_RATE = 0.3;

/**
 * Generic French administrative sentences, written for the benchmark, used when the folder of real
 * documents is absent.
 */
const BUILT_IN_SENTENCES: readonly string[] = [
  'Le fonctionnaire titulaire peut demander un congé parental pour élever son enfant de moins de trois ans.',
  'La demande de temps partiel est adressée au chef d’établissement avant le 31 mars de l’année scolaire en cours.',
  'Le congé de longue maladie est accordé après avis du conseil médical pour une durée maximale de trois ans.',
  'Pendant le congé de maladie ordinaire, l’agent perçoit son plein traitement pendant trois mois.',
  'La rémunération comprend le traitement indiciaire, l’indemnité de résidence et le supplément familial de traitement.',
  'L’agent contractuel bénéficie d’un entretien professionnel chaque année avec son supérieur hiérarchique direct.',
  'La mutation inter-académique repose sur un barème qui tient compte de l’ancienneté de service et de la situation familiale.',
  'Les vœux de mutation sont saisis sur l’application dédiée pendant la période d’ouverture du serveur.',
  'Le rapprochement de conjoints ouvre droit à une bonification de points dans le barème du mouvement.',
  'La disponibilité pour convenances personnelles est accordée sous réserve des nécessités du service.',
  'Le détachement place le fonctionnaire hors de son corps d’origine tout en lui conservant ses droits à l’avancement.',
  'La réintégration après une disponibilité intervient à la première vacance d’emploi correspondant au grade de l’agent.',
  'L’avancement d’échelon dépend de l’ancienneté acquise et des rendez-vous de carrière.',
  'Une accélération d’un an est possible au sixième et au huitième échelon après le rendez-vous de carrière.',
  'L’accès à la hors-classe est ouvert aux agents ayant atteint au moins le neuvième échelon de la classe normale.',
  'La demande de pension de retraite est déposée au moins six mois avant la date de départ souhaitée.',
  'Le montant de la pension dépend du nombre de trimestres validés et du traitement indiciaire des six derniers mois.',
  'Les services accomplis en qualité de contractuel peuvent être validés pour la retraite sous certaines conditions.',
  'Le compte épargne-temps permet de reporter des jours de congés non pris dans la limite de soixante jours.',
  'Les jours inscrits sur le compte épargne-temps peuvent être indemnisés ou pris en compte pour la retraite additionnelle.',
  'Le télétravail peut être accordé jusqu’à trois jours par semaine pour les personnels administratifs.',
  'La décision relative au télétravail est notifiée par écrit dans un délai d’un mois à compter de la demande.',
  'Le cumul d’activités accessoires est soumis à une autorisation préalable de l’autorité hiérarchique.',
  'Les activités d’enseignement et d’expertise peuvent être exercées à titre accessoire après autorisation.',
  'Le congé de formation professionnelle est accordé pour une durée maximale de trois ans sur l’ensemble de la carrière.',
  'Pendant la première année du congé de formation, l’agent perçoit une indemnité égale à 85 % de son traitement brut.',
  'Le congé de maternité comprend une période prénatale et une période postnatale dont la durée varie selon le nombre d’enfants.',
  'Le congé de paternité et d’accueil de l’enfant est de vingt-cinq jours calendaires, fractionnables.',
  'Le congé bonifié permet aux agents originaires d’outre-mer de se rendre dans leur département d’origine.',
  'Les frais de transport entre le domicile et le lieu de travail sont remboursés à hauteur de la moitié de l’abonnement.',
  'Le supplément familial de traitement est versé à l’agent qui a au moins un enfant à charge.',
  'L’indemnité de résidence varie selon la zone géographique du lieu d’affectation de l’agent.',
  'Le stagiaire est titularisé à l’issue de son année de stage après avis du jury académique.',
  'Le renouvellement du stage peut être prononcé une seule fois lorsque l’aptitude n’est pas établie.',
  'Le contrat à durée déterminée est conclu pour une durée maximale de trois ans, renouvelable dans la limite de six ans.',
  'L’agent contractuel en contrat à durée indéterminée conserve le bénéfice de son ancienneté en cas de mobilité.',
  'La rupture conventionnelle est ouverte aux agents contractuels en contrat à durée indéterminée et aux fonctionnaires.',
  'L’indemnité spécifique de rupture conventionnelle est calculée en fonction de l’ancienneté et de la rémunération brute.',
  'La protection fonctionnelle est accordée à l’agent victime de menaces ou de violences dans l’exercice de ses fonctions.',
  'L’accident de service est reconnu lorsque l’accident survient dans le temps et sur le lieu du service.',
  'Le congé pour invalidité temporaire imputable au service maintient le plein traitement jusqu’à la reprise des fonctions.',
  'La demande de reconnaissance de maladie professionnelle est adressée à l’administration dans un délai de deux ans.',
  'Le temps partiel de droit est accordé pour élever un enfant jusqu’à ses trois ans ou pour donner des soins à un proche.',
  'La quotité de temps partiel est comprise entre 50 % et 90 % de la durée du service à temps plein.',
  'Les obligations réglementaires de service des enseignants du second degré sont fixées à dix-huit heures hebdomadaires.',
  'Les heures supplémentaires effectuées au-delà du service sont rémunérées selon un taux fixé par arrêté.',
  'L’autorisation d’absence pour garde d’enfant malade est accordée dans la limite de six jours par an.',
  'Les autorisations spéciales d’absence pour événements familiaux sont accordées sur présentation d’un justificatif.',
  'Le recours gracieux contre une décision administrative doit être formé dans un délai de deux mois.',
  'La commission administrative paritaire est consultée sur les décisions individuelles défavorables.',
  'Le dossier administratif de l’agent peut être consulté sur demande écrite auprès du service gestionnaire.',
  'La mise à disposition permet à un fonctionnaire d’exercer ses fonctions hors de son administration d’origine.',
];

const BUILT_IN_TITLES: readonly string[] = [
  'Congés et absences des personnels',
  'Temps partiel et quotité de service',
  'Mutation et mobilité des personnels',
  'Carrière et avancement',
  'Rémunération et indemnités',
  'Retraite des fonctionnaires',
  'Positions statutaires',
  'Agents contractuels',
  'Santé et protection des agents',
  'Obligations de service',
];

const BUILT_IN_HEADINGS: readonly string[] = [
  'Conditions',
  'Durée',
  'Procédure',
  'Rémunération',
  'Démarches',
  'Bénéficiaires',
  'Pièces justificatives',
  'Délais',
  'Recours',
  'Cas particuliers',
  'Fin de la période',
  'Textes de référence',
];

/** Openings of the question-style queries. */
export const SYNTHETIC_QUESTION_STARTS: readonly string[] = ['comment', 'quelles conditions pour', 'qui peut demander', 'quelle durée pour', 'à qui adresser', 'quel délai pour'];

/** Sentences, titles and headings the generator combines, and the content words queries are made of. */
export interface Phrasebook {
  readonly sentences: readonly string[];
  readonly titles: readonly string[];
  readonly headings: readonly string[];
  /** Content words of each sentence (same order as `sentences`), for queries. */
  readonly words: readonly (readonly string[])[];
  /** Whether the sentences come from real documents or from the built-in list. */
  readonly source: 'documents' | 'built-in';
  /** Markdown files read. */
  readonly files: number;
}

export interface SyntheticCorpusOptions {
  /** Chunks to insert. */
  readonly chunks: number;
  /** Corpus code of the documents. */
  readonly corpus: string;
  /** Dimension of the hashed embeddings. */
  readonly dimension: number;
  /** Same seed, same texts, headings and embeddings. */
  readonly seed: number;
  /** Folder of Markdown documents to take sentences from (default {@link DEFAULT_PHRASE_SOURCE_DIR}); built-in sentences when absent. */
  readonly sourceDir?: string;
  /** Called after each transaction with the chunks inserted so far. */
  readonly onProgress?: (inserted: number, total: number) => void;
}

export interface SyntheticCorpusSummary {
  readonly corpus: string;
  readonly documents: number;
  readonly chunks: number;
  /** Embedding model recorded with the chunks (the hashed embedder's id). */
  readonly embeddingModel: string;
  readonly dimension: number;
  /** Wall time of the whole build, in seconds. */
  readonly seconds: number;
  /** Part of it spent computing embeddings, in seconds. */
  readonly embeddingSeconds: number;
  readonly source: Phrasebook['source'];
}

/** A document of the synthetic corpus, before insertion. */
interface SyntheticDocument {
  readonly sourceUri: string;
  readonly title: string;
  readonly theme: string | null;
  readonly chunks: readonly SyntheticChunk[];
}

interface SyntheticChunk {
  readonly ordinal: number;
  readonly headingPath: readonly string[];
  readonly text: string;
}

/**
 * Fills `corpus` with `chunks` synthetic chunks (about 20 per document) written straight into
 * `documents` and `chunks` with batched multi-row INSERTs inside transactions: the fast path, not
 * the ingestion pipeline. The text recombines sentences and headings of real HR documents with a
 * seeded generator, and the embeddings come from the hashed embedder, so that both the full-text
 * and the vector search work on realistic data. Ends with `ANALYZE`.
 */
export async function buildSyntheticCorpus(dataSource: DataSource, options: SyntheticCorpusOptions): Promise<SyntheticCorpusSummary> {
  if (!Number.isInteger(options.chunks) || options.chunks < 1) throw new RangeError(`Invalid chunk count ${options.chunks}`);
  const started = performance.now();
  const phrasebook = loadPhrasebook(options.sourceDir);
  const embedder = createEmbeddingProvider({ provider: 'hash', dimension: options.dimension });
  const random = seededRandom(options.seed);
  let embeddingMs = 0;
  let inserted = 0;
  let documentCount = 0;

  while (inserted < options.chunks) {
    const group: SyntheticDocument[] = [];
    let groupChunks = 0;
    while (groupChunks < CHUNKS_PER_TRANSACTION && inserted + groupChunks < options.chunks) {
      const size = Math.min(integerBetween(random, MIN_CHUNKS_PER_DOCUMENT, MAX_CHUNKS_PER_DOCUMENT), options.chunks - inserted - groupChunks);
      group.push(syntheticDocument(random, phrasebook, options.seed, documentCount + group.length, size));
      groupChunks += size;
    }

    const rows = group.flatMap((document) => document.chunks.map((chunk) => ({ document, chunk })));
    const embeddingStarted = performance.now();
    const vectors: (string | null)[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const embedded = await embedder.embed(
        rows.slice(start, start + ROWS_PER_STATEMENT).map(({ chunk }) => `${chunk.headingPath.join(' ')}\n${chunk.text}`),
        'document',
      );
      vectors.push(...embedded.map((vector) => (vector.some((value) => value !== 0) ? toPgVector(vector) : null)));
    }
    embeddingMs += performance.now() - embeddingStarted;

    await dataSource.transaction(async (manager) => {
      const ids = new Map<string, string>();
      for (let start = 0; start < group.length; start += ROWS_PER_STATEMENT) {
        const batch = group.slice(start, start + ROWS_PER_STATEMENT);
        const values: unknown[] = [];
        const tuples = batch.map((document) => {
          const base = values.length;
          values.push(options.corpus, document.title, document.sourceUri, document.theme, `synthetic:${document.sourceUri}`);
          return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, 'text/markdown')`;
        });
        const returned: { id: string; source_uri: string }[] = await manager.query(
          `INSERT INTO documents (corpus, title, source_uri, theme, content_hash, mime_type) VALUES ${tuples.join(', ')} RETURNING id, source_uri`,
          values,
        );
        for (const row of returned) ids.set(row.source_uri, row.id);
      }
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const values: unknown[] = [];
        const tuples = rows.slice(start, start + ROWS_PER_STATEMENT).map(({ document, chunk }, offset) => {
          const base = values.length;
          const vector = vectors[start + offset];
          values.push(ids.get(document.sourceUri), options.corpus, chunk.ordinal, [...chunk.headingPath], chunk.text, vector, vector ? embedder.id : null, vector ? embedder.dimension : null);
          return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::text[], $${base + 5}, $${base + 6}::halfvec, $${base + 7}, $${base + 8})`;
        });
        await manager.query(`INSERT INTO chunks (document_id, corpus, ordinal, heading_path, text, embedding, embedding_model, embedding_dim) VALUES ${tuples.join(', ')}`, values);
      }
    });
    inserted += groupChunks;
    documentCount += group.length;
    options.onProgress?.(inserted, options.chunks);
  }
  await dataSource.query('ANALYZE documents, chunks');

  return {
    corpus: options.corpus,
    documents: documentCount,
    chunks: inserted,
    embeddingModel: embedder.id,
    dimension: embedder.dimension,
    seconds: round2((performance.now() - started) / 1000),
    embeddingSeconds: round2(embeddingMs / 1000),
    source: phrasebook.source,
  };
}

/**
 * `n` French search queries of two to five words taken together from one sentence of the same
 * phrasebook as the corpus (so most have answers in it), some phrased as a question, about one in
 * five with a typo. Same seed, same queries.
 */
export function syntheticQueries(n: number, seed: number, sourceDir?: string): string[] {
  const phrasebook = loadPhrasebook(sourceDir);
  // A different stream from the corpus built with the same seed.
  const random = seededRandom(seed ^ 0x5bd1e995);
  const queries: string[] = [];
  while (queries.length < n) {
    const words = phrasebook.words[Math.floor(random() * phrasebook.words.length)];
    if (words.length < 2) continue;
    const count = Math.min(words.length, integerBetween(random, 2, 5));
    const start = Math.floor(random() * (words.length - count + 1));
    const picked = words.slice(start, start + count);
    if (random() < TYPO_RATE) {
      const target = picked.reduce((longest, word, index) => (word.length > picked[longest].length ? index : longest), 0);
      picked[target] = withTypo(picked[target], random);
    }
    const query = picked.join(' ');
    queries.push(random() < 0.3 ? `${pick(random, SYNTHETIC_QUESTION_STARTS)} ${query}` : query);
  }
  return queries;
}

const phrasebooks = new Map<string, Phrasebook>();

/**
 * Sentences, titles and headings of up to 60 Markdown files of `sourceDir` (spread evenly over the
 * sorted file names), or the built-in ones when the folder is absent or yields too few sentences.
 * Read once per folder.
 */
export function loadPhrasebook(sourceDir: string = DEFAULT_PHRASE_SOURCE_DIR): Phrasebook {
  const folder = sourceDir === DEFAULT_PHRASE_SOURCE_DIR ? resolve(workspaceRoot(), sourceDir) : resolve(sourceDir);
  const cached = phrasebooks.get(folder);
  if (cached) return cached;
  const phrasebook = readPhrasebook(folder) ?? builtInPhrasebook();
  phrasebooks.set(folder, phrasebook);
  return phrasebook;
}

/** The workspace root (the folder holding nx.json) above the working directory, else the working directory. */
export function workspaceRoot(): string {
  let directory = process.cwd();
  for (;;) {
    if (existsSync(join(directory, 'nx.json'))) return directory;
    const parent = resolve(directory, '..');
    if (parent === directory) return process.cwd();
    directory = parent;
  }
}

function readPhrasebook(folder: string): Phrasebook | undefined {
  if (!existsSync(folder)) return undefined;
  const names = readdirSync(folder)
    .filter((name) => name.toLowerCase().endsWith('.md'))
    .sort();
  if (names.length === 0) return undefined;
  const step = Math.max(1, names.length / SOURCE_FILES);
  const chosen = [...new Set(Array.from({ length: Math.min(SOURCE_FILES, names.length) }, (_, index) => names[Math.floor(index * step)]))];
  const sentences = new Set<string>();
  const titles = new Set<string>();
  const headings = new Set<string>();
  for (const name of chosen) {
    const markdown = normalizeText(readFileSync(join(folder, name), 'utf8'));
    const paragraphs: string[] = [];
    for (const line of markdown.split('\n')) {
      const heading = /^(#{1,6})\s+(.+)$/.exec(line);
      if (heading) {
        const text = stripMarkdown(heading[2]);
        if (text.length >= 4 && text.length <= 90 && !/^article\s/i.test(text)) (heading[1].length === 1 ? titles : headings).add(text);
        paragraphs.push('');
      } else if (/^\s*-\s+[^:]{1,30}\s:/.test(line) || line.includes('|') || line.includes('http')) {
        // Metadata (`- Source : …`), table rows and links carry no prose.
        paragraphs.push('');
      } else {
        paragraphs.push(stripMarkdown(line));
      }
    }
    for (const paragraph of paragraphs.join('\n').split(/\n{2,}/)) {
      for (const sentence of splitSentences(paragraph.replace(/\s+/g, ' ').trim())) {
        if (isProse(sentence)) sentences.add(sentence);
      }
    }
  }
  if (sentences.size < MIN_SOURCE_SENTENCES) return undefined;
  const list = [...sentences];
  return {
    sentences: list,
    titles: titles.size > 0 ? [...titles] : BUILT_IN_TITLES,
    headings: headings.size > 0 ? [...headings] : BUILT_IN_HEADINGS,
    words: list.map(contentWords),
    source: 'documents',
    files: chosen.length,
  };
}

function builtInPhrasebook(): Phrasebook {
  return { sentences: BUILT_IN_SENTENCES, titles: BUILT_IN_TITLES, headings: BUILT_IN_HEADINGS, words: BUILT_IN_SENTENCES.map(contentWords), source: 'built-in', files: 0 };
}

function syntheticDocument(random: () => number, phrasebook: Phrasebook, seed: number, index: number, size: number): SyntheticDocument {
  const title = pick(random, phrasebook.titles);
  const theme = random() < NO_THEME_RATE ? null : pick(random, THEME_CODES);
  const chunks: SyntheticChunk[] = [];
  let heading = pick(random, phrasebook.headings);
  for (let ordinal = 0; ordinal < size; ordinal++) {
    // A section spans a few chunks, as in a real document.
    if (ordinal > 0 && random() < 0.35) heading = pick(random, phrasebook.headings);
    const count = integerBetween(random, MIN_SENTENCES_PER_CHUNK, MAX_SENTENCES_PER_CHUNK);
    const text = Array.from({ length: count }, () => pick(random, phrasebook.sentences)).join(' ');
    chunks.push({ ordinal, headingPath: [title, heading], text });
  }
  return { sourceUri: `synthetic/${seed}/${String(index).padStart(6, '0')}.md`, title, theme, chunks };
}

/** A whole sentence of running text: reasonable length, final punctuation, mostly letters, several content words. */
function isProse(sentence: string): boolean {
  if (sentence.length < 40 || sentence.length > 320 || !/[\p{L}\d)»"] ?[.!?]$/u.test(sentence) || /[<>{}\\]|\?\?/.test(sentence)) return false;
  const letters = sentence.match(/\p{L}/gu)?.length ?? 0;
  return letters / sentence.length >= 0.7 && contentWords(sentence).length >= 4;
}

/** Words of at least four letters that are not function words, lowercased. */
function contentWords(sentence: string): string[] {
  return (sentence.toLowerCase().match(/\p{L}[\p{L}-]*\p{L}/gu) ?? []).filter((word) => word.length >= 4 && !FRENCH_STOPWORDS.has(foldForSearch(word)));
}

function stripMarkdown(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#]+/g, '')
    .replace(/^\s*(?:[-•]|\d+[.)°])\s+/, '')
    .trim();
}

/** One typo of the kinds people make: two letters swapped, one dropped, one doubled, or accents lost. */
function withTypo(word: string, random: () => number): string {
  if (word.length < 5) return word;
  const at = integerBetween(random, 1, word.length - 2);
  switch (Math.floor(random() * 4)) {
    case 0:
      return `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
    case 1:
      return `${word.slice(0, at)}${word.slice(at + 1)}`;
    case 2:
      return `${word.slice(0, at)}${word[at]}${word.slice(at)}`;
    default: {
      const folded = word.normalize('NFD').replace(/\p{M}/gu, '');
      return folded === word ? `${word.slice(0, at)}${word.slice(at + 1)}` : folded;
    }
  }
}

/** Mulberry32: a small, fast generator of floats in [0, 1), the same sequence for the same seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function integerBetween(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
