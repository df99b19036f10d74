import { withoutDuplicateDocuments } from './retrieval.service';
import type { ChunkRow } from './search/search.repository';

function entry(id: string, documentId: string, title: string, text: string, corpus = 'national'): { row: ChunkRow } {
  return {
    row: { id, documentId, corpus, title, sourceUri: `${documentId}.md`, headingPath: [title], text, page: null, pageEnd: null, theme: null, validFrom: null, validTo: null, kind: 'document', lexemes: [], titleLexemes: [], terms: [] },
  };
}

describe('withoutDuplicateDocuments', () => {
  const text = 'Le temps partiel de droit est accordé pour élever un enfant de moins de trois ans.';

  it('should drop every passage of a same-titled document repeating a better-ranked one', () => {
    const kept = withoutDuplicateDocuments([
      entry('a1', 'A', 'Temps partiel de droit', text),
      entry('b1', 'B', 'Temps partiel de droit', `${text} `),
      entry('c1', 'C', 'Retraite', 'La limite d’âge dépend de la catégorie.'),
      entry('b2', 'B', 'Temps partiel de droit', 'Autre passage du même double.'),
      entry('a2', 'A', 'Temps partiel de droit', 'Suite du premier document.'),
    ]);
    expect(kept.map((item) => item.row.id)).toEqual(['a1', 'c1', 'a2']);
  });

  it('should keep same-titled documents whose texts differ, and the same text in another corpus', () => {
    const kept = withoutDuplicateDocuments([
      entry('a1', 'A', 'Note de service', text),
      entry('b1', 'B', 'Note de service', 'Les demandes de mutation sont saisies sur SIAM du 10 au 30 novembre.'),
      entry('l1', 'L', 'Note de service', text, 'lyon'),
    ]);
    expect(kept.map((item) => item.row.id)).toEqual(['a1', 'b1', 'l1']);
  });
});
