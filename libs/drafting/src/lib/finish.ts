/**
 * The last step of every draft, whoever wrote it: citations checked, citations built from the
 * passages, a draft whose citations all fail downgraded to "not in the documents", and the
 * AI-use mention appended.
 */
import {
  GENERATION_CONTRACT_VERSION,
  type Draft,
  type DraftCitation,
  type DraftPassage,
  type DraftRequest,
  type ProviderKind,
  type RelatedRight,
  type TokenUsage,
} from '@mileva/contracts';
import { checkCitations } from './citations';
import type { ExcludedUse } from './excluded-use';
import { aiNotice, notInDocumentsReply, withAiNotice } from './replies';

export interface FinishDraftInput {
  readonly request: DraftRequest;
  /** The reply as the provider wrote it, with its `[n]` citations and without the AI-use mention. */
  readonly answer: string;
  readonly followUpQuestions?: readonly string[];
  readonly relatedRights?: readonly RelatedRight[];
  readonly provider: ProviderKind;
  readonly model?: string;
  readonly fallback?: { readonly from: ProviderKind; readonly reason: string };
  readonly usage?: TokenUsage;
  readonly ms: number;
}

/** The citation of a passage as the sources panel shows it. */
export function citationOf(passage: DraftPassage): DraftCitation {
  return {
    n: passage.n,
    documentId: passage.documentId,
    title: passage.title,
    passage: passage.text,
    headingPath: passage.headingPath,
    sourceUri: passage.sourceUri,
    page: passage.page,
    local: passage.local,
    validFrom: passage.validFrom,
    validTo: passage.validTo,
  };
}

/**
 * Finishes a draft: checks its citations against the request's passages, flags the unsupported
 * sentences, builds the citations of the passages it cites, keeps the related rights whose
 * citations point to provided passages, and appends the académie's AI-use mention. A draft of an
 * answerable request whose citations all fail becomes the "not in the documents" reply.
 */
export function finishDraft(input: FinishDraftInput): Draft {
  const { request } = input;
  const notice = aiNotice(request.settings);
  const check = checkCitations(input.answer, request.passages);
  const optional = {
    ...(input.model === undefined ? {} : { model: input.model }),
    ...(input.fallback === undefined ? {} : { fallback: input.fallback }),
    ...(input.usage === undefined ? {} : { usage: input.usage }),
  };
  const answerable = request.answerable && !check.allFailed;
  if (!answerable) {
    // Retrieval said the documents do not answer, or nothing the draft cites supports it.
    const answer = request.answerable ? notInDocumentsReply(request.settings) : input.answer;
    return {
      v: GENERATION_CONTRACT_VERSION,
      answer: withAiNotice(answer, notice),
      answerable: false,
      citations: [],
      followUpQuestions: [],
      relatedRights: [],
      unsupported: check.unsupported,
      aiNotice: notice,
      provider: input.provider,
      ...optional,
      ms: input.ms,
    };
  }
  const byNumber = new Map(request.passages.map((passage) => [passage.n, passage]));
  const citations = check.citations.flatMap((n) => {
    const passage = byNumber.get(n);
    return passage === undefined ? [] : [citationOf(passage)];
  });
  return {
    v: GENERATION_CONTRACT_VERSION,
    answer: withAiNotice(input.answer, notice),
    answerable: true,
    citations,
    followUpQuestions: [...(input.followUpQuestions ?? [])],
    relatedRights: (input.relatedRights ?? []).filter((right) => right.citations.length > 0 && right.citations.every((n) => byNumber.has(n))),
    unsupported: check.unsupported,
    aiNotice: notice,
    provider: input.provider,
    ...optional,
    ms: input.ms,
  };
}

/** The draft of a refused request (an excluded use): the explanation and the AI-use mention, nothing else. */
export function refusalDraft(request: DraftRequest, excluded: ExcludedUse, meta: { readonly provider: ProviderKind; readonly ms: number }): Draft {
  const notice = aiNotice(request.settings);
  return {
    v: GENERATION_CONTRACT_VERSION,
    answer: withAiNotice(excluded.message, notice),
    answerable: false,
    citations: [],
    followUpQuestions: [],
    relatedRights: [],
    unsupported: [],
    aiNotice: notice,
    provider: meta.provider,
    refusal: 'excluded-use',
    ms: meta.ms,
  };
}
