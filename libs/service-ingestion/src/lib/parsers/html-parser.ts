import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { BlockBuilder, type ListItem } from './block-builder';
import { cleanMetadataTitle, toIsoDate } from './document-naming';
import type { DocumentMetadata, FormatParseResult } from './parsed-document';
import { normalizeInline } from './text-normalizer';

/** Page chrome and non-text elements: never part of the document's text. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'svg', 'button',
  'select', 'input', 'textarea', 'object', 'embed', 'canvas', 'map', 'head', 'img', 'picture', 'video', 'audio',
  'meta', 'link', 'title', 'dialog',
]);
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'toolbar']);
const HEADINGS: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const PARAGRAPH_LIKE = new Set(['p', 'dt', 'dd', 'caption', 'figcaption', 'summary', 'legend', 'address', 'li']);
/** Elements whose content starts and ends a paragraph. */
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'section', 'article', 'main', 'body', 'html', 'blockquote', 'center', 'details', 'fieldset', 'figure',
  'address', 'dl', 'dt', 'dd', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'pre', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'figcaption', 'summary', 'legend', 'hgroup', 'menu',
]);

function isElement(node: AnyNode): node is Element {
  return node.nodeType === 1;
}

function isDropped(element: Element): boolean {
  if (DROPPED.has(element.name)) return true;
  const role = element.attribs['role'];
  if (role !== undefined && DROPPED_ROLES.has(role)) return true;
  return element.attribs['hidden'] !== undefined || element.attribs['aria-hidden'] === 'true';
}

/** Text of a subtree; `<br>` and block boundaries become `separator`, source whitespace one space. */
export function inlineText(node: AnyNode, separator = ' ', skip?: (element: Element) => boolean): string {
  if (node.nodeType === 3) return node.data.replace(/\s+/g, ' ');
  if (!isElement(node)) return '';
  if (isDropped(node) || skip?.(node)) return '';
  if (node.name === 'br') return separator;
  const inner = node.children.map((child) => inlineText(child, separator, skip)).join('');
  return BLOCK_ELEMENTS.has(node.name) ? `${separator}${inner}${separator}` : inner;
}

function isList(element: Element): boolean {
  return element.name === 'ul' || element.name === 'ol' || element.name === 'menu';
}

function collectListItems(list: Element, depth: number, items: ListItem[]): void {
  let number = Number(list.attribs['start'] ?? '1');
  if (!Number.isFinite(number)) number = 1;
  for (const child of list.children) {
    if (!isElement(child) || isDropped(child)) continue;
    if (child.name === 'li') {
      const text = normalizeInline(inlineText(child, ' ', isList));
      if (text !== '') items.push({ text: list.name === 'ol' ? `${number}. ${text}` : text, depth });
      number += 1;
      for (const nested of findNestedLists(child)) collectListItems(nested, text === '' ? depth : depth + 1, items);
    } else if (isList(child)) {
      collectListItems(child, depth + 1, items);
    }
  }
}

function findNestedLists(element: Element): Element[] {
  const lists: Element[] = [];
  for (const child of element.children) {
    if (!isElement(child) || isDropped(child)) continue;
    if (isList(child)) lists.push(child);
    else lists.push(...findNestedLists(child));
  }
  return lists;
}

function directRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') rows.push(...directRows(child));
  }
  return rows;
}

function cells(row: Element): Element[] {
  return row.children.filter((child): child is Element => isElement(child) && (child.name === 'td' || child.name === 'th'));
}

/** True when all the text of a cell sits inside bold elements (a header row written as bold cells). */
function isBoldCell(cell: Element): boolean {
  const visit = (node: AnyNode, bold: boolean): boolean => {
    if (node.nodeType === 3) return node.data.trim() === '' || bold;
    if (!isElement(node)) return true;
    const nowBold = bold || node.name === 'strong' || node.name === 'b' || node.name === 'th';
    return node.children.every((child) => visit(child, nowBold));
  };
  return normalizeInline(inlineText(cell)) !== '' && visit(cell, false);
}

/** Walks an HTML tree in document order and feeds the block builder. */
export class HtmlBlockWalker {
  private buffer = '';

  constructor(private readonly builder: BlockBuilder) {}

  walk(nodes: readonly AnyNode[]): void {
    for (const node of nodes) this.visit(node);
    this.flush();
  }

  private flush(): void {
    if (this.buffer.trim() !== '') this.builder.paragraph(this.buffer);
    this.buffer = '';
  }

