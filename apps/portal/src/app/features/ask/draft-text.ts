import { Draft } from '../../core/api.model';

/** A piece of a draft paragraph: plain text, or a citation of one or more numbered sources (`[1]`, `[2, 3]`). */
export type DraftSegment = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'cite'; readonly numbers: readonly number[] };

export interface DraftParagraph {
  readonly segments: readonly DraftSegment[];
}

/** Same form as the drafting library's citations: `[1]`, `[1, 2]`, `[1; 2]`. Placeholders (`[PERSONNE_1]`) do not match. */
const CITATION = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

/** The separator the drafts put before the AI-use mention. */
const NOTICE_SEPARATOR = /\n*-{3,}\s*$/;

/** The draft's text without its trailing AI-use mention (the page shows the mention apart). */
export function draftBody(draft: Pick<Draft, 'answer' | 'aiNotice'>): string {
  const answer = draft.answer.trimEnd();
  const notice = draft.aiNotice.trim();
  if (notice !== '' && answer.endsWith(notice)) {
    return answer.slice(0, answer.length - notice.length).replace(NOTICE_SEPARATOR, '').trimEnd();
  }
  return answer;
}

/** What "Copier le brouillon" puts on the clipboard: the draft with its AI-use mention, always. */
export function draftForClipboard(draft: Pick<Draft, 'answer' | 'aiNotice'>): string {
  const answer = draft.answer.trimEnd();
  const notice = draft.aiNotice.trim();
  if (notice === '' || answer.endsWith(notice)) return answer;
  return `${answer}\n\n---\n${notice}`;
}

/** Paragraphs (split on blank lines) cut into text and citations. */
export function toParagraphs(text: string): DraftParagraph[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => ({ segments: toSegments(paragraph) }));
}

export function toSegments(text: string): DraftSegment[] {
  const segments: DraftSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(CITATION)) {
    const start = match.index ?? 0;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'cite', numbers: (match[1] ?? '').split(/[,;]/).map((n) => Number(n.trim())) });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

// Validity dates are calendar days (`YYYY-MM-DD`): read and written in UTC so no time zone moves them.
const DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** « en vigueur depuis le 1 septembre 2025 », « du … au … », or null when the passage gives no date. */
export function validityLabel(validFrom: string | null, validTo: string | null): string | null {
  const from = formatDay(validFrom);
  const to = formatDay(validTo);
  if (from && to) return `Valable du ${from} au ${to}`;
  if (from) return `Valable depuis le ${from}`;
  if (to) return `Valable jusqu’au ${to}`;
  return null;
}

function formatDay(iso: string | null): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DAY.format(date);
}

/** A source address the page may link to: only http(s) URLs (not `file:` paths or internal identifiers). */
export function openableUri(uri: string | null | undefined): string | null {
  if (!uri) return null;
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
