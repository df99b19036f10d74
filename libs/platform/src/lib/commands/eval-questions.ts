import { readFile } from 'node:fs/promises';
import { UsageError } from './ingest.command';

/** One question of a retrieval evaluation set. */
export interface EvalQuestion {
  readonly id: string;
  readonly query: string;
  /** File names of the documents that answer it, most relevant first; empty when the corpus cannot answer it. */
  readonly relevant: readonly string[];
  /** How the question is phrased (question, keywords, typos…), when the set says so. */
  readonly style?: string;
}

/**
 * Reads a JSONL evaluation set. Each line is either `{question, source_doc, ...}` (one relevant
 * file) or `{query, relevant: string[], id?, style?}` (any number of relevant files, most
 * relevant first, none for a question the corpus cannot answer). Blank lines are skipped; any
 * other problem is a {@link UsageError} naming the line.
 */
export async function readEvalQuestions(path: string): Promise<EvalQuestion[]> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`Fichier de questions introuvable : ${path}`);
    if (code === 'EISDIR') throw new UsageError(`${path} est un dossier : indiquez un fichier de questions JSONL.`);
    throw new UsageError(`Lecture impossible du fichier de questions ${path} : ${(error as Error).message}`);
  }
  const questions: EvalQuestion[] = [];
  const seen = new Set<string>();
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const question = parseQuestionLine(line, index + 1, path);
      if (seen.has(question.id)) throw new UsageError(`${path}, ligne ${index + 1} : l’identifiant « ${question.id} » est déjà utilisé par une autre question.`);
      seen.add(question.id);
      questions.push(question);
    });
  if (questions.length === 0) throw new UsageError(`${path} ne contient aucune question (une question JSON par ligne attendue).`);
  return questions;
}

function parseQuestionLine(line: string, lineNumber: number, path: string): EvalQuestion {
  const where = `${path}, ligne ${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new UsageError(`${where} : JSON invalide (${(error as Error).message}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${where} : un objet JSON est attendu.`);
  }
  const record = value as Record<string, unknown>;
  const rawId = record['id'];
  const id = (typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : optionalText(rawId)) ?? `ligne-${lineNumber}`;
  const style = optionalText(record['style']);

  if ('query' in record || 'relevant' in record) {
    const query = optionalText(record['query']);
    if (query === undefined) throw new UsageError(`${where} : le champ « query » doit être un texte non vide.`);
    const relevant = record['relevant'];
    if (!Array.isArray(relevant) || relevant.some((name) => optionalText(name) === undefined)) {
      throw new UsageError(`${where} : le champ « relevant » doit être une liste de noms de fichiers (vide pour une question sans réponse dans le corpus).`);
    }
    return withStyle({ id, query, relevant: relevant.map((name) => String(name).trim()) }, style);
  }
  if ('question' in record || 'source_doc' in record) {
    const query = optionalText(record['question']);
    const source = optionalText(record['source_doc']);
    if (query === undefined) throw new UsageError(`${where} : le champ « question » doit être un texte non vide.`);
    if (source === undefined) throw new UsageError(`${where} : le champ « source_doc » doit être un nom de fichier non vide.`);
    return withStyle({ id, query, relevant: [source] }, style);
  }
  const fields = Object.keys(record);
  throw new UsageError(
    `${where} : format non reconnu. Attendu {"question", "source_doc"} ou {"query", "relevant"} ; champs trouvés : ${fields.length > 0 ? fields.join(', ') : 'aucun'}.`,
  );
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function withStyle(question: EvalQuestion, style: string | undefined): EvalQuestion {
  return style === undefined ? question : { ...question, style };
}
