import { detectExcludedUse } from './excluded-use';
import { composeExtractive } from './extractive';
import { finishDraft, refusalDraft } from './finish';
import { clmPassages, draftRequest } from './passages.fixture';
import { DEFAULT_AI_NOTICE, aiNotice } from './replies';

describe('aiNotice', () => {
  it('should give the French default, or the académie wording', () => {
    expect(aiNotice()).toBe(DEFAULT_AI_NOTICE);
    expect(DEFAULT_AI_NOTICE).toContain("intelligence artificielle");
    expect(aiNotice({ aiNotice: '  Réponse préparée avec MILEVA (IA), vérifiée par le rectorat de Lyon.  ' })).toBe('Réponse préparée avec MILEVA (IA), vérifiée par le rectorat de Lyon.');
    expect(aiNotice({ aiNotice: ' ' })).toBe(DEFAULT_AI_NOTICE);
  });
});

describe('finishDraft', () => {
  const question = "Quelle est la durée d'un CLM et comment l'agent est-il payé ?";

  it('should append the AI-use mention and build the citations of the cited passages', () => {
    const request = draftRequest(question, clmPassages());
    const extractive = composeExtractive(request);
    const draft = finishDraft({ request, answer: extractive.answer, followUpQuestions: extractive.followUpQuestions, relatedRights: extractive.relatedRights, provider: 'extractive', ms: 4 });
    expect(draft.answer.startsWith(extractive.answer)).toBe(true);
    expect(draft.answer.endsWith(DEFAULT_AI_NOTICE)).toBe(true);
    expect(draft.aiNotice).toBe(DEFAULT_AI_NOTICE);
    expect(draft.answerable).toBe(true);
    expect(draft.citations.map((citation) => citation.n)).toEqual(extractive.cited);
    expect(draft.citations[0]).toEqual({
      n: 1,
      documentId: 'doc-f18089',
      title: "Congé de longue maladie (CLM) d'un fonctionnaire",
      passage: clmPassages()[0]?.text,
      headingPath: ["Congé de longue maladie (CLM) d'un fonctionnaire"],
      sourceUri: 'https://www.service-public.fr/particuliers/vosdroits/F18089',
      page: null,
      local: false,
      validFrom: null,
      validTo: null,
    });
    expect(draft).toMatchObject({ v: 1, provider: 'extractive', ms: 4, unsupported: [], followUpQuestions: extractive.followUpQuestions, relatedRights: extractive.relatedRights });
  });

  it('should flag unsupported sentences of a model draft and keep the rest', () => {
    const request = draftRequest(question, clmPassages());
    const answer = 'Bonjour,\n\nLe CLM peut durer 3 ans maximum [1]. Vous avez droit à une prime de fin de congé de 500 euros [2].\n\nCordialement,';
    const draft = finishDraft({ request, answer, provider: 'openai', model: 'mistral-small', ms: 900, usage: { inputTokens: 1200, outputTokens: 80 } });
    expect(draft.unsupported).toEqual(['Vous avez droit à une prime de fin de congé de 500 euros [2].']);
    expect(draft.answerable).toBe(true);
    expect(draft.citations.map((citation) => citation.n)).toEqual([1, 2]);
    expect(draft).toMatchObject({ model: 'mistral-small', usage: { inputTokens: 1200, outputTokens: 80 } });
  });

  it('should downgrade to "not in the documents" when every citation fails', () => {
    const request = draftRequest(question, clmPassages(), { settings: { contact: 'la DPE de Lyon' } });
    const draft = finishDraft({ request, answer: 'Bonjour,\n\nLe CLM dure 10 ans et ouvre droit à un voyage [7].\n\nCordialement,', relatedRights: [{ text: 'x', citations: [1] }], provider: 'anthropic', ms: 1 });
    expect(draft.answerable).toBe(false);
    expect(draft.answer).toContain('ne permettent pas de répondre');
    expect(draft.answer).toContain('la DPE de Lyon');
    expect(draft.answer).not.toContain('10 ans');
    expect(draft).toMatchObject({ citations: [], relatedRights: [], followUpQuestions: [], unsupported: ['Le CLM dure 10 ans et ouvre droit à un voyage [7].'] });
    expect(draft.answer.endsWith(DEFAULT_AI_NOTICE)).toBe(true);
  });

  it('should keep the "not in the documents" reply of an unanswerable request', () => {
    const request = draftRequest('Montant de la prime de vie chère ?', [], { answerable: false });
    const extractive = composeExtractive(request);
    const draft = finishDraft({ request, answer: extractive.answer, provider: 'extractive', ms: 1, fallback: { from: 'openai', reason: 'timeout' } });
    expect(draft.answer.startsWith(extractive.answer)).toBe(true);
    expect(draft).toMatchObject({ answerable: false, citations: [], fallback: { from: 'openai', reason: 'timeout' } });
  });

  it('should drop related rights that cite no provided passage', () => {
    const request = draftRequest(question, clmPassages());
    const draft = finishDraft({
      request,
      answer: 'La durée du CLM est de 3 ans maximum [2].',
      relatedRights: [
        { text: 'Un temps partiel thérapeutique peut être accordé après un CLM.', citations: [5] },
        { text: 'Autre.', citations: [40] },
      ],
      provider: 'openai',
      ms: 1,
    });
    expect(draft.relatedRights).toEqual([{ text: 'Un temps partiel thérapeutique peut être accordé après un CLM.', citations: [5] }]);
  });
});

describe('refusalDraft', () => {
  it('should carry the explanation, the refusal and the AI-use mention only', () => {
    const request = draftRequest('Que penses-tu de ce candidat ?', []);
    const excluded = detectExcludedUse(request.question);
    if (excluded === null) throw new Error('expected a refusal');
    const draft = refusalDraft(request, excluded, { provider: 'extractive', ms: 0 });
    expect(draft).toMatchObject({ refusal: 'excluded-use', answerable: false, citations: [], followUpQuestions: [] });
    expect(draft.answer.startsWith(excluded.message)).toBe(true);
    expect(draft.answer.endsWith(DEFAULT_AI_NOTICE)).toBe(true);
  });
});
