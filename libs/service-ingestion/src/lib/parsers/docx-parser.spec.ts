import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type ParsedDocument } from './index';
import { buildDocx } from './testing/zip-fixtures';

const CORPUS = join(__dirname, '../../../../../../shared/corpus/docs');

async function parseCorpus(fileName: string): Promise<ParsedDocument> {
  return parseDocument({ bytes: new Uint8Array(readFileSync(join(CORPUS, fileName))), fileName });
}

describe('parseDocument (DOCX)', () => {
  it('should read a Word act: articles as headings, list items, date from the core properties', async () => {
    const act = await parseCorpus('barri_INTCAR0039_Prise_en_charge_integration_directe_T.docx');
    expect(act.format).toBe('docx');
    expect(act.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(act.metadata.modifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(act.blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(['Article 1er', 'Article 2', 'Article 3']);
    expect(act.blocks).toContainEqual({
      kind: 'paragraph',
      text: '[M. / Mme] [Nom] [Prénom], [Grade d’origine], [Xème échelon] est pris[e] en charge par voie d’intégration directe dans le corps des […], à compter du […].',
    });
    const list = act.blocks.find((block) => block.kind === 'list');
    expect(list?.text.split('\n').slice(0, 3)).toEqual(['- Grade : […]', '- Spécialité : […]', '- Echelon : […]']);
    // The template's core properties carry a title of their own: it wins over the file name.
    expect(act.title).toBe('REPUBLIQUE FRANCAISE');
  });

  it('should render a Word table whose first row is bold as a table with a header', async () => {
    const act = await parseCorpus('barri_INTCAR0032_Avancement_grade_et_classement_collectif_T.docx');
    const table = act.blocks.find((block) => block.kind === 'table');
    expect(table?.text).toMatch(/^Nom prénom \[Imputation budgétaire\] .*: \[…\] .* ; Situation nouvelle: Date d’effet : \[…\] Spécialité : \[…\]/);
    expect(table?.text.split('\n')).toHaveLength(1);
  });

  it('should read a minimal generated document', async () => {
    const document = await parseDocument({ bytes: buildDocx(['Premier paragraphe.', 'Second paragraphe.']), fileName: 'note.docx' });
    expect(document.blocks).toEqual([
      { kind: 'paragraph', text: 'Premier paragraphe.' },
      { kind: 'paragraph', text: 'Second paragraphe.' },
    ]);
  });

  it('should read the title of the core properties when there is one', async () => {
    const core =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Circulaire mobilité 2025</dc:title><dcterms:modified>2025-01-15T10:00:00Z</dcterms:modified></cp:coreProperties>';
    const document = await parseDocument({ bytes: buildDocx(['Texte.'], [{ name: 'docProps/core.xml', data: core }]), fileName: 'circulaire.docx' });
    expect(document.title).toBe('Circulaire mobilité 2025');
    expect(document.metadata.modifiedAt).toBe('2025-01-15');
  });
});
