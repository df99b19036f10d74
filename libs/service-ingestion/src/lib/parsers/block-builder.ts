import { matchArticleHeading, splitAtArticles } from './legal-headings';
import type { ParsedBlock } from './parsed-document';
import { hasWordCharacter, joinWrappedLines, normalizeInline } from './text-normalizer';

/** One item of a list, with its nesting depth (0 for top-level items). */
export interface ListItem {
  readonly text: string;
  readonly depth: number;
}

/** Renders list items as "- item" lines, nested items indented by two spaces per level. */
export function renderList(items: readonly ListItem[]): string {
  const lines: string[] = [];
  let previousDepth = -1;
  for (const item of items) {
    const text = normalizeInline(item.text);
    if (text === '') continue;
    // A nested item never jumps more than one level below its parent.
    const depth = Math.max(0, Math.min(item.depth, previousDepth + 1));
    lines.push(`${'  '.repeat(depth)}- ${text}`);
    previousDepth = depth;
  }
  return lines.join('\n');
}

/**
 * Renders table rows, one line per row: "Header: value ; Header: value" when the first row is a
 * header, otherwise cells joined by " | ". Empty cells and empty rows are left out.
 */
export function renderTable(rows: readonly (readonly string[])[], hasHeader: boolean): string {
  const cleanRows = rows.map((row) => row.map((cell) => normalizeInline(cell))).filter((row) => row.some((cell) => cell !== ''));
  if (cleanRows.length === 0) return '';
  const [first, ...rest] = cleanRows;
  if (!hasHeader || rest.length === 0 || first.every((cell) => cell === '')) {
    return cleanRows.map((row) => row.filter((cell) => cell !== '').join(' | ')).join('\n');
  }
  return rest
    .map((row) =>
      row
        .map((cell, index) => {
          if (cell === '') return '';
          const header = first[index] ?? '';
          return header === '' || header === cell ? cell : `${header}: ${cell}`;
        })
        .filter((cell) => cell !== '')
        .join(' ; '),
    )
    .join('\n');
}

/**
 * Collects blocks in reading order and keeps heading levels consistent: a legal article becomes a
 * heading one level below the last section heading, wherever it is found.
 */
export class BlockBuilder {
  private readonly blocks: ParsedBlock[] = [];
  /** Level of the last heading that is not an article; 0 before the first one. */
  private sectionLevel = 0;

  /** Adds a heading; an article reference ("Article 34") is re-levelled below the current section. */
  heading(text: string, level: number, page?: number): void {
    const clean = normalizeInline(text);
    if (!hasWordCharacter(clean)) return;
    const article = matchArticleHeading(clean);
    if (article) {
      this.article(article.heading, page);
      if (article.rest !== '') this.push({ kind: 'paragraph', text: article.rest, page });
      return;
    }
    const bounded = Math.max(1, Math.min(6, Math.round(level)));
    this.sectionLevel = bounded;
    this.push({ kind: 'heading', text: clean, level: bounded, page });
  }

  /** Adds an article heading one level below the current section. */
  article(text: string, page?: number): void {
    const clean = normalizeInline(text);
    if (clean === '') return;
    this.push({ kind: 'heading', text: clean, level: Math.min(6, this.sectionLevel + 1), page });
  }

  /** Adds a paragraph; one that opens with an article reference is split into the heading and its text. */
  paragraph(text: string, page?: number): void {
    const lines = text.split('\n').map((line) => normalizeInline(line)).filter((line) => line !== '');
    if (lines.length === 0) return;
    const article = matchArticleHeading(lines[0]);
    if (article) {
      // "Article 4 : conditions d'emploi" alone on its line: the words after the number are its title.
      const isTitle = lines.length === 1 && article.rest.length <= 100 && !/[.;,:!?…\]]$/u.test(article.rest) && article.rest !== '';
      this.article(isTitle ? `${article.heading} : ${article.rest}` : article.heading, page);
      lines[0] = isTitle ? '' : article.rest;
    }
    const body = lines.filter((line) => line !== '').join('\n');
    if (hasWordCharacter(body)) this.push({ kind: 'paragraph', text: body, page });
  }

  /**
   * Adds the wrapped lines of one or more paragraphs: each line opening an article starts a new one,
   * its heading on its own ("Article 2" / "La demande…" → heading, paragraph).
   */
  paragraphLines(lines: readonly string[], page?: number): void {
    for (const segment of splitAtArticles(lines.map((line) => line.trim()).filter((line) => line !== ''))) {
      const article = matchArticleHeading(segment[0]);
      if (article && segment.length > 1) {
        this.article(article.heading, page);
        this.paragraph(joinWrappedLines([article.rest, ...segment.slice(1)]), page);
      } else {
        this.paragraph(joinWrappedLines(segment), page);
      }
    }
  }

  list(items: readonly ListItem[], page?: number): void {
    const text = renderList(items);
    if (hasWordCharacter(text)) this.push({ kind: 'list', text, page });
  }

  table(rows: readonly (readonly string[])[], hasHeader: boolean, page?: number): void {
    const text = renderTable(rows, hasHeader);
    if (hasWordCharacter(text)) this.push({ kind: 'table', text, page });
  }

  build(): ParsedBlock[] {
    return [...this.blocks];
  }

  private push(block: { kind: ParsedBlock['kind']; text: string; level?: number; page?: number }): void {
    const entry: ParsedBlock = {
      kind: block.kind,
      text: block.text,
      ...(block.level === undefined ? {} : { level: block.level }),
      ...(block.page === undefined ? {} : { page: block.page }),
    };
    this.blocks.push(entry);
  }
}
