import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { BlockBuilder, type ListItem } from './block-builder';
import { cleanMetadataTitle, toIsoDate } from './document-naming';
import { inlineText } from './html-parser';
import type { DocumentMetadata, FormatParseResult } from './parsed-document';
import { normalizeInline } from './text-normalizer';

function isElement(node: AnyNode): node is Element {
  return node.nodeType === 1;
}

function childElements(element: Element): Element[] {
  return element.children.filter(isElement);
}

function child(element: Element, name: string): Element | undefined {
  return childElements(element).find((candidate) => localName(candidate) === name);
}

/** Element name without its namespace prefix ("dc:title" → "title"). */
function localName(element: Element): string {
  const name = element.name;
  return name.slice(name.indexOf(':') + 1);
}

/** Text of a subtree, whitespace collapsed; sibling paragraphs separated by a space. */
function textOf(node: AnyNode | undefined): string {
  if (!node) return '';
  const parts: string[] = [];
  const visit = (current: AnyNode): void => {
    if (current.nodeType === 3 || current.nodeType === 4) {
      parts.push(current.nodeType === 3 ? current.data : current.children.map((inner) => ('data' in inner ? inner.data : '')).join(''));
      return;
    }
    if (!isElement(current)) return;
    const block = /^(?:Paragraphe|Item|Cellule|Titre|p|div|br|li|alinea|al)$/i.test(localName(current));
    if (block) parts.push(' ');
    current.children.forEach(visit);
    if (block) parts.push(' ');
  };
  visit(node);
  return normalizeInline(parts.join(''));
}

// ---------------------------------------------------------------------------------------------
// DILA "vosdroits" publications (service-public.fr fiches)

/** Parts of a fiche that are navigation, not content. */
const DILA_SKIPPED = new Set([
  'SurTitre', 'Audience', 'Canal', 'FilDAriane', 'Theme', 'SousThemePere', 'DossierPere', 'SousDossierPere', 'Definition',
  'Abreviation', 'VoirAussi', 'RechercheGuidee', 'PourEnSavoirPlus', 'ServiceEnLigne', 'OuSAdresser', 'Partenaire',
  'LienWeb', 'CommentFaireSi', 'InformationComplementaire', 'Montant', 'Actualite', 'Reference', 'QuestionReponse',
  'Source', 'Titre',
]);
/** Containers whose title opens a section one level deeper. */
const DILA_SECTIONS = new Set(['Situation', 'Chapitre', 'SousChapitre', 'Cas']);
/** Notes rendered as one paragraph led by their label ("À noter : …"). */
const DILA_NOTES = new Set(['ANoter', 'ASavoir', 'Attention', 'Avertissement']);

class DilaWalker {
  constructor(private readonly builder: BlockBuilder) {}

  publication(root: Element): void {
    const title = textOf(child(root, 'title'));
    if (title) this.builder.heading(title, 1);
    const description = textOf(child(root, 'description'));
    if (description) this.builder.paragraph(description);
    for (const element of childElements(root)) {
      if (element.name.includes(':')) continue;
      this.visit(element, 2);
    }
    this.references(root);
    this.questions(root);
  }

  private visit(element: Element, level: number): void {
    const name = localName(element);
    if (DILA_SKIPPED.has(name)) return;
    if (DILA_SECTIONS.has(name)) {
      const title = textOf(child(element, 'Titre'));
      if (title) this.builder.heading(title, level);
      for (const inner of childElements(element)) this.visit(inner, title ? level + 1 : level);
      return;
    }
    if (DILA_NOTES.has(name)) {
      const title = textOf(child(element, 'Titre'));
      const label = name === 'Avertissement' ? `Avertissement${title ? ` (${title})` : ''}` : title || 'À noter';
      const body = childElements(element)
        .filter((inner) => localName(inner) !== 'Titre')
        .map((inner) => textOf(inner))
        .join(' ');
      this.builder.paragraph(`${label} : ${body}`);
      return;
    }
    switch (name) {
      case 'Paragraphe':
        this.builder.paragraph(textOf(element));
        return;
      case 'Liste': {
        const items: ListItem[] = [];
        this.listItems(element, 0, items);
        this.builder.list(items);
        return;
      }
      case 'Tableau':
        this.table(element);
        return;
      default:
        if (childElements(element).length === 0) {
          const text = textOf(element);
          if (text) this.builder.paragraph(text);
          return;
        }
        for (const inner of childElements(element)) this.visit(inner, level);
    }
  }

  private listItems(list: Element, depth: number, items: ListItem[]): void {
    const numbered = list.attribs['type'] === 'numero';
    let number = 1;
    for (const item of childElements(list)) {
      if (localName(item) !== 'Item') continue;
      const text = childElements(item)
        .filter((inner) => localName(inner) !== 'Liste')
        .map((inner) => textOf(inner))
        .join(' ');
      items.push({ text: numbered ? `${number}. ${text}` : text, depth });
      number += 1;
      for (const nested of childElements(item)) if (localName(nested) === 'Liste') this.listItems(nested, depth + 1, items);
    }
  }

  private table(table: Element): void {
    const caption = textOf(child(table, 'Titre'));
    if (caption) this.builder.paragraph(caption);
    const rows = childElements(table).filter((row) => localName(row) === 'Rangée');
    const hasHeader = rows[0]?.attribs['type'] === 'header';
    const matrix = rows.map((row) => childElements(row).filter((cell) => localName(cell) === 'Cellule').map((cell) => textOf(cell)));
    this.builder.table(matrix, hasHeader);
  }

