import { BlockBuilder, type ListItem } from './block-builder';
import { cleanMetadataTitle, toIsoDate } from './document-naming';
import { appendHtmlFragment } from './html-parser';
import type { DocumentMetadata, FormatParseResult } from './parsed-document';
import { joinWrappedLines, normalizeInline } from './text-normalizer';

const BLANK = /^\s*$/;
const LINE_BREAK_ONLY = /^\s*(?:<br\s*\/?>\s*)+$/i;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_1 = /^ {0,3}=+[ \t]*$/;
const SETEXT_2 = /^ {0,3}-+[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([-*+•]|\d{1,3}[.)])(?:[ \t]+(.*))?$/;
/** Collapsible blocks of static-site generators: "??? Question", "!!! note "Titre"". */
const ADMONITION = /^ {0,3}(?:\?{3}\+?|!{3})[ \t]+(.+)$/;
/** Closing or grouping markers of those blocks: "???", "????", "????accordionsgroup". */
const ADMONITION_MARKER = /^ {0,3}\?{3,4}[ \t]*[\w-]*[ \t]*$/;
const BLOCKQUOTE = /^ {0,3}>/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML_BLOCK = /^ {0,3}<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/;
const HTML_BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'center', 'details', 'dialog', 'div', 'dl', 'fieldset',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'iframe', 'main', 'nav',
  'ol', 'p', 'pre', 'script', 'section', 'style', 'summary', 'table', 'ul', 'img', 'figcaption', 'section',
]);
/** HTML blocks that may hold blank lines: read up to their closing tag. */
const HTML_CONTAINERS = new Set(['nav', 'div', 'table', 'ul', 'ol', 'details', 'section', 'article', 'aside', 'script', 'style', 'pre', 'dl', 'blockquote', 'figure', 'form', 'header', 'footer', 'main']);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë',
  agrave: 'à', acirc: 'â', ccedil: 'ç', icirc: 'î', iuml: 'ï', ocirc: 'ô', ouml: 'ö', ugrave: 'ù', ucirc: 'û', uuml: 'ü',
  Eacute: 'É', Egrave: 'È', Ecirc: 'Ê', Agrave: 'À', Ccedil: 'Ç', oelig: 'œ', OElig: 'Œ', laquo: '«', raquo: '»',
  rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…', ndash: '–', mdash: '—', euro: '€', deg: '°', sect: '§',
  middot: '·', bull: '•', shy: '\u00AD', thinsp: '\u2009', nnbsp: '\u202F',
};

/** Decodes the HTML entities a Markdown text may hold ("&nbsp;", "&eacute;", "&#8217;"). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return safeCodePoint(parseInt(body.slice(2), 16)) ?? entity;
    if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10)) ?? entity;
    return NAMED_ENTITIES[body] ?? entity;
  });
}

function safeCodePoint(value: number): string | undefined {
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : undefined;
}

/**
 * Removes inline Markdown markup and keeps the words: links keep their text, images are dropped,
 * emphasis, code and strike-through markers go, inline HTML tags go, escapes and entities are decoded.
 */
