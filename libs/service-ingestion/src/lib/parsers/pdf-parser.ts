import { getDocumentProxy } from 'unpdf';
import { cleanMetadataTitle, toIsoDate } from './document-naming';
import { parseErrors } from './parse-error';
import type { DocumentMetadata, FormatParseResult } from './parsed-document';
import { layoutPdfPages, type PdfPageContent, type PdfTextItem } from './pdf-layout';
import { normalizeInline } from './text-normalizer';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** A document needs at least one page with this many visible characters, or it is a scan. */
const MIN_TEXT_PAGE_CHARACTERS = 20;
/** A page with fewer visible characters is reported as blank or scanned. */
const MIN_EMPTY_PAGE_CHARACTERS = 5;

/** Above this many pages, fonts are not resolved (bold detection) to keep parsing fast. */
const MAX_PAGES_FOR_FONT_NAMES = 300;

/**
 * pdf.js options for a server: no worker download, no network, no font or CMap fetching, no eval,
 * no image decoding (text only), quiet.
 */
const OFFLINE_OPTIONS = {
  useWorkerFetch: false,
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  disableAutoFetch: true,
  disableStream: true,
  stopAtErrors: false,
  maxImageSize: 1,
  isOffscreenCanvasSupported: false,
  enableXfa: false,
  verbosity: 0,
} as const;

const BOLD_FONT_NAME = /bold|black|heavy|semibold|demibold|demi|[-,]bd\b|extrabold/i;

/** Name of an error thrown by pdf.js (compared by name: its classes may come from another realm). */
function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const { name } = error as { name?: unknown };
  return typeof name === 'string' ? name : '';
}

function isFontLike(value: unknown): value is { name?: unknown; bold?: unknown; black?: unknown } {
  return typeof value === 'object' && value !== null;
}

/** Bold flag of each font of a page, known once its operator list was built. */
async function resolveBoldFonts(page: PdfPage, fontNames: ReadonlySet<string>, enabled: boolean): Promise<Map<string, boolean>> {
  const bold = new Map<string, boolean>();
  if (!enabled || fontNames.size === 0) return bold;
  try {
    await page.getOperatorList();
  } catch {
    return bold;
  }
  for (const fontName of fontNames) {
    if (!page.commonObjs.has(fontName)) continue;
    const font: unknown = page.commonObjs.get(fontName);
    if (!isFontLike(font)) continue;
    const name = typeof font.name === 'string' ? font.name : '';
    bold.set(fontName, font.bold === true || font.black === true || BOLD_FONT_NAME.test(name));
  }
  return bold;
}

async function readPage(pdf: PdfDocument, pageNumber: number): Promise<PdfPageContent> {
  const page = await pdf.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    const [, bottom, , top] = page.view;
    const raw: { str: string; transform: number[]; width: number; fontName: string }[] = [];
    for (const item of content.items) {
      if ('str' in item && item.str !== '') raw.push({ str: item.str, transform: item.transform as number[], width: item.width, fontName: item.fontName });
    }
    const fontNames = new Set(raw.map((item) => item.fontName));
    const bold = await resolveBoldFonts(page, fontNames, pdf.numPages <= MAX_PAGES_FOR_FONT_NAMES);
    const items: PdfTextItem[] = raw.map((item) => {
      const [, , c, d, e, f] = item.transform;
      return {
        str: item.str,
        x: e,
        y: f - bottom,
        width: item.width,
        fontSize: Math.hypot(c, d) || 1,
        bold: bold.get(item.fontName) ?? false,
      };
    });
    return { pageNumber, height: top - bottom, items };
  } finally {
    page.cleanup();
  }
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

async function readMetadata(pdf: PdfDocument): Promise<{ title?: string; metadata: DocumentMetadata }> {
  try {
    const { info, metadata } = await pdf.getMetadata();
    const record: Record<string, unknown> = typeof info === 'object' && info !== null ? { ...info } : {};
    const xmp = (name: string): string | undefined => {
      const value: unknown = metadata?.get(name);
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
    };
    const title = cleanMetadataTitle(xmp('dc:title') ?? stringField(record, 'Title'));
    const modifiedAt =
      toIsoDate(xmp('xmp:modifydate')) ?? toIsoDate(stringField(record, 'ModDate')) ?? toIsoDate(stringField(record, 'CreationDate'));
    const subject = stringField(record, 'Subject');
    return {
      title,
      metadata: {
        ...(modifiedAt ? { modifiedAt } : {}),
        ...(subject ? { subject: normalizeInline(subject) } : {}),
      },
    };
  } catch {
    return { metadata: {} };
  }
}

async function openPdf(bytes: Uint8Array, fileName: string): Promise<PdfDocument> {
  try {
    // pdf.js may take ownership of the buffer it is given: hand it a copy.
    return await getDocumentProxy(bytes.slice(), { ...OFFLINE_OPTIONS });
  } catch (error) {
    if (errorName(error) === 'PasswordException') throw parseErrors.encryptedPdf(fileName, error);
    throw parseErrors.corruptFile(fileName, 'structure PDF invalide', error);
  }
}

function describePages(pages: readonly number[]): string {
  const shown = pages.slice(0, 10).join(', ');
  return pages.length > 10 ? `${shown}…` : shown;
}

/** Parses a PDF with pdf.js, page by page, keeping page numbers on blocks. */
export async function parsePdf(bytes: Uint8Array, fileName: string): Promise<FormatParseResult> {
  const pdf = await openPdf(bytes, fileName);
  try {
    const pages: PdfPageContent[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
      try {
        pages.push(await readPage(pdf, pageNumber));
      } catch (error) {
        if (errorName(error) === 'PasswordException') throw parseErrors.encryptedPdf(fileName, error);
        throw parseErrors.corruptFile(fileName, `page ${pageNumber} illisible`, error);
      }
    }
    const layout = layoutPdfPages(pages);
    const hasText = layout.pageCharacters.some((characters) => characters >= MIN_TEXT_PAGE_CHARACTERS);
    if (!hasText || layout.blocks.length === 0) throw parseErrors.noTextLayer(fileName);
    const warnings = [...layout.warnings];
    const emptyPages = layout.pageCharacters.flatMap((characters, index) => (characters < MIN_EMPTY_PAGE_CHARACTERS ? [pages[index].pageNumber] : []));
    if (emptyPages.length > 0) {
      const count = emptyPages.length;
      warnings.push(
        `${count} ${count > 1 ? 'pages sans texte ignorées' : 'page sans texte ignorée'} (page blanche ou numérisée ?) : ${describePages(emptyPages)}`,
      );
    }
    const { title, metadata } = await readMetadata(pdf);
    return { blocks: layout.blocks, metadataTitle: title, metadata, warnings, pages: pdf.numPages };
  } finally {
    await pdf.loadingTask.destroy();
  }
}
