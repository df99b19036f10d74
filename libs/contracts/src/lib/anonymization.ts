/** Version of the anonymization payloads. */
export const ANONYMIZATION_CONTRACT_VERSION = 1 as const;

/** Irreversible pseudonymization of texts that will be stored (previous answers, comments). */
export interface PseudonymizeRequest {
  readonly v: typeof ANONYMIZATION_CONTRACT_VERSION;
  /** Texts of one record: placeholders are numbered consistently across them. */
  readonly texts: readonly string[];
}

export interface PseudonymizeResponse {
  readonly v: typeof ANONYMIZATION_CONTRACT_VERSION;
  readonly texts: readonly string[];
  /** Number of entities masked, by type (no values). */
  readonly entities: Readonly<Record<string, number>>;
}
