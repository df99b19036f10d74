import { buildLines, layoutPdfPages, orderLines, removePageFurniture, type PdfLine, type PdfTextItem } from './pdf-layout';

/** An item whose width is estimated from its length (half the font size per character). */
function item(str: string, x: number, y: number, options: { size?: number; bold?: boolean } = {}): PdfTextItem {
  const fontSize = options.size ?? 10;
  return { str, x, y, width: str.length * fontSize * 0.5, fontSize, bold: options.bold ?? false };
}

function line(text: string, x: number, y: number, page = 1): PdfLine {
  return { text, x, right: x + text.length * 5, y, fontSize: 10, bold: false, page };
}

describe('pdf layout', () => {
  describe('buildLines', () => {
    it('should join the items of one baseline, superscripts and spaces included', () => {
      const lines = buildLines({
        pageNumber: 1,
        height: 842,
        // The space spans the tab stop, as word processors draw it.
        items: [item('Article 1', 57, 700, { bold: true }), item('er', 102, 703, { size: 6.5, bold: true }), { ...item(' ', 110, 700), width: 29 }, item(': le texte', 140, 700)],
      });
      expect(lines.map((entry) => entry.text)).toEqual(['Article 1er : le texte']);
    });

    it('should drop a duplicate drawn over the same text (fake bold)', () => {
      const lines = buildLines({ pageNumber: 1, height: 842, items: [item('Titre', 72, 700), item('Titre', 72.4, 700.2)] });
      expect(lines.map((entry) => entry.text)).toEqual(['Titre']);
    });
  });

  describe('orderLines', () => {
    it('should read a two-column page column by column', () => {
      const left = [line('Gauche un', 50, 700), line('Gauche deux', 50, 688), line('Gauche trois', 50, 676)];
      const right = [line('Droite un', 320, 700), line('Droite deux', 320, 688), line('Droite trois', 320, 676)];
      const ordered = orderLines([right[1], left[2], right[0], left[0], right[2], left[1]], 10);
      expect(ordered.map((entry) => entry.text)).toEqual([
        'Gauche un',
        'Gauche deux',
        'Gauche trois',
        'Droite un',
        'Droite deux',
        'Droite trois',
      ]);
    });

    it('should read a full-width title before the columns under it', () => {
      const ordered = orderLines([line('Colonne A', 50, 700), line('Colonne B', 320, 700), line('Titre sur toute la largeur de la page, bien long', 50, 740)], 10);
      expect(ordered.map((entry) => entry.text)).toEqual(['Titre sur toute la largeur de la page, bien long', 'Colonne A', 'Colonne B']);
    });
  });

  describe('removePageFurniture', () => {
    it('should keep a line found at the top of only one page in two', () => {
      const pages = [
        { height: 842, lines: [line('[Imputation budgétaire]', 55, 790), line('Corps du texte', 55, 500)] },
        { height: 842, lines: [line('Fait le (...)', 55, 790), line('Signature', 55, 500)] },
      ];
      const result = removePageFurniture(pages);
      expect(result.pages.map((kept) => kept.length)).toEqual([2, 2]);
      expect(result.warnings).toEqual([]);
    });

    it('should never take an article heading at the top of several pages for a running header', () => {
      const words = ['un', 'deux', 'trois'];
      const pages = [1, 2, 3].map((page) => ({
        height: 842,
        lines: [line(`Article ${page}`, 55, 800, page), line(`Texte de l’article ${words[page - 1]}.`, 55, 780, page)],
      }));
      const result = removePageFurniture(pages);
      expect(result.pages.flat().map((entry) => entry.text)).toEqual([
        'Article 1',
        'Texte de l’article un.',
        'Article 2',
        'Texte de l’article deux.',
        'Article 3',
        'Texte de l’article trois.',
      ]);
      expect(result.warnings).toEqual([]);
    });

    it.each(['- 2 -', '2', 'Page 2 / 12', '2/12', 'page 2 sur 12', 'ii'])('should remove the page number %j from a footer, even on two pages', (footer) => {
      const pages = [1, 2].map((page) => ({ height: 842, lines: [line('Texte de la page.', 55, 600, page), line(footer.replace('2', String(page)), 280, 30, page)] }));
      const result = removePageFurniture(pages);
      expect(result.pages.flat().map((entry) => entry.text)).toEqual(['Texte de la page.', 'Texte de la page.']);
      expect(result.warnings).toEqual(['Numéros de page retirés sur 2 pages']);
    });

    it('should remove footers that differ only by their numbers ("Page 2 sur 3")', () => {
      const pages = [1, 2, 3].map((page) => ({
        height: 842,
        lines: [line('Texte de la page.', 55, 600, page), line(`Circulaire du 3 mars 2025 - page ${page} sur 3`, 55, 30, page)],
      }));
      const result = removePageFurniture(pages);
      expect(result.pages.flat().map((entry) => entry.text)).toEqual(['Texte de la page.', 'Texte de la page.', 'Texte de la page.']);
      expect(result.warnings).toEqual(['Pied de page répété retiré sur 3 pages']);
    });
  });

  describe('layoutPdfPages', () => {
    it('should nest bullets by their indentation', () => {
      const { blocks } = layoutPdfPages([
        {
          pageNumber: 1,
          height: 842,
          items: [
            item('Les pièces à fournir :', 72, 700),
            item('•', 72, 680),
            item('une demande écrite ;', 90, 680),
            item('\uF0A7', 100, 666),
            item('datée et signée ;', 118, 666),
            item('•', 72, 652),
            item('un certificat médical.', 90, 652),
          ],
        },
      ]);
      expect(blocks).toEqual([
        { kind: 'paragraph', text: 'Les pièces à fournir :', page: 1 },
        { kind: 'list', text: '- une demande écrite ;\n  - datée et signée ;\n- un certificat médical.', page: 1 },
      ]);
    });

    it('should count the characters left on each page', () => {
      const result = layoutPdfPages([
        { pageNumber: 1, height: 842, items: [item('Un texte assez long pour compter.', 72, 700)] },
        { pageNumber: 2, height: 842, items: [] },
      ]);
      expect(result.pageCharacters).toEqual([28, 0]);
    });
  });
});
