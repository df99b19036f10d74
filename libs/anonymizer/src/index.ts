export * from './lib/entities';
export * from './lib/checksums';
export { detect, nameKeys, DEFAULT_MIN_CONFIDENCE, type DetectOptions } from './lib/detect';
export { FIRST_NAMES, isKnownFirstName } from './lib/lexicon/first-names';
export { pseudonymize, reidentify, valueKey, PseudonymizationSession, type PseudonymMapping, type PseudonymizeOptions, type PseudonymizedText, type PseudonymizedTexts } from './lib/pseudonymize';
