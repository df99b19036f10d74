import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type ParsedDocument } from './index';
import { parseMarkdown, stripInlineMarkdown } from './markdown-parser';

const CORPUS = join(__dirname, '../../../../../../shared/corpus/docs');

async function parseCorpus(fileName: string): Promise<ParsedDocument> {
  return parseDocument({ bytes: new Uint8Array(readFileSync(join(CORPUS, fileName))), fileName });
}

describe('parseDocument (Markdown)', () => {
  describe('service-public fiche converted to Markdown', () => {
    let fiche: ParsedDocument;

    beforeAll(async () => {
      fiche = await parseCorpus('sp_F12395_retraite-dans-la-fonction-publique-limite-d-age.md');
    });

    it('should take the title from the level-1 heading and the source and date from the header list', () => {
      expect(fiche.title).toBe("Retraite dans la fonction publique : limite d'âge");
      expect(fiche.format).toBe('markdown');
      expect(fiche.mimeType).toBe('text/markdown');
      expect(fiche.metadata).toEqual({ modifiedAt: '2019-10-22', sourceUrl: 'https://www.service-public.fr/particuliers/vosdroits/F12395' });
    });

    it('should keep the heading levels of the source', () => {
      const headings = fiche.blocks.filter((block) => block.kind === 'heading');
      expect(headings.slice(0, 4)).toEqual([
        { kind: 'heading', text: "Retraite dans la fonction publique : limite d'âge", level: 1 },
        { kind: 'heading', text: 'Fonctionnaire sédentaire ou agent contractuel', level: 2 },
        { kind: 'heading', text: "Âge limite d'activité", level: 4 },
        { kind: 'heading', text: "Exceptions à l'âge limite d'activité", level: 4 },
      ]);
      expect(headings).toContainEqual({ kind: 'heading', text: 'Cas général', level: 5 });
    });

    it('should render a pipe table row by row with its headers, bold caption kept as a paragraph', () => {
      const captionIndex = fiche.blocks.findIndex((block) => block.text === "Âge limite d'activité d'un fonctionnaire de catégorie sédentaire ou d'un contractuel");
      expect(fiche.blocks[captionIndex + 1]).toEqual({
        kind: 'table',
        text: [
          "Année de naissance: 1953 ; Âge limite d'activité: 66 ans et 2 mois",
          "Année de naissance: 1954 ; Âge limite d'activité: 66 ans et 7 mois",
          "Année de naissance: 1955 et après ; Âge limite d'activité: 67 ans",
        ].join('\n'),
      });
    });

    it('should render lists with one "- item" per line', () => {
      expect(fiche.blocks).toContainEqual({ kind: 'list', text: '- invalide à au moins 80 %,\n- ou bénéficiaire de l\'AAH.' });
    });

    it('should join the lines of a paragraph and strip emphasis from notes', () => {
      expect(fiche.blocks.map((block) => block.text)).toContain(
        "À partir d'un certain âge, tout fonctionnaire ou agent contractuel est mis d'office à la retraite. Cet âge limite d'activité varie en fonction de la catégorie de l'emploi : active (c'est-à-dire lorsque l'emploi présente un risque particulier ou des fatigues exceptionnelles) ou sédentaire. Toutefois, certains agents (fonctionnaires et contractuels) peuvent poursuivre, sous conditions, leur activité professionnelle au-delà de cet âge limite d'activité.",
      );
      const note = fiche.blocks.find((block) => block.text.startsWith('À noter'));
      expect(note?.text).toMatch(/^À noter : la limite d'âge est différente pour les commissaires/);
      expect(fiche.blocks.some((block) => /\*\*|__|\[.*\]\(/.test(block.text))).toBe(false);
    });
  });

  describe('CISIRH FAQ (front matter, raw HTML, collapsible questions)', () => {
    let faq: ParsedDocument;

    beforeAll(async () => {
      faq = await parseCorpus('barri_faq_portail-barri.md');
    });

    it('should read the title from the front matter and drop the navigation summary', () => {
      expect(faq.title).toBe('FAQ REGLEMENTAIRE');
      expect(faq.blocks.some((block) => block.text.includes('Sommaire'))).toBe(false);
      expect(faq.blocks[0]).toEqual({ kind: 'heading', text: 'Affectation', level: 3 });
    });

    it('should make each question a heading one level below its theme, inline HTML stripped', () => {
      expect(faq.blocks[1]).toEqual({ kind: 'heading', text: 'Recrutement', level: 4 });
      // The question itself is read from the shared file, never written here.
      expect(faq.blocks[2]).toMatchObject({ kind: 'heading', level: 5, text: expect.stringMatching(/^Comment [^<>]+ \?$/) });
      expect(faq.blocks.some((block) => /<|\?\?\?|accordionsgroup/.test(block.text))).toBe(false);
    });

    it('should read tab-separated list items', () => {
      expect(faq.blocks).toContainEqual(
        expect.objectContaining({ kind: 'list', text: expect.stringMatching(/^- Etape n° 1 : La situation du contrat est valorisée/) }),
      );
    });
  });

  describe('Légifrance article converted to Markdown', () => {
    it('should make "# Article 34" an article heading below the title of the law', async () => {
      const law = await parseCorpus('legi_loi-84-16_art34_conges-du-fonctionnaire.md');
      expect(law.blocks.filter((block) => block.kind === 'heading')).toEqual([
        { kind: 'heading', text: 'Loi n° 84-16 du 11 janvier 1984 (statut FPE) — Article 34 (congés)', level: 1 },
        { kind: 'heading', text: 'Article 34', level: 2 },
      ]);
      expect(law.blocks).toContainEqual({ kind: 'paragraph', text: "1° A un congé annuel avec traitement dont la durée est fixée par décret en Conseil d'Etat ;" });
    });
  });

  describe('syntax', () => {
    it('should read YAML front matter, setext headings, nested and ordered lists, quotes and code', () => {
      const result = parseMarkdown(
        [
          '---',
          'title: "Note de service"',
          'date: 2024-09-02',
          'source: https://www.education.gouv.fr/note',
          'subject: Mobilité',
          '---',
          'Mouvement interacadémique',
          '=========================',
          '',
          'Calendrier',
          '----------',
          '',
          '* saisie des vœux',
          '  * du 15 au 30 novembre',
          '* résultats',
          '',
          '1. Première étape',
          '2. Deuxième étape',
          '',
          '> **Attention** : les pièces justificatives',
          '> sont obligatoires.',
          '',
          '```',
          'code  conservé',
          '```',
          '',
          'Un [lien](https://example.org "titre") et `du code`, ![logo](logo.png) puis \\*astérisque\\*.',
        ].join('\n'),
      );
      expect(result.metadataTitle).toBe('Note de service');
      expect(result.metadata).toEqual({ modifiedAt: '2024-09-02', sourceUrl: 'https://www.education.gouv.fr/note', subject: 'Mobilité' });
      expect(result.blocks).toEqual([
        { kind: 'heading', text: 'Mouvement interacadémique', level: 1 },
        { kind: 'heading', text: 'Calendrier', level: 2 },
        { kind: 'list', text: '- saisie des vœux\n  - du 15 au 30 novembre\n- résultats\n- 1. Première étape\n- 2. Deuxième étape' },
        { kind: 'paragraph', text: 'Attention : les pièces justificatives sont obligatoires.' },
        { kind: 'paragraph', text: 'code conservé' },
        { kind: 'paragraph', text: 'Un lien et du code, puis *astérisque*.' },
      ]);
    });

    it('should strip inline markup but keep snake_case words and escaped characters', () => {
      expect(stripInlineMarkdown('**gras** _italique_ ~~barré~~ mot_composé <span style="x">coloré</span>&nbsp;&eacute;t&eacute; \\_')).toBe(
        'gras italique barré mot_composé coloré\u00A0été _',
      );
    });
  });
});