  private visit(node: AnyNode): void {
    if (node.nodeType === 3) {
      this.buffer += node.data.replace(/\s+/g, ' ');
      return;
    }
    if (!isElement(node) || isDropped(node)) return;
    const name = node.name;
    const headingLevel = HEADINGS[name];
    if (headingLevel !== undefined) {
      this.flush();
      this.builder.heading(inlineText(node), headingLevel);
    } else if (name === 'br') {
      this.buffer += '\n';
    } else if (name === 'hr') {
      this.flush();
    } else if (isList(node)) {
      this.flush();
      const items: ListItem[] = [];
      collectListItems(node, 0, items);
      this.builder.list(items);
    } else if (name === 'table') {
      this.flush();
      this.table(node);
    } else if (name === 'pre') {
      this.flush();
      this.builder.paragraph(inlineText(node, '\n').replace(/ +/g, ' '));
    } else if (PARAGRAPH_LIKE.has(name) && !this.containsBlocks(node)) {
      this.flush();
      this.builder.paragraph(inlineText(node, '\n'));
    } else if (BLOCK_ELEMENTS.has(name)) {
      this.flush();
      for (const child of node.children) this.visit(child);
      this.flush();
    } else {
      for (const child of node.children) this.visit(child);
    }
  }

  private containsBlocks(element: Element): boolean {
    return element.children.some(
      (child) => isElement(child) && !isDropped(child) && (BLOCK_ELEMENTS.has(child.name) || this.containsBlocks(child)),
    );
  }

  private table(table: Element): void {
    const rows = directRows(table);
    const width = Math.max(0, ...rows.map((row) => cells(row).length));
    // A one-column or one-row table is layout, not data: read its cells as ordinary content.
    if (rows.length < 2 || width < 2) {
      for (const row of rows) for (const cell of cells(row)) this.walk(cell.children);
      return;
    }
    const caption = table.children.find((child): child is Element => isElement(child) && child.name === 'caption');
    if (caption) this.builder.paragraph(inlineText(caption));
    const first = rows[0];
    const firstCells = cells(first);
    const inHead = first.parent !== null && isElement(first.parent) && first.parent.name === 'thead';
    const hasHeader = inHead || firstCells.every((cell) => cell.name === 'th') || firstCells.every((cell) => isBoldCell(cell));
    const matrix = rows.map((row) => cells(row).map((cell) => inlineText(cell)));
    this.builder.table(matrix, hasHeader);
  }
}

function metaContent($: CheerioAPI, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = $(`meta[name="${name}" i], meta[property="${name}" i]`).first().attr('content');
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Reads the metadata an HTML page states in its head. */
function readHtmlMetadata($: CheerioAPI): { title?: string; metadata: DocumentMetadata } {
  const title = cleanMetadataTitle($('head > title').first().text() || metaContent($, ['og:title', 'dc.title', 'dcterms.title']));
  const modifiedAt = toIsoDate(
    metaContent($, ['dcterms.modified', 'dc.date.modified', 'article:modified_time', 'last-modified', 'dc.date', 'dcterms.date', 'date']),
  );
  const sourceUrl = $('link[rel="canonical"]').first().attr('href') ?? metaContent($, ['og:url']);
  const subject = metaContent($, ['dc.subject', 'subject', 'dcterms.subject']);
  return {
    title,
    metadata: {
      ...(modifiedAt ? { modifiedAt } : {}),
      ...(sourceUrl && /^https?:\/\//.test(sourceUrl) ? { sourceUrl } : {}),
      ...(subject ? { subject: normalizeInline(subject) } : {}),
    },
  };
}

/** Parses an HTML page: chrome dropped, headings, paragraphs, lists and tables kept. */
export function parseHtml(html: string): FormatParseResult {
  const $ = load(html);
  const { title, metadata } = readHtmlMetadata($);
  const builder = new BlockBuilder();
  const body = $('body').get(0);
  new HtmlBlockWalker(builder).walk(body ? body.children : $.root().contents().toArray());
  return { blocks: builder.build(), metadataTitle: title, metadata, warnings: [] };
}

/** Feeds a fragment of HTML (embedded in Markdown, produced from DOCX) to an existing builder. */
export function appendHtmlFragment(html: string, builder: BlockBuilder): void {
  const $ = load(html, null, false);
  new HtmlBlockWalker(builder).walk($.root().contents().toArray());
}
