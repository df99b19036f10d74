import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type ParsedDocument } from './index';

const CORPUS = join(__dirname, '../../../../../../shared/corpus/docs');

function bytesOf(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

describe('parseDocument (XML)', () => {
  describe('DILA "vosdroits" fiche', () => {
    let fiche: ParsedDocument;

    beforeAll(async () => {
      const fileName = 'sp_F12395_retraite-dans-la-fonction-publique-limite-d-age.xml';
      fiche = await parseDocument({ bytes: new Uint8Array(readFileSync(join(CORPUS, fileName))), fileName });
    });

    it('should read dc:title, dc:date, dc:subject and the service-public address', () => {
      expect(fiche.title).toBe("Retraite dans la fonction publique : limite d'âge");
      expect(fiche.format).toBe('xml');
      expect(fiche.mimeType).toBe('application/xml');
      expect(fiche.metadata).toEqual({
        modifiedAt: '2019-10-22',
        sourceUrl: 'https://www.service-public.fr/particuliers/vosdroits/F12395',
        subject: 'Travail',
      });
    });

    it('should open with the title and the description, then the warning as one paragraph', () => {
      expect(fiche.blocks.slice(0, 3)).toEqual([
        { kind: 'heading', text: "Retraite dans la fonction publique : limite d'âge", level: 1 },
        {
          kind: 'paragraph',
          text: "À partir d'un certain âge, tout fonctionnaire ou agent contractuel est mis d'office à la retraite, sauf dérogations applicables à certains agents.",
        },
        {
          kind: 'paragraph',
          text: "Avertissement (Projet de réforme des retraites) : Un projet de loi instituant un système universel de retraite est examiné par le Parlement. Les règles relatives à la retraite seront modifiées. Dans l'attente de la publication de la loi, les informations contenues dans cette page restent d'actualité.",
        },
      ]);
    });

    it('should nest Situation, Chapitre and Cas titles as headings and skip the navigation', () => {
      const headings = fiche.blocks.filter((block) => block.kind === 'heading').map((block) => `${block.level} ${block.text}`);
      expect(headings.slice(1, 5)).toEqual([
        '2 Fonctionnaire sédentaire ou agent contractuel',
        "3 Âge limite d'activité",
        "3 Exceptions à l'âge limite d'activité",
        '4 Carrière incomplète',
      ]);
      expect(headings).toContain('2 Textes de référence');
      expect(fiche.blocks.some((block) => block.text.includes('Accueil particuliers'))).toBe(false);
    });

    it('should render Tableau rows with their header and join the paragraphs of a cell with a space', () => {
      const table = fiche.blocks.find((block) => block.kind === 'table' && block.text.startsWith('Années de naissance: 1954'));
      expect(table?.text.split('\n')[0]).toBe(
        "Années de naissance: 1954 ; Trimestres nécessaires pour bénéficier d'une pension de retraite à taux plein: 165 (41 ans et 3 mois)",
      );
    });

    it('should render Liste/Item as a list and keep superscripts glued ("50e")', () => {
      expect(fiche.blocks).toContainEqual({ kind: 'list', text: "- invalide à au moins 80 %,\n- ou bénéficiaire de l'AAH." });
      expect(fiche.blocks.map((block) => block.text).join('\n')).toContain('à son 50e anniversaire');
    });

    it('should list the reference texts with their complement', () => {
      expect(fiche.blocks).toContainEqual(
        expect.objectContaining({
          kind: 'list',
          text: expect.stringContaining('- Décret n°2003-1306 relatif au régime de retraite des fonctionnaires affiliés à la CNRACL (Article 2)'),
        }),
      );
    });
  });

  describe('other vocabularies', () => {
    it('should read a Légifrance-style article: number from its metadata, text from its content', async () => {
      const xml = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<ARTICLE>',
        '<META><META_COMMUN><ID>LEGIARTI000044424111</ID><NATURE>Article</NATURE></META_COMMUN>',
        '<META_SPEC><META_ARTICLE><NUM>L822-1</NUM><ETAT>VIGUEUR</ETAT><DATE_DEBUT>2022-03-01</DATE_DEBUT></META_ARTICLE></META_SPEC></META>',
        '<CONTEXTE><TEXTE><TITRE_TXT>Code général de la fonction publique</TITRE_TXT></TEXTE></CONTEXTE>',
        '<BLOC_TEXTUEL><CONTENU><p>Le fonctionnaire en activité a droit à un congé de maladie.</p><p>Sa durée est fixée par décret.</p></CONTENU></BLOC_TEXTUEL>',
        '</ARTICLE>',
      ].join('\n');
      const document = await parseDocument({ bytes: bytesOf(xml), fileName: 'LEGIARTI000044424111.xml' });
      expect(document.title).toBe('Code général de la fonction publique');
      expect(document.metadata.modifiedAt).toBe('2022-03-01');
      expect(document.blocks).toEqual([
        { kind: 'heading', text: 'Article L822-1', level: 1 },
        { kind: 'paragraph', text: 'Le fonctionnaire en activité a droit à un congé de maladie.' },
        { kind: 'paragraph', text: 'Sa durée est fixée par décret.' },
      ]);
    });

    it('should fall back to the text of leaf elements for an unknown vocabulary', async () => {
      const xml = '<?xml version="1.0"?><note><titre>Rentrée 2025</titre><corps><alinea>Premier alinéa.</alinea><alinea>Second alinéa.</alinea></corps><date>2025-08-28</date></note>';
      const document = await parseDocument({ bytes: bytesOf(xml), fileName: 'note.xml' });
      expect(document.title).toBe('Rentrée 2025');
      expect(document.blocks).toEqual([
        { kind: 'heading', text: 'Rentrée 2025', level: 1 },
        { kind: 'paragraph', text: 'Premier alinéa.' },
        { kind: 'paragraph', text: 'Second alinéa.' },
        { kind: 'paragraph', text: '2025-08-28' },
      ]);
    });

    it('should read XHTML saved as .xml as HTML', async () => {
      const xhtml = '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Page</title></head><body><h1>Titre</h1><p>Texte.</p></body></html>';
      const document = await parseDocument({ bytes: bytesOf(xhtml), fileName: 'page.xml' });
      expect(document.format).toBe('html');
      expect(document.blocks).toEqual([
        { kind: 'heading', text: 'Titre', level: 1 },
        { kind: 'paragraph', text: 'Texte.' },
      ]);
    });
  });
});
