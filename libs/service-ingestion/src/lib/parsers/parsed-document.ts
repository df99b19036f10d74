/** Kinds of block a parsed document is made of. */
export type BlockKind = 'heading' | 'paragraph' | 'list' | 'table';

/** One readable unit of a document: what a citation shown to a gestionnaire is made of. */
export interface ParsedBlock {
  readonly kind: BlockKind;
  /**
   * Readable, normalized text. Lists: one "- item" per line (nested items indented by two spaces).
   * Tables: one line per row, "Header: value ; Header: value" when the table has a header row,
   * otherwise cells joined by " | ".
   */
  readonly text: string;
  /**
   * Heading level 1..6 (headings only). Numbered legal articles ("Article L. 822-1", "Article 34",
   * "Art. R. 911-2") are headings too, one level below the current section.
   */
  readonly level?: number;
  /** 1-based page, for paginated formats (PDF). */
  readonly page?: number;
}

export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'text' | 'xml';

export interface DocumentMetadata {
  /** ISO calendar date (YYYY-MM-DD) when the document states one (XML/Markdown front matter, PDF info). */
  readonly modifiedAt?: string;
  readonly sourceUrl?: string;
  readonly subject?: string;
}

export interface ParsedDocument {
  /** Document metadata title, else first level-1 heading, else a cleaned-up file name. */
  readonly title: string;
  readonly format: DocumentFormat;
  readonly mimeType: string;
  readonly blocks: readonly ParsedBlock[];
  /** Number of pages (PDF only). */
  readonly pages?: number;
  readonly metadata: DocumentMetadata;
  /** What was done to the text that a reader should know about, in French. */
  readonly warnings: readonly string[];
}

/** Guards applied before and while parsing an uploaded file. */
export interface ParseLimits {
  /** Largest accepted file, in bytes. */
  readonly maxBytes: number;
  /** Largest total uncompressed size of an archive (DOCX), in bytes. */
  readonly maxUncompressedBytes: number;
  /** Largest accepted ratio between uncompressed and compressed sizes of an archive. */
  readonly maxCompressionRatio: number;
}

const MEGABYTE = 1024 * 1024;

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxBytes: 50 * MEGABYTE,
  maxUncompressedBytes: 200 * MEGABYTE,
  maxCompressionRatio: 100,
};

/** File extensions `parseDocument` accepts, lowercase with the leading dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.pdf', '.docx', '.html', '.htm', '.md', '.markdown', '.txt', '.xml'];

export const MIME_TYPES: Readonly<Record<DocumentFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
  xml: 'application/xml',
};

/** What a format parser returns; `parseDocument` adds the title fallback, format and MIME type. */
export interface FormatParseResult {
  readonly blocks: readonly ParsedBlock[];
  /** Title stated by the document itself (metadata, `<title>`, front matter), if any. */
  readonly metadataTitle?: string;
  readonly metadata: DocumentMetadata;
  readonly warnings: readonly string[];
  readonly pages?: number;
}