  private references(root: Element): void {
    const references = childElements(root).filter((element) => localName(element) === 'Reference');
    if (references.length === 0) return;
    this.builder.heading('Textes de référence', 2);
    this.builder.list(
      references.map((reference) => {
        const title = textOf(child(reference, 'Titre'));
        const complement = textOf(child(reference, 'Complement'));
        return { text: complement ? `${title} (${complement})` : title, depth: 0 };
      }),
    );
  }

  private questions(root: Element): void {
    const questions = childElements(root).filter((element) => localName(element) === 'QuestionReponse');
    if (questions.length === 0) return;
    this.builder.heading('Questions ? Réponses !', 2);
    this.builder.list(questions.map((question) => ({ text: textOf(question), depth: 0 })));
  }
}

// ---------------------------------------------------------------------------------------------
// Any other XML (Légifrance-style articles, unknown vocabularies)

const GENERIC_SKIPPED = /^(?:meta|contexte|meta_[\w]+|liens?|versions?|id|cid|nature|etat|origine|url|mcs_txt|nota_?ref|signataires?|tm_?ref|dc:.*|head|script|style)$/i;
const GENERIC_TITLES = /^(?:titre|title|titre_txt|titre_tm|titre_ta|titre_section|intitule|heading|head[1-6]|h[1-6]|caption)$/i;
const GENERIC_ARTICLES = /^(?:article|art)$/i;
const GENERIC_LISTS = /^(?:liste|list|ul|ol)$/i;

class GenericXmlWalker {
  constructor(private readonly builder: BlockBuilder) {}

  walk(element: Element, level: number): void {
    const name = element.name;
    if (GENERIC_SKIPPED.test(name) || GENERIC_SKIPPED.test(localName(element))) return;
    if (GENERIC_TITLES.test(localName(element))) {
      this.builder.heading(textOf(element), level);
      return;
    }
    if (GENERIC_ARTICLES.test(localName(element))) {
      this.article(element);
      return;
    }
    if (GENERIC_LISTS.test(localName(element)) && childElements(element).length > 0) {
      this.builder.list(childElements(element).map((item) => ({ text: textOf(item), depth: 0 })));
      return;
    }
    if (this.hasOwnText(element)) {
      this.builder.paragraph(inlineText(element, '\n'));
      return;
    }
    const elements = childElements(element);
    const titled = elements.some((inner) => GENERIC_TITLES.test(localName(inner)));
    for (const inner of elements) {
      const innerIsTitle = GENERIC_TITLES.test(localName(inner));
      this.walk(inner, titled && !innerIsTitle ? level + 1 : level);
    }
  }

  private article(element: Element): void {
    const number = element.attribs['num'] ?? element.attribs['NUM'] ?? this.findText(element, /^num$/i);
    this.builder.article(number ? `Article ${number}` : 'Article');
    for (const inner of childElements(element)) {
      if (/^num$/i.test(localName(inner))) continue;
      this.walk(inner, 6);
    }
  }

  private findText(element: Element, name: RegExp): string | undefined {
    for (const inner of childElements(element)) {
      if (name.test(localName(inner))) return textOf(inner) || undefined;
      const found = this.findText(inner, name);
      if (found) return found;
    }
    return undefined;
  }

  private hasOwnText(element: Element): boolean {
    return element.children.some((inner) => (inner.nodeType === 3 || inner.nodeType === 4) && textOf(inner) !== '');
  }
}

function firstText(root: Element, pattern: RegExp): string | undefined {
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const current = stack.shift();
    if (!current) break;
    if (pattern.test(current.name)) {
      const text = textOf(current);
      if (text) return text;
    }
    stack.push(...childElements(current));
  }
  return undefined;
}

function readXmlMetadata(root: Element): { title?: string; metadata: DocumentMetadata } {
  const title = cleanMetadataTitle(firstText(root, /^(?:dc:title|dcterms:title|titre_txt|title|titre)$/i));
  const modifiedAt =
    toIsoDate(root.attribs['date'] ?? root.attribs['dateModification']) ??
    toIsoDate(firstText(root, /^(?:dcterms:modified|dc:date|date_modif|date_maj|lastmod|modified|date_debut|date)$/i));
  const sourceUrl = root.attribs['spUrl'] ?? root.attribs['url'] ?? firstText(root, /^(?:dc:identifier|url|link)$/i);
  const subject = firstText(root, /^(?:dc:subject|subject|sujet)$/i);
  return {
    title,
    metadata: {
      ...(modifiedAt ? { modifiedAt } : {}),
      ...(sourceUrl && /^https?:\/\//.test(sourceUrl) ? { sourceUrl } : {}),
      ...(subject ? { subject } : {}),
    },
  };
}

/** Parses XML: DILA fiches mapped element by element, any other vocabulary read from its text elements. */
export function parseXml(source: string): FormatParseResult {
  const $ = load(source, { xml: true });
  const root = $.root().children().toArray().find(isElement);
  const builder = new BlockBuilder();
  if (!root) return { blocks: [], metadata: {}, warnings: [] };
  if (root.name === 'Publication' || child(root, 'title')?.name === 'dc:title') {
    new DilaWalker(builder).publication(root);
  } else {
    new GenericXmlWalker(builder).walk(root, 1);
  }
  const { title, metadata } = readXmlMetadata(root);
  return { blocks: builder.build(), metadataTitle: title, metadata, warnings: [] };
}

/** True when the XML's root element is an HTML document (XHTML saved as .xml). */
export function isXhtml(source: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+html[^>]*>\s*)?<html[\s>]/i.test(source);
}