export function stripInlineMarkdown(text: string): string {
  const escapes: string[] = [];
  let result = text.replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, (_match, character: string) => {
    escapes.push(character);
    return `\uE000${escapes.length - 1}\uE001`;
  });
  result = result
    .replace(/!\[[^\]]*\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, '')
    .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '')
    .replace(/`([^`]+)`/g, '$1');
  for (let pass = 0; pass < 2; pass += 1) {
    result = result
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(?<![\p{L}\p{N}*])\*(?=\S)([\s\S]*?\S)\*(?![\p{L}\p{N}*])/gu, '$1')
      .replace(/(?<![\p{L}\p{N}_])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}_])/gu, '$1')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1');
  }
  result = result.replace(/\uE000(\d+)\uE001/g, (_match, index: string) => escapes[Number(index)] ?? '');
  return decodeEntities(result);
}

function indentWidth(whitespace: string): number {
  let width = 0;
  for (const character of whitespace) width += character === '\t' ? 4 : 1;
  return width;
}

function splitTableRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => stripInlineMarkdown(cell.replace(/\\\|/g, '|')));
}

interface FrontMatter {
  readonly fields: ReadonlyMap<string, string>;
  readonly body: string;
}

/** Reads a YAML-ish front matter ("---" … "---"): top-level "key: value" pairs only. */
export function readFrontMatter(text: string): FrontMatter {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { fields: new Map(), body: text };
  const fields = new Map<string, string>();
  for (const line of match[1].split('\n')) {
    const pair = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!pair) continue;
    const value = pair[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    if (value !== '') fields.set(pair[1].toLowerCase(), value);
  }
  return { fields, body: text.slice(match[0].length) };
}

function metadataFromFrontMatter(fields: ReadonlyMap<string, string>): { title?: string; metadata: DocumentMetadata } {
  const pick = (...keys: string[]): string | undefined => keys.map((key) => fields.get(key)).find((value) => value !== undefined);
  const modifiedAt = toIsoDate(pick('modified', 'lastmod', 'last_modified', 'updated', 'date_modification', 'date'));
  const sourceUrl = pick('source_url', 'sourceurl', 'source', 'url', 'canonical', 'canonical_url');
  const subject = pick('subject', 'sujet', 'theme', 'thème', 'category', 'categorie');
  return {
    title: cleanMetadataTitle(pick('title', 'titre')),
    metadata: {
      ...(modifiedAt ? { modifiedAt } : {}),
      ...(sourceUrl && /^https?:\/\//.test(sourceUrl) ? { sourceUrl } : {}),
      ...(subject ? { subject: normalizeInline(subject) } : {}),
    },
  };
}

/** Parses Markdown line by line into blocks (CommonMark subset plus the habits of the corpus). */
class MarkdownBlockParser {
  /** Level of the last Markdown heading; collapsible blocks sit one level below. */
  private sectionLevel = 0;
  private seenContent = false;
  sourceUrl?: string;
  modifiedAt?: string;

  constructor(private readonly builder: BlockBuilder) {}

  parse(lines: readonly string[]): void {
    let index = 0;
    let paragraph: string[] = [];
    const flush = (): void => {
      if (paragraph.length > 0) this.paragraph(paragraph);
      paragraph = [];
    };
    while (index < lines.length) {
      const line = lines[index];
      if (BLANK.test(line) || LINE_BREAK_ONLY.test(line)) {
        flush();
        index += 1;
        continue;
      }
      if (paragraph.length > 0 && (SETEXT_1.test(line) || SETEXT_2.test(line))) {
        const level = SETEXT_1.test(line) ? 1 : 2;
        this.heading(paragraph.join(' '), level);
        paragraph = [];
        index += 1;
        continue;
      }
      const atx = ATX_HEADING.exec(line);
      if (atx) {
        flush();
        this.heading(atx[2] ?? '', atx[1].length);
        index += 1;
        continue;
      }
      if (FENCE.test(line)) {
        flush();
        index = this.fencedCode(lines, index);
        continue;
      }
      if (ADMONITION_MARKER.test(line)) {
        flush();
        index += 1;
        continue;
      }
      const admonition = ADMONITION.exec(line);
      if (admonition) {
        flush();
        const title = /^[\w-]+[ \t]+"(.+)"$/.exec(admonition[1])?.[1] ?? admonition[1];
        this.builder.heading(stripInlineMarkdown(title), Math.min(6, this.sectionLevel + 1));
        index += 1;
        continue;
      }
      if (THEMATIC_BREAK.test(line)) {
        flush();
        index += 1;
        continue;
      }
      if (BLOCKQUOTE.test(line)) {
        flush();
        index = this.blockquote(lines, index);
        continue;
      }
      const html = HTML_BLOCK.exec(line);
      if ((html && HTML_BLOCK_TAGS.has(html[1].toLowerCase())) || /^ {0,3}<!--/.test(line)) {
        flush();
        index = this.htmlBlock(lines, index, html?.[1].toLowerCase());
        continue;
      }
      const next = lines[index + 1];
      if (line.includes('|') && next !== undefined && TABLE_DELIMITER.test(next) && next.includes('-')) {
        flush();
        index = this.table(lines, index);
        continue;
      }
      const item = LIST_ITEM.exec(line);
      if (item && item[3] !== undefined && (paragraph.length === 0 || !/^\d/.test(item[2]) || /^1[.)]/.test(item[2]))) {
        flush();
        index = this.list(lines, index);
        continue;
      }
      paragraph.push(line);
      index += 1;
    }
    flush();
  }

  private heading(raw: string, level: number): void {
    this.sectionLevel = level;
    this.builder.heading(stripInlineMarkdown(raw), level);
  }

  private paragraph(lines: readonly string[]): void {
    this.builder.paragraphLines(stripInlineMarkdown(lines.join('\n')).split('\n'));
    this.seenContent = true;
  }

  private fencedCode(lines: readonly string[], start: number): number {
    const fence = FENCE.exec(lines[start])?.[1] ?? '```';
    const code: string[] = [];
    let index = start + 1;
    while (index < lines.length && !lines[index].trim().startsWith(fence)) {
      code.push(lines[index]);
      index += 1;
    }
    this.builder.paragraph(code.join('\n'));
    this.seenContent = true;
    return Math.min(lines.length, index + 1);
  }

  private blockquote(lines: readonly string[], start: number): number {
    const inner: string[] = [];
    let index = start;
    while (index < lines.length) {
      const line = lines[index];
      if (BLOCKQUOTE.test(line)) inner.push(line.replace(/^ {0,3}> ?/, ''));
      else if (!BLANK.test(line) && inner.length > 0 && !BLANK.test(inner[inner.length - 1])) inner.push(line);
      else break;
      index += 1;
    }
    this.parse(inner);
    this.seenContent = true;
    return index;
  }

  private htmlBlock(lines: readonly string[], start: number, tag: string | undefined): number {
    const collected: string[] = [];
    let index = start;
    if (tag === undefined) {
      // Comment: skipped up to its end.
      while (index < lines.length && !lines[index].includes('-->')) index += 1;
      return Math.min(lines.length, index + 1);
    }
    if (HTML_CONTAINERS.has(tag)) {
      let depth = 0;
      const open = new RegExp(`<${tag}(?=[\\s/>])`, 'gi');
      const close = new RegExp(`</${tag}\\s*>`, 'gi');
      do {
        const line = lines[index];
        collected.push(line);
        depth += (line.match(open) ?? []).length - (line.match(close) ?? []).length;
        index += 1;
      } while (index < lines.length && depth > 0);
    } else {
      while (index < lines.length && !BLANK.test(lines[index])) {
        collected.push(lines[index]);
        index += 1;
      }
    }
    appendHtmlFragment(collected.join('\n'), this.builder);
    return index;
  }

  private table(lines: readonly string[], start: number): number {
    const rows: string[][] = [splitTableRow(lines[start])];
    let index = start + 2;
    while (index < lines.length && lines[index].includes('|') && !BLANK.test(lines[index])) {
      rows.push(splitTableRow(lines[index]));
      index += 1;
    }
    this.builder.table(rows, true);
    this.seenContent = true;
    return index;
  }

  private list(lines: readonly string[], start: number): number {
    const items: { lines: string[]; depth: number }[] = [];
    const indents: number[] = [];
    let index = start;
    while (index < lines.length) {
      const line = lines[index];
      const item = LIST_ITEM.exec(line);
      if (item && item[3] !== undefined) {
        const indent = indentWidth(item[1]);
        if (indents.length === 0 || indent > indents[indents.length - 1] + 1) indents.push(indent);
        else while (indents.length > 1 && indent < indents[indents.length - 1] - 1) indents.pop();
        const marker = /^\d/.test(item[2]) ? `${item[2].slice(0, -1)}. ` : '';
        items.push({ lines: [marker + item[3]], depth: indents.length - 1 });
        index += 1;
        continue;
      }
      if (BLANK.test(line)) {
        let next = index + 1;
        while (next < lines.length && BLANK.test(lines[next])) next += 1;
        const following = lines[next];
        if (following !== undefined && LIST_ITEM.test(following) && LIST_ITEM.exec(following)?.[3] !== undefined) {
          index = next;
          continue;
        }
        if (following !== undefined && items.length > 0 && indentWidth(/^[ \t]*/.exec(following)?.[0] ?? '') >= 2) {
          items[items.length - 1].lines.push(following);
          index = next + 1;
          continue;
        }
        break;
      }
      const startsBlock =
        ATX_HEADING.test(line) || FENCE.test(line) || BLOCKQUOTE.test(line) || ADMONITION.test(line) || ADMONITION_MARKER.test(line) || HTML_BLOCK.test(line);
      if (items.length === 0 || startsBlock || LINE_BREAK_ONLY.test(line)) break;
      items[items.length - 1].lines.push(line);
      index += 1;
    }
    const listItems: ListItem[] = items.map((item) => ({
      text: joinWrappedLines(stripInlineMarkdown(item.lines.map((line) => line.trim()).join('\n')).split('\n')),
      depth: item.depth,
    }));
    if (!this.seenContent) this.readHeaderList(listItems);
    this.builder.list(listItems);
    this.seenContent = true;
    return index;
  }

  /** The first list of a converted fiche states its source and date ("Source : https://…", "Date : modified 2019-10-22"). */
  private readHeaderList(items: readonly ListItem[]): void {
    for (const item of items) {
      const source = /^(?:source|url|adresse)\s*:\s*(https?:\/\/\S+)/i.exec(item.text);
      if (source && this.sourceUrl === undefined) this.sourceUrl = source[1].replace(/[),.;]+$/, '');
      const date = /^(?:date|mise à jour|modifié le|dernière modification)\s*:\s*(.+)$/i.exec(item.text);
      if (date && this.modifiedAt === undefined) this.modifiedAt = toIsoDate(date[1]);
    }
  }
}

/** Parses Markdown: front matter into metadata, headings, paragraphs, lists, pipe tables, embedded HTML. */
export function parseMarkdown(source: string): FormatParseResult {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { fields, body } = readFrontMatter(text);
  const fromFrontMatter = metadataFromFrontMatter(fields);
  const builder = new BlockBuilder();
  const parser = new MarkdownBlockParser(builder);
  parser.parse(body.split('\n'));
  const metadata: DocumentMetadata = {
    ...(parser.modifiedAt ? { modifiedAt: parser.modifiedAt } : {}),
    ...(parser.sourceUrl ? { sourceUrl: parser.sourceUrl } : {}),
    ...fromFrontMatter.metadata,
  };
  return { blocks: builder.build(), metadataTitle: fromFrontMatter.title, metadata, warnings: [] };
}
