import { PlaceholderStreamRefiller } from './placeholder-stream';

describe(PlaceholderStreamRefiller.name, () => {
  const values: Record<string, string> = { '[PERSONNE_1]': 'Mme Hélène Kervella', '[NIR_1]': '2 84 05 69 123 456 78' };
  const refill = (text: string) => text.replace(/\[[A-Z_]+\d+\]/g, (placeholder) => values[placeholder] ?? placeholder);

  it('should re-fill a placeholder split across tokens, whatever the split', () => {
    const text = 'Bonjour [PERSONNE_1], votre numéro [NIR_1] est enregistré [1].';
    for (let size = 1; size <= 6; size++) {
      const refiller = new PlaceholderStreamRefiller(refill);
      let shown = '';
      for (let start = 0; start < text.length; start += size) shown += refiller.push(text.slice(start, start + size));
      shown += refiller.flush();
      expect(shown).toBe(refill(text));
    }
  });

  it('should not hold back citations and brackets that cannot be placeholders', () => {
    const refiller = new PlaceholderStreamRefiller(refill);
    expect(refiller.push('selon le texte [1] ')).toBe('selon le texte [1] ');
    expect(refiller.push('[voir ')).toBe('[voir ');
  });
});
