import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ParseError, parseDocument, type ParsedDocument } from './index';

const CORPUS = join(__dirname, '../../../../../../shared/corpus/docs');

const EXPECTED_FORMAT: Readonly<Record<string, ParsedDocument['format']>> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.md': 'markdown',
  '.xml': 'xml',
};

/** What must hold for any block of any document, whatever its format. */
function blockProblems(fileName: string, document: ParsedDocument): string[] {
  const problems: string[] = [];
  if (document.blocks.length === 0) problems.push(`${fileName}: aucun bloc`);
  if (document.title.trim() === '') problems.push(`${fileName}: titre vide`);
  if (document.format !== EXPECTED_FORMAT[extname(fileName)]) problems.push(`${fileName}: format ${document.format}`);
  document.blocks.forEach((block, index) => {
    const where = `${fileName} bloc ${index}`;
    if (block.text.trim() === '') problems.push(`${where}: texte vide`);
    if (/[\u00AD\uFB00-\uFB06\uE000-\uF8FF\u00A0]| {2}|^ | $/mu.test(block.kind === 'list' ? block.text.replace(/^( {2})+/gm, '') : block.text)) {
      problems.push(`${where}: texte mal normalisé ${JSON.stringify(block.text.slice(0, 60))}`);
    }
    if (block.kind === 'heading' && (block.level === undefined || block.level < 1 || block.level > 6)) problems.push(`${where}: niveau ${block.level}`);
    if (block.kind !== 'heading' && block.level !== undefined) problems.push(`${where}: niveau hors titre`);
    if (block.kind === 'list' && !block.text.split('\n').every((line) => /^(?: {2})*- \S/.test(line))) problems.push(`${where}: liste mal rendue`);
    if ((document.format === 'pdf') !== (block.page !== undefined)) problems.push(`${where}: page ${block.page}`);
    if (block.page !== undefined && (block.page < 1 || block.page > (document.pages ?? 0))) problems.push(`${where}: page ${block.page} hors document`);
  });
  return problems;
}

describe('shared corpus', () => {
  it('should parse every document into readable blocks', async () => {
    const files = readdirSync(CORPUS).sort();
    const failures: string[] = [];
    const formats = new Map<string, number>();
    for (const fileName of files) {
      try {
        const document = await parseDocument({ bytes: new Uint8Array(readFileSync(join(CORPUS, fileName))), fileName });
        formats.set(document.format, (formats.get(document.format) ?? 0) + 1);
        failures.push(...blockProblems(fileName, document));
      } catch (error) {
        failures.push(`${fileName}: ${error instanceof ParseError ? `${error.code} ${error.message}` : String(error)}`);
      }
    }
    expect({ files: files.length, failures }).toEqual({ files: 283, failures: [] });
    expect(Object.fromEntries(formats)).toEqual({ markdown: 234, pdf: 41, xml: 5, docx: 3 });
  }, 60_000);
});
