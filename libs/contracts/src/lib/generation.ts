import type { SearchHit } from './retrieval';

/** Version of the generation payloads. */
export const GENERATION_CONTRACT_VERSION = 1 as const;

/** Who writes the draft: a model server, or the embedded extractive composer (no model). */
export type ProviderKind = 'openai' | 'anthropic' | 'extractive';

/** A passage given to generation, numbered as the draft cites it (`[1]`, `[2]`…). */
export interface DraftPassage extends SearchHit {
  readonly n: number;
}

/** What an académie sets for its drafts (defaults apply when absent). */
export interface AcademieDraftSettings {
  /** Extra instructions of the académie's experts for model providers (versioned by the gateway). */
  readonly instructions?: string;
  readonly instructionsVersion?: number;
  /** Who the gestionnaire points the agent to when the documents do not answer. */
  readonly contact?: string;
  /** Wording of the AI-use mention appended to every draft. */
  readonly aiNotice?: string;
}

/** Asks for a draft (sent on `mileva.generation.draft`). Every text is already pseudonymized. */
export interface DraftRequest {
  readonly v: typeof GENERATION_CONTRACT_VERSION;
  readonly question: string;
  readonly academie: string;
  readonly passages: readonly DraftPassage[];
  /** Retrieval's verdict: when false, the draft says the documents do not answer. */
  readonly answerable: boolean;
  readonly settings?: AcademieDraftSettings;
  /** Statuts recognised in the question (titulaire, contractuel…), for the follow-up questions. */
  readonly statuts?: readonly string[];
}

/** A citation of the draft: the passage it points to, and whether the sentences citing it are supported by it. */
export interface DraftCitation {
  readonly n: number;
  readonly documentId: string;
  readonly title: string;
  /** The passage text (or its start), as shown in the sources panel. */
  readonly passage: string;
  readonly headingPath: readonly string[];
  readonly sourceUri: string;
  readonly page: number | null;
  readonly local: boolean;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

/** A connected right the passages mention and the question did not ask about ("À signaler aussi"). */
export interface RelatedRight {
  readonly text: string;
  readonly citations: readonly number[];
}

export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Estimated cost in euros when the provider's prices are configured. */
  readonly costEur?: number;
}

/** Why no draft was written from the passages. */
export type DraftRefusal = 'excluded-use';

export interface Draft {
  readonly v: typeof GENERATION_CONTRACT_VERSION;
  /** The reply to send, in French, with `[n]` citations, the "À signaler aussi" list and the AI-use mention. */
  readonly answer: string;
  /** False when the documents do not answer (retrieval's verdict, or every citation failed the check). */
  readonly answerable: boolean;
  readonly citations: readonly DraftCitation[];
  /** Questions to ask the agent to know which rule applies. */
  readonly followUpQuestions: readonly string[];
  readonly relatedRights: readonly RelatedRight[];
  /** Sentences whose citations do not support them (flagged to the gestionnaire). */
  readonly unsupported: readonly string[];
  readonly aiNotice: string;
  readonly provider: ProviderKind;
  readonly model?: string;
  /** Set when the configured provider failed and the extractive composer wrote the draft instead. */
  readonly fallback?: { readonly from: ProviderKind; readonly reason: string };
  readonly refusal?: DraftRefusal;
  readonly usage?: TokenUsage;
  readonly ms: number;
}

/** Events of a streamed draft: tokens as the provider sends them, then the checked draft. */
export type DraftEvent =
  | { readonly type: 'token'; readonly text: string }
  | { readonly type: 'draft'; readonly draft: Draft }
  | { readonly type: 'error'; readonly code: string; readonly message: string };
