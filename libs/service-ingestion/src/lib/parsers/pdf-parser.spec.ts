import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type ParsedDocument } from './index';
import { buildTextPdf, type FixtureLine } from './testing/pdf-fixtures';

const CORPUS = join(__dirname, '../../../../../../shared/corpus/docs');

async function parseCorpusPdf(fileName: string): Promise<ParsedDocument> {
  return parseDocument({ bytes: new Uint8Array(readFileSync(join(CORPUS, fileName))), fileName });
}

function headings(document: ParsedDocument): { text: string; level?: number; page?: number }[] {
  return document.blocks.filter((block) => block.kind === 'heading').map(({ text, level, page }) => ({ text, level, page }));
}

describe('parseDocument (PDF)', () => {
  describe('guide de rédaction des actes (slides exported to PDF)', () => {
    let guide: ParsedDocument;

    beforeAll(async () => {
      guide = await parseCorpusPdf('barri_Guide_de_redaction_des_actes_23.10.00.pdf');
    });

    it('should take the title and the date from the PDF metadata', () => {
      expect(guide.title).toBe('Guide de rédaction des actes 23.10.00');
      expect(guide.format).toBe('pdf');
      expect(guide.mimeType).toBe('application/pdf');
      expect(guide.pages).toBe(12);
      expect(guide.metadata.modifiedAt).toBe('2024-01-26');
    });

    it('should put a page number on every block, in reading order', () => {
      const pages = guide.blocks.map((block) => block.page ?? 0);
      expect(pages.every((page) => page >= 1 && page <= 12)).toBe(true);
      expect(pages).toEqual([...pages].sort((a, b) => a - b));
      expect(new Set(pages).size).toBe(12);
    });

    it('should remove the page numbers printed in the footer and say so', () => {
      expect(guide.warnings).toContain('Numéros de page retirés sur 12 pages');
      expect(guide.blocks.filter((block) => /^\d{1,2}$/.test(block.text))).toEqual([]);
    });

    it('should find the slide titles as level-1 headings, in order', () => {
      const levelOne = headings(guide).filter((heading) => heading.level === 1);
      expect(levelOne.slice(0, 5)).toEqual([
        { text: 'Objectifs de ce guide', level: 1, page: 1 },
        { text: 'Les objectifs et les bénéfices de la bibliothèque des actes', level: 1, page: 1 },
        { text: 'La définition de l’acte administratif individuel', level: 1, page: 2 },
        { text: 'Valeur juridique d’un acte individuel ou d’un extrait individuel d’acte collectif', level: 1, page: 2 },
        { text: 'Historisation des actes', level: 1, page: 2 },
      ]);
    });

    it('should rebuild whole paragraphs from wrapped lines', () => {
      expect(guide.blocks).toContainEqual({
        kind: 'paragraph',
        text: 'C’est l’acte intégral, c’est-à-dire l’arrêté revêtu de la signature de l’auteur, qui porte la valeur juridique.',
        page: 2,
      });
    });

    it('should render bullets as a list, sub-bullets indented by two spaces', () => {
      const list = guide.blocks.find((block) => block.kind === 'list' && block.text.includes('une demande de formation'));
      expect(list?.text).toContain(
        '- Certains événements ne sont pas obligatoirement générateurs d’un acte administratif, par exemple :\n  - une demande de formation\n  - une demande de congés annuels\n- L’acte individuel',
      );
    });

    it('should keep a real compound hyphen found at a line end', () => {
      const text = guide.blocks.map((block) => block.text).join('\n');
      expect(text).toContain('Domaine (D)/Sous-domaine (SD)');
    });
  });

  describe('modèles d’actes (arrêtés and contracts)', () => {
    it('should make each article a heading one level below the title of the act', async () => {
      const act = await parseCorpusPdf('barri_INTABS0088_Conge_maladie_ordinaire_T.pdf');
      expect(headings(act)).toEqual([
        { text: 'Ministère de [...]', level: 1, page: 1 },
        { text: 'Arrêté n° [...]', level: 1, page: 1 },
        { text: 'portant placement en congé de maladie', level: 1, page: 1 },
        { text: 'Article 1er', level: 2, page: 1 },
        { text: 'Article 2', level: 2, page: 1 },
        { text: 'Article 3', level: 2, page: 1 },
        { text: 'Article 4', level: 2, page: 1 },
        { text: 'Article 5', level: 2, page: 1 },
      ]);
      expect(act.title).toBe('Ministère de [...]');
      expect(act.metadata.modifiedAt).toBe('2023-10-09');
    });

    it('should not cut a paragraph after an abbreviation ending a line ("articles R." / "421-1")', async () => {
      const act = await parseCorpusPdf('barri_INTABS0088_Conge_maladie_ordinaire_T.pdf');
      expect(act.blocks).toContainEqual({
        kind: 'paragraph',
        text: "L'intéressé[e] dispose d'un délai de deux mois, dans les conditions fixées aux articles R. 421-1 à R. 421-7 du code de justice administrative, à compter de la notification de la présente décision pour la contester devant la juridiction administrative territorialement compétente.",
        page: 1,
      });
      expect(act.blocks.filter((block) => block.page === 2).map((block) => block.text)).toEqual([
        'Fait le (...)',
        'Pour le [la] ministre et par délégation :',
        'Pour le directeur [la directrice] des ressources humaines et par délégation :',
        '[Fonction],',
        '[Prénom + NOM]',
      ]);
    });

    it('should keep an article title with its number and the articles in document order', async () => {
      const contract = await parseCorpusPdf('barri_INTRAN0013_CDD_art_L._332_2_1_C.pdf');
      const articles = headings(contract)
        .map((heading) => heading.text)
        .filter((text) => text.startsWith('Article'));
      expect(articles.slice(0, 6)).toEqual([
        'Article 1er : objet et durée du contrat',
        'Article 2 : missions',
        "Article 3bis : période d'essai",
        "Article 3 : période d'essai",
        "Article 4 : conditions d'emploi et temps de travail",
        'Article 5 : rémunération',
      ]);
      expect(contract.pages).toBe(5);
    });

    it('should glue back a word hyphenated at a line end', async () => {
      const contract = await parseCorpusPdf('barri_INTRAN0008_Contrat_de_projet_C.pdf');
      const text = contract.blocks.map((block) => block.text).join('\n');
      expect(text).toContain("En cas d'absence de réponse dans ce délai, [le (la)] cocontractant[e] est présumé[e] renoncer à son emploi.");
      expect(text).not.toMatch(/co- ?contractant/);
    });

    it('should keep the hyphens of a proper noun split at a line end', async () => {
      const act = await parseCorpusPdf('barri_INTPOS0005_Detachement_sortant_FPE_emploi_pension_T.pdf');
      const text = act.blocks.map((block) => block.text).join('\n');
      expect(text).toContain('la collectivité territoriale de Saint-Pierre-et-Miquelon ;');
    });
  });

  describe('generated document with running headers', () => {
    const header = (y = 810): FixtureLine => ({ text: "Ministère de l'Éducation nationale - Note de gestion", y, size: 9 });
    const footer = (page: number): FixtureLine => ({ text: `Page ${page} / 3`, y: 30, size: 9 });
    const pdf = buildTextPdf(
      [
        [
          header(),
          { text: 'Congés des personnels', y: 760, size: 16, bold: true },
          { text: 'Le fonctionnaire en activité a droit à un congé annuel. Chaque fonction-', y: 730 },
          { text: 'naire peut demander un report, peut-', y: 716 },
          { text: 'être accordé par le chef de service.', y: 702 },
          { text: 'Modalités de demande', y: 670, bold: true },
          { text: 'La demande est adressée au gestionnaire de Jean-', y: 645 },
          { text: 'Pierre Martin, et le paragraphe se poursuit sur la page', y: 631 },
          footer(1),
        ],
        [
          header(),
          { text: 'suivante sans rupture de la phrase.', y: 760 },
          { text: 'Article L. 822-1 : Le congé de maladie est accordé sur présentation', y: 730 },
          { text: "d'un certificat médical.", y: 716 },
          footer(2),
        ],
        [header(), { text: 'Article 34', y: 760, bold: true }, { text: 'Le fonctionnaire a droit à un congé de formation.', y: 740 }, footer(3)],
      ],
      { title: 'Note de gestion des congés', modDate: "D:20250314093000+01'00'", subject: 'Congés' },
    );
    let document: ParsedDocument;

    beforeAll(async () => {
      document = await parseDocument({ bytes: pdf, fileName: 'note.pdf' });
    });

    it('should drop the header repeated on every page and the page numbers, and say so', () => {
      const text = document.blocks.map((block) => block.text).join('\n');
      expect(text).not.toContain('Note de gestion');
      expect(text).not.toMatch(/Page \d/);
      expect(document.warnings).toEqual(['En-tête répété retiré sur 3 pages', 'Numéros de page retirés sur 3 pages']);
    });

    it('should read the metadata of the PDF info dictionary', () => {
      expect(document.title).toBe('Note de gestion des congés');
      expect(document.metadata).toEqual({ modifiedAt: '2025-03-14', subject: 'Congés' });
      expect(document.pages).toBe(3);
    });

    it('should detect headings by size and by weight, and articles below the current section', () => {
      expect(headings(document)).toEqual([
        { text: 'Congés des personnels', level: 1, page: 1 },
        { text: 'Modalités de demande', level: 2, page: 1 },
        { text: 'Article L. 822-1', level: 3, page: 2 },
        { text: 'Article 34', level: 3, page: 3 },
      ]);
    });

    it('should de-hyphenate cut words but keep compounds, across lines and pages', () => {
      expect(document.blocks.map(({ kind, text, page }) => ({ kind, text, page }))).toEqual([
        { kind: 'heading', text: 'Congés des personnels', page: 1 },
        {
          kind: 'paragraph',
          text: 'Le fonctionnaire en activité a droit à un congé annuel. Chaque fonctionnaire peut demander un report, peut-être accordé par le chef de service.',
          page: 1,
        },
        { kind: 'heading', text: 'Modalités de demande', page: 1 },
        {
          kind: 'paragraph',
          text: 'La demande est adressée au gestionnaire de Jean-Pierre Martin, et le paragraphe se poursuit sur la page suivante sans rupture de la phrase.',
          page: 1,
        },
        { kind: 'heading', text: 'Article L. 822-1', page: 2 },
        { kind: 'paragraph', text: "Le congé de maladie est accordé sur présentation d'un certificat médical.", page: 2 },
        { kind: 'heading', text: 'Article 34', page: 3 },
        { kind: 'paragraph', text: 'Le fonctionnaire a droit à un congé de formation.', page: 3 },
      ]);
    });
  });
});
