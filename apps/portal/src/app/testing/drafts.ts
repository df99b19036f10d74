// Drafts as the gateway sends them, for specs (excluded from the app build).
import type { AskedDraft, DraftCitation } from '../core/api.model';

export const AI_NOTICE = 'Réponse préparée avec l’aide de MILEVA, outil d’intelligence artificielle, et vérifiée par le gestionnaire.';

export function citation(n: number, overrides: Partial<DraftCitation> = {}): DraftCitation {
  return {
    n,
    documentId: `doc-${n}`,
    title: `Document ${n}`,
    passage: `Passage cité numéro ${n}.`,
    headingPath: [],
    sourceUri: `https://www.example.gouv.fr/doc-${n}`,
    page: null,
    local: false,
    validFrom: null,
    validTo: null,
    ...overrides,
  };
}

export function askedDraft(overrides: Partial<AskedDraft> = {}): AskedDraft {
  return {
    v: 1,
    answer: `Bonjour,\n\nLe congé est accordé sur avis du conseil médical [1]. La demande se fait auprès du rectorat [2].\n\nCordialement,\n\n---\n${AI_NOTICE}`,
    answerable: true,
    citations: [
      citation(1, {
        title: 'Guide des congés de maladie',
        headingPath: ['Congé de longue maladie', 'Conditions'],
        page: 12,
        validFrom: '2025-09-01',
        passage: 'Le congé de longue maladie est accordé après avis du conseil médical.',
      }),
      citation(2, { title: 'Circulaire académique', local: true, sourceUri: 'corpus://lyon/circulaire.pdf' }),
    ],
    followUpQuestions: ['L’agent est-il titulaire ou contractuel ?'],
    relatedRights: [],
    unsupported: [],
    aiNotice: AI_NOTICE,
    provider: 'extractive',
    ms: 120,
    conversationId: 'conv-1',
    messageId: 'msg-1',
    degraded: [],
    ...overrides,
  };
}
