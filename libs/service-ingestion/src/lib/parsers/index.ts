export type { BlockKind, DocumentFormat, DocumentMetadata, ParsedBlock, ParsedDocument, ParseLimits } from './parsed-document';
export { DEFAULT_PARSE_LIMITS, SUPPORTED_EXTENSIONS } from './parsed-document';
export type { ParseErrorCode } from './parse-error';
export { ParseError } from './parse-error';
export { parseDocument } from './parse-document';
