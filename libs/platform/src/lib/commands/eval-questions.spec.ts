import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvalQuestions } from './eval-questions';
import { UsageError } from './ingest.command';

describe('readEvalQuestions', () => {
  let directory: string;
  const write = (name: string, lines: readonly string[]): string => {
    const path = join(directory, name);
    writeFileSync(path, lines.join('\n'));
    return path;
  };
  const json = (value: unknown): string => JSON.stringify(value);

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'mileva-eval-questions-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('should read the {question, source_doc} format as one relevant file, ignoring other fields', async () => {
    const path = write('simple.jsonl', [
      json({ question: 'Comment demander un temps partiel ?', answer: 'Par écrit.', source_doc: 'temps-partiel.md', topic: 'temps de travail' }),
      json({ question: 'Qui décide d’une mutation ?', source_doc: 'mutation.md' }),
    ]);
    await expect(readEvalQuestions(path)).resolves.toEqual([
      { id: 'ligne-1', query: 'Comment demander un temps partiel ?', relevant: ['temps-partiel.md'] },
      { id: 'ligne-2', query: 'Qui décide d’une mutation ?', relevant: ['mutation.md'] },
    ]);
  });

  it('should read the {query, relevant} format with its id and style, an empty list meaning unanswerable', async () => {
    const path = write('graded.jsonl', [
      json({ id: 'q1', query: 'clm durée max', style: 'mots-clés', relevant: ['clm.md', 'clm.xml'], note: 'deux copies' }),
      json({ id: 'q2', query: 'prime de cantine des chats', relevant: [] }),
    ]);
    await expect(readEvalQuestions(path)).resolves.toEqual([
      { id: 'q1', query: 'clm durée max', style: 'mots-clés', relevant: ['clm.md', 'clm.xml'] },
      { id: 'q2', query: 'prime de cantine des chats', relevant: [] },
    ]);
  });

  it('should accept both formats in one file, blank lines, Windows line ends and a byte order mark', async () => {
    const path = write('mixed.jsonl', [`\uFEFF${json({ question: 'Âge de départ à la retraite ?', source_doc: 'retraite.md' })}\r`, '', json({ id: 7, query: 'mutation', relevant: ['mutation.md'] }), '   ']);
    const questions = await readEvalQuestions(path);
    expect(questions.map((question) => [question.id, question.relevant])).toEqual([
      ['ligne-1', ['retraite.md']],
      ['7', ['mutation.md']],
    ]);
  });

  it('should reject a missing file with a French message naming it', async () => {
    const path = join(directory, 'absent.jsonl');
    await expect(readEvalQuestions(path)).rejects.toThrow(UsageError);
    await expect(readEvalQuestions(path)).rejects.toThrow(`Fichier de questions introuvable : ${path}`);
  });

  it('should reject invalid JSON naming the line', async () => {
    const path = write('broken.jsonl', [json({ query: 'a', relevant: [] }), '{"query": "b", relevant: []}']);
    await expect(readEvalQuestions(path)).rejects.toThrow(/ligne 2 : JSON invalide/);
  });

  it('should reject a line in neither format, listing the fields found', async () => {
    const path = write('unknown.jsonl', [json({ text: 'a', expected: 'b.md' })]);
    await expect(readEvalQuestions(path)).rejects.toThrow(/ligne 1 : format non reconnu\. .*champs trouvés : text, expected/);
  });

  it('should reject a relevant field that is not a list of file names', async () => {
    const path = write('bad-relevant.jsonl', [json({ query: 'a', relevant: 'a.md' })]);
    await expect(readEvalQuestions(path)).rejects.toThrow(/ligne 1 : le champ « relevant » doit être une liste/);
  });

  it('should reject a question without its source document', async () => {
    const path = write('no-source.jsonl', [json({ question: 'Comment ?', source_doc: '' })]);
    await expect(readEvalQuestions(path)).rejects.toThrow(/ligne 1 : le champ « source_doc »/);
  });

  it('should reject two questions with the same id', async () => {
    const path = write('duplicate.jsonl', [json({ id: 'q1', query: 'a', relevant: [] }), json({ id: 'q1', query: 'b', relevant: [] })]);
    await expect(readEvalQuestions(path)).rejects.toThrow(/ligne 2 : l’identifiant « q1 » est déjà utilisé/);
  });

  it('should reject a file without any question', async () => {
    const path = write('empty.jsonl', ['', '  ']);
    await expect(readEvalQuestions(path)).rejects.toThrow(/ne contient aucune question/);
  });
});
