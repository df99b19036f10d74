import { splitSentences } from '@mileva/text-fr';
import { checkCitations } from './citations';
import { citeSentence, composeExtractive } from './extractive';
import {
  CLM_REFERENCES,
  LYON_CIRCUIT,
  MUTATION_REFUS,
  clmPassages,
  clmPassagesWithLocal,
  draftRequest,
  mutationPassages,
  tempsPartielPassages,
} from './passages.fixture';
import { FOLLOW_UP_HEADING, RELATED_RIGHTS_HEADING } from './prompt';
import { DEFAULT_CONTACT, toContact } from './replies';

/** The body sentences of a draft: what lies between the introduction and the first list section. */
function bodySentences(answer: string): string[] {
  const paragraphs = answer.split('\n\n');
  const end = paragraphs.findIndex((paragraph) => paragraph.startsWith(FOLLOW_UP_HEADING) || paragraph.startsWith(RELATED_RIGHTS_HEADING) || paragraph.startsWith('Je reste'));
  return paragraphs.slice(2, end).flatMap((paragraph) => splitSentences(paragraph.replace(/^Règle locale de l'[^:]+: /u, '')));
}

/** Lines of a section of the draft (`- …` items after its heading). */
function sectionItems(answer: string, heading: string): string[] {
  const section = answer.split('\n\n').find((paragraph) => paragraph.startsWith(heading));
  return section === undefined ? [] : section.split('\n').slice(1).map((line) => line.replace(/^- /, ''));
}

describe('composeExtractive', () => {
  const clmQuestion = "Quelle est la durée d'un CLM et comment l'agent est-il payé ?";

  it('should write a reply: salutation, introduction, cited body, closing', () => {
    const draft = composeExtractive(draftRequest(clmQuestion, clmPassages()));
    const paragraphs = draft.answer.split('\n\n');
    expect(paragraphs[0]).toBe('Bonjour,');
    expect(paragraphs[1]).toMatch(/^Voici les règles applicables/);
    expect(paragraphs[paragraphs.length - 1]).toBe('Cordialement,');
    expect(draft.answer).not.toMatch(/\*\*|\^|^#|\n>/m);
  });

  it('should answer the question with the sentences that carry the rule', () => {
    const draft = composeExtractive(draftRequest(clmQuestion, clmPassages()));
    expect(draft.answer).toContain('La durée du CLM est de 3 ans maximum [2].');
    expect(draft.answer).toContain('Vous êtes payé à plein traitement pendant la 1re année puis à demi-traitement les 2 années suivantes [1].');
    // The fiche repeats its summary; the draft says it once.
    expect(draft.answer).not.toContain('Le CLM peut durer 3 ans maximum');
  });

  it('should cite every body sentence with a passage it was taken from', () => {
    const passages = clmPassages();
    const draft = composeExtractive(draftRequest(clmQuestion, passages));
    const sentences = bodySentences(draft.answer);
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    expect(sentences.length).toBeLessThanOrEqual(8);
    for (const sentence of sentences) {
      const match = /^(.*) \[(\d+)\]([.!…])$/u.exec(sentence);
      expect(match).not.toBeNull();
      const cited = passages.find((passage) => passage.n === Number(match?.[2]));
      // The quoted words are the passage's words (layout aside).
      expect(cited?.text.replace(/\*\*|\^/g, '').replace(/\s+/g, ' ')).toContain(match?.[1]);
    }
    expect(checkCitations(draft.answer, passages)).toEqual({ unsupported: [], citations: draft.cited, allFailed: false });
  });

  it('should not quote any passage text without its citation', () => {
    const passages = clmPassages();
    const draft = composeExtractive(draftRequest(clmQuestion, passages));
    const uncited = draft.answer
      .split('\n')
      .flatMap((line) => splitSentences(line.replace(/^- /, '')))
      .filter((sentence) => !/\[\d+\][.!…]?$/u.test(sentence));
    for (const sentence of uncited) {
      for (const passage of passages) {
        expect(passage.text.replace(/\*\*|\^/g, '')).not.toContain(sentence.replace(/[.:]$/u, ''));
      }
    }
  });

  it('should group sentences by document, in passage order', () => {
    const draft = composeExtractive(draftRequest(clmQuestion, clmPassages()));
    const numbers = bodySentences(draft.answer).map((sentence) => Number(/\[(\d+)\]/.exec(sentence)?.[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // The congé de longue durée fiche (passage 4) comes in its own paragraph after the CLM one.
    const paragraphs = draft.answer.split('\n\n');
    const clm = paragraphs.findIndex((paragraph) => paragraph.includes('[2]'));
    const cld = paragraphs.findIndex((paragraph) => paragraph.includes('[4]'));
    expect(cld === -1 || cld > clm).toBe(true);
  });

  it('should leave out references, navigation and unrelated documents', () => {
    const draft = composeExtractive(draftRequest(clmQuestion, clmPassages()));
    expect(draft.answer).not.toContain('Décret n°86-442');
    expect(draft.answer).not.toContain(CLM_REFERENCES.slice(2, 40));
    expect(draft.answer).not.toContain(MUTATION_REFUS.slice(0, 40));
    expect(draft.cited).not.toContain(9);
    expect(draft.cited).not.toContain(10);
  });

  it('should report the cited passages in order of first citation', () => {
    const draft = composeExtractive(draftRequest(clmQuestion, clmPassages()));
    const order = [...new Set([...draft.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])))];
    expect(draft.cited).toEqual(order);
  });

  it('should signal the connected rights the question did not ask about, cited', () => {
    const draft = composeExtractive(draftRequest(clmQuestion, clmPassages()));
    const items = sectionItems(draft.answer, RELATED_RIGHTS_HEADING);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(3);
    expect(draft.relatedRights.map((right) => right.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('temps partiel thérapeutique'), expect.stringContaining('indemnité différentielle')]),
    );
    for (const right of draft.relatedRights) {
      expect(right.citations).toHaveLength(1);
      expect(items).toContain(citeSentence(right.text, right.citations[0] ?? 0));
    }
  });

  it('should not signal as related what the question asks about', () => {
    const draft = composeExtractive(draftRequest('Un agent peut-il reprendre en temps partiel thérapeutique après un CLM ?', clmPassages()));
    expect(draft.relatedRights.map((right) => right.text).join(' ')).not.toContain('temps partiel thérapeutique');
  });

  it('should ask the questions the quoted passages make conditional, and only those', () => {
    const draft = composeExtractive(draftRequest('Qui peut être placé en CLM ?', clmPassages()));
    expect(draft.followUpQuestions).toContain('Êtes-vous fonctionnaire titulaire ou stagiaire ?');
    expect(draft.followUpQuestions.length).toBeLessThanOrEqual(4);
    expect(sectionItems(draft.answer, FOLLOW_UP_HEADING)).toEqual(draft.followUpQuestions);
    // Nothing in these passages depends on a handicap or an age.
    expect(draft.followUpQuestions.join(' ')).not.toMatch(/RQTH|âge/);
  });

  it('should derive family and handicap questions from the priorities of a mutation', () => {
    const draft = composeExtractive(draftRequest('Quelles sont les priorités pour obtenir une mutation ?', mutationPassages()));
    expect(draft.followUpQuestions).toEqual(
      expect.arrayContaining([
        'Quelle est votre situation familiale (conjoint ou partenaire de PACS, nombre et âge des enfants à charge) ?',
        "Bénéficiez-vous d'une reconnaissance de la qualité de travailleur handicapé (RQTH) ou de l'obligation d'emploi ?",
      ]),
    );
    expect(draft.answer).toContain('séparé, pour des raisons professionnelles, de son époux(se)');
  });

  it('should not ask what the question already says', () => {
    const draft = composeExtractive(draftRequest('Temps partiel après une naissance : quelles quotités ?', tempsPartielPassages()));
    expect(draft.answer).toContain('Vous pouvez demander à travailler à temps partiel à 50 %, 60 %, 70 % ou 80 % d\'un temps plein [2].');
    expect(draft.followUpQuestions.join(' ')).not.toMatch(/quotité|situation familiale/);
    const known = composeExtractive(draftRequest('Qui peut être placé en CLM ?', clmPassages(), { statuts: ['stagiaire'] }));
    expect(known.followUpQuestions.join(' ')).not.toContain('titulaire');
  });

  it('should keep a list with the sentence announcing it', () => {
    const draft = composeExtractive(draftRequest('Après quels congés un temps partiel thérapeutique peut-il être accordé ?', clmPassages()));
    expect(draft.answer).toContain(
      'Un temps partiel thérapeutique peut être accordé à un fonctionnaire après un des congés suivants : congé de maladie ordinaire (CMO), congé de longue maladie (CLM), congé de longue durée (CLD), congé pour invalidité temporaire imputable au service (Citis) [5].',
    );
  });

  it("should keep the académie's passage when it matches, labelled as the local rule", () => {
    const draft = composeExtractive(draftRequest('Comment demander un congé de longue maladie ?', clmPassagesWithLocal()));
    expect(draft.answer).toContain("Règle locale de l'académie de Lyon : Dans l'académie de Lyon, la demande de congé de longue maladie est adressée");
    expect(draft.cited).toContain(8);
    expect(LYON_CIRCUIT).toContain('division des personnels enseignants');
  });

  it('should quote at most the number of sentences asked', () => {
    const draft = composeExtractive(draftRequest(clmQuestion, clmPassages()), { maxSentences: 3 });
    expect(bodySentences(draft.answer).length).toBeLessThanOrEqual(3);
  });

  describe('when the documents do not answer', () => {
    it('should say so and point to the académie contact when retrieval says unanswerable', () => {
      const draft = composeExtractive(
        draftRequest('Quel est le montant de la prime de vie chère à Mayotte ?', clmPassages(), {
          answerable: false,
          settings: { contact: 'la DPE, bureau des affaires générales (dpe@ac-lyon.fr)' },
        }),
      );
      expect(draft.answer).toContain('Les documents de référence dont nous disposons ne permettent pas de répondre à votre question');
      expect(draft.answer).toContain('la DPE, bureau des affaires générales (dpe@ac-lyon.fr)');
      expect(draft.answer).not.toMatch(/\[\d+\]/);
      expect(draft).toMatchObject({ cited: [], followUpQuestions: [], relatedRights: [] });
    });

    it('should use the default contact without passages', () => {
      const draft = composeExtractive(draftRequest('Quel est le montant de la prime de vie chère ?', []));
      expect(draft.answer).toContain(toContact(DEFAULT_CONTACT));
      expect(draft.answer.startsWith('Bonjour,')).toBe(true);
      expect(draft.answer.endsWith('Cordialement,')).toBe(true);
    });

    it('should say so when no sentence of the passages matches the question', () => {
      const draft = composeExtractive(draftRequest('Quel barème pour les indemnités kilométriques ?', mutationPassages()));
      expect(draft.cited).toEqual([]);
      expect(draft.answer).toContain(toContact(DEFAULT_CONTACT));
    });
  });
});

describe('citeSentence', () => {
  it('should put the citation before the final punctuation', () => {
    expect(citeSentence('Le CLM peut durer 3 ans maximum.', 1)).toBe('Le CLM peut durer 3 ans maximum [1].');
    expect(citeSentence('Le CLM peut durer 3 ans maximum', 2)).toBe('Le CLM peut durer 3 ans maximum [2].');
  });
});
