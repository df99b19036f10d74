import { baseName, fileExtension, titleFromFileName } from './document-naming';
import { inspectZip, parseDocx, zipDocumentKind } from './docx-parser';
import {
  describeExpected,
  describeSignature,
  extensionForSignature,
  FORMAT_BY_EXTENSION,
  isBlank,
  sniffContent,
  type ContentSignature,
} from './format-detection';
import { parseHtml } from './html-parser';
import { isArticleHeading } from './legal-headings';
import { parseMarkdown } from './markdown-parser';
import { ParseError, parseErrors } from './parse-error';
import {
  DEFAULT_PARSE_LIMITS,
  MIME_TYPES,
  type DocumentFormat,
  type FormatParseResult,
  type ParsedDocument,
  type ParseLimits,
} from './parsed-document';
import { parsePdf } from './pdf-parser';
import { decodeText } from './text-decoding';
import { parsePlainText } from './text-parser';
import { isXhtml, parseXml } from './xml-parser';

type ActualContent = ContentSignature | 'docx' | 'odt' | 'xlsx' | 'pptx';

/** Signatures a text-based format (HTML, Markdown, text, XML) can never have. */
const BINARY_SIGNATURES: ReadonlySet<ContentSignature> = new Set(['pdf', 'zip', 'ole', 'png', 'jpeg', 'gif', 'tiff', 'binary']);

function mismatchHint(actual: ActualContent): string {
  const extension = extensionForSignature(actual);
  if (extension) return `Vérifiez l'extension : renommez-le en ${extension} si c'est bien ce document, ou déposez le bon fichier.`;
  switch (actual) {
    case 'ole':
      return "Vérifiez l'extension : s'il s'agit d'un ancien document Word (.doc), enregistrez-le au format .docx ou exportez-le en PDF.";
    case 'png':
    case 'jpeg':
    case 'gif':
    case 'tiff':
      return "Vérifiez l'extension : MILEVA ne lit pas les images (pas de reconnaissance de caractères). Fournissez le document d'origine en PDF texte ou en .docx.";
    case 'odt':
    case 'rtf':
      return "Vérifiez l'extension : enregistrez ce document au format .docx, ou exportez-le en PDF.";
    case 'xlsx':
    case 'pptx':
      return "Vérifiez l'extension : exportez ce document en PDF.";
    case 'markup':
      return "Vérifiez l'extension : renommez-le en .html ou .xml selon son contenu, ou déposez le bon fichier.";
    default:
      return "Vérifiez l'extension ou déposez le bon fichier.";
  }
}

function mismatch(fileName: string, expected: DocumentFormat, actual: ActualContent): ParseError {
  return parseErrors.extensionMismatch(fileName, describeExpected(expected), describeSignature(actual), mismatchHint(actual));
}

function decodeNonEmpty(bytes: Uint8Array, fileName: string): { text: string; warnings: readonly string[] } {
  const decoded = decodeText(bytes, fileName);
  if (decoded.text.trim() === '') throw parseErrors.emptyFile(fileName);
  return decoded;
}

async function parseByFormat(
  bytes: Uint8Array,
  fileName: string,
  expected: DocumentFormat,
  limits: ParseLimits,
): Promise<{ format: DocumentFormat; result: FormatParseResult }> {
  const signature = sniffContent(bytes);
  if (expected === 'pdf') {
    if (signature !== 'pdf') throw mismatch(fileName, expected, signature === 'zip' ? zipKind(bytes, fileName, limits) : signature);
    return { format: 'pdf', result: await parsePdf(bytes, fileName) };
  }
  if (expected === 'docx') {
    if (signature !== 'zip') throw mismatch(fileName, expected, signature);
    const entries = inspectZip(bytes, fileName, limits);
    const kind = zipDocumentKind(entries, bytes);
    if (kind !== 'docx' && kind !== 'zip') throw mismatch(fileName, expected, kind);
    return { format: 'docx', result: await parseDocx(bytes, fileName, entries) };
  }
  if (BINARY_SIGNATURES.has(signature) || signature === 'rtf') {
    throw mismatch(fileName, expected, signature === 'zip' ? zipKind(bytes, fileName, limits) : signature);
  }
  const { text, warnings } = decodeNonEmpty(bytes, fileName);
  const withWarnings = (result: FormatParseResult): FormatParseResult => ({ ...result, warnings: [...warnings, ...result.warnings] });
  switch (expected) {
    case 'html':
      return { format: 'html', result: withWarnings(parseHtml(text)) };
    case 'markdown':
      return { format: 'markdown', result: withWarnings(parseMarkdown(text)) };
    case 'text':
      return { format: 'text', result: withWarnings(parsePlainText(text)) };
    case 'xml':
      if (!text.trimStart().startsWith('<')) throw mismatch(fileName, expected, 'text');
      if (isXhtml(text)) return { format: 'html', result: withWarnings(parseHtml(text)) };
      return { format: 'xml', result: withWarnings(parseXml(text)) };
  }
}

/** Names what a zip actually holds, for a mismatch message; a zip bomb is refused on the spot. */
function zipKind(bytes: Uint8Array, fileName: string, limits: ParseLimits): ActualContent {
  try {
    return zipDocumentKind(inspectZip(bytes, fileName, limits), bytes);
  } catch (error) {
    if (error instanceof ParseError && error.code === 'ZIP_BOMB') throw error;
    return 'zip';
  }
}

/**
 * Parses an uploaded document into readable blocks. Checks come first and cost nothing: size, then
 * extension, then emptiness, then the content's signature against the extension; only then is the
 * file parsed. Every failure is a {@link ParseError} with a French message saying what to do.
 */
export async function parseDocument(
  input: { readonly bytes: Uint8Array; readonly fileName: string },
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<ParsedDocument> {
  const fileName = baseName(input.fileName).trim() || 'document';
  const { bytes } = input;
  if (bytes.length > limits.maxBytes) throw parseErrors.fileTooLarge(fileName, bytes.length, limits.maxBytes);
  const extension = fileExtension(fileName);
  const expected = FORMAT_BY_EXTENSION[extension];
  if (expected === undefined) throw parseErrors.unsupportedFormat(fileName, extension);
  if (bytes.length === 0 || isBlank(bytes)) throw parseErrors.emptyFile(fileName);

  let parsed: { format: DocumentFormat; result: FormatParseResult };
  try {
    parsed = await parseByFormat(bytes, fileName, expected, limits);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw parseErrors.corruptFile(fileName, 'lecture impossible', error);
  }
  const { format, result } = parsed;
  if (result.blocks.length === 0) {
    throw format === 'pdf' ? parseErrors.noTextLayer(fileName) : parseErrors.noReadableText(fileName);
  }
  const firstTitle = result.blocks.find((block) => block.kind === 'heading' && block.level === 1 && !isArticleHeading(block.text))?.text;
  return {
    title: result.metadataTitle ?? firstTitle ?? titleFromFileName(fileName),
    format,
    mimeType: MIME_TYPES[format],
    blocks: result.blocks,
    ...(result.pages === undefined ? {} : { pages: result.pages }),
    metadata: result.metadata,
    warnings: [...new Set(result.warnings)],
  };
}
