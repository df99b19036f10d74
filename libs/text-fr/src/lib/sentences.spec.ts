import { sentenceSpans, splitSentences } from './sentences';

describe('splitSentences', () => {
  it('should split on final punctuation followed by a capital letter', () => {
    expect(
      splitSentences(
        'Le congé est accordé. Il est rémunéré ! Qui est concerné ? Vous.',
      ),
    ).toEqual([
      'Le congé est accordé.',
      'Il est rémunéré !',
      'Qui est concerné ?',
      'Vous.',
    ]);
  });

  it('should split when a digit or an opening quote starts the next sentence', () => {
    expect(
      splitSentences(
        'Le délai est fixé. 3 ans au plus. « Le congé » est de droit.',
      ),
    ).toEqual([
      'Le délai est fixé.',
      '3 ans au plus.',
      '« Le congé » est de droit.',
    ]);
  });

  it('should not split when the next word starts in lowercase', () => {
    expect(splitSentences('Vous ne pouvez pas ? dit-il. Bien.')).toEqual([
      'Vous ne pouvez pas ? dit-il.',
      'Bien.',
    ]);
  });

  it('should not split after titles and common abbreviations', () => {
    expect(
      splitSentences(
        'M. Dupont et Mme. Martin ont écrit à MM. Durand et Dr. Petit. Voir p. 12, pp. 13-15, cf. Annexe 2, chap. 3, al. 2, art. 5 et Art. 6. Env. 10 jours, min. 5, max. 8, ex. Les congés, etc. La suite.',
      ),
    ).toEqual([
      'M. Dupont et Mme. Martin ont écrit à MM. Durand et Dr. Petit.',
      'Voir p. 12, pp. 13-15, cf. Annexe 2, chap. 3, al. 2, art. 5 et Art. 6.',
      'Env. 10 jours, min. 5, max. 8, ex. Les congés, etc. La suite.',
    ]);
  });

  it('should not split inside code article numbers', () => {
    expect(
      splitSentences(
        "Selon l'article L. 822-1 du code et l'article R. 911-2. D. 1 prévoit le cas. L'art. L. 27 du code des pensions s'applique.",
      ),
    ).toEqual([
      "Selon l'article L. 822-1 du code et l'article R. 911-2.",
      'D. 1 prévoit le cas.',
      "L'art. L. 27 du code des pensions s'applique.",
    ]);
  });

  it('should not split after initials but split after a category letter ending a sentence', () => {
    expect(
      splitSentences(
        'Signé par J.-P. Martin. J. Durand a été nommé par M. J. Dupont. Il relève de la catégorie C. Les agents de catégorie A, B ou C. La suite.',
      ),
    ).toEqual([
      'Signé par J.-P. Martin.',
      'J. Durand a été nommé par M. J. Dupont.',
      'Il relève de la catégorie C.',
      'Les agents de catégorie A, B ou C.',
      'La suite.',
    ]);
  });

  it('should keep dotted abbreviations such as c.-à-d. and N.B. inside the sentence', () => {
    expect(
      splitSentences(
        'Le congé, c.-à-d. La période, est payé. N.B. Le texte change.',
      ),
    ).toEqual([
      'Le congé, c.-à-d. La période, est payé.',
      'N.B. Le texte change.',
    ]);
  });

  it('should not split inside decimals and dates but split after a final date', () => {
    expect(
      splitSentences(
        'Le taux passe de 1.5 à 2.25 le 12.04.2024. Le décret du 01.02.2023 reste.',
      ),
    ).toEqual([
      'Le taux passe de 1.5 à 2.25 le 12.04.2024.',
      'Le décret du 01.02.2023 reste.',
    ]);
  });

  it('should split after an ellipsis followed by a capital but not after an elision', () => {
    expect(
      splitSentences(
        'Les congés (maladie, maternité...) sont accordés. Il attend… Puis il part. Le texte […] Le fonctionnaire (...) Le reste.',
      ),
    ).toEqual([
      'Les congés (maladie, maternité...) sont accordés.',
      'Il attend…',
      'Puis il part.',
      'Le texte […] Le fonctionnaire (...) Le reste.',
    ]);
  });

  it('should keep closing French quotes with their sentence', () => {
    expect(
      splitSentences(
        'Le texte dispose : « Le congé est accordé. » Il faut le demander. « Est-ce possible ? » Oui.',
      ),
    ).toEqual([
      'Le texte dispose : « Le congé est accordé. »',
      'Il faut le demander.',
      '« Est-ce possible ? »',
      'Oui.',
    ]);
  });

  it('should not split after enumerators opening a sentence or following a colon', () => {
    expect(
      splitSentences(
        'Les cas suivants : 1. Le congé ; 2. La disponibilité. II. Les positions. 1.2. Le détail.',
      ),
    ).toEqual([
      'Les cas suivants : 1. Le congé ; 2. La disponibilité.',
      'II. Les positions.',
      '1.2. Le détail.',
    ]);
  });

  it('should split a year ending a sentence', () => {
    expect(
      splitSentences('Le décret date de 2024. Les agents sont concernés.'),
    ).toEqual(['Le décret date de 2024.', 'Les agents sont concernés.']);
  });

  it('should end list items at line breaks and keep lowercase continuation lines', () => {
    expect(
      splitSentences(
        'Pièces à fournir :\n- une demande écrite\n- un justificatif de domicile\nde moins de 3 mois\n1. Le formulaire\na) la copie\nLe dossier est complet.',
      ),
    ).toEqual([
      'Pièces à fournir :',
      '- une demande écrite',
      '- un justificatif de domicile\nde moins de 3 mois',
      '1. Le formulaire',
      'a) la copie',
      'Le dossier est complet.',
    ]);
  });

  it('should split inline dash items that follow a sentence', () => {
    expect(
      splitSentences(
        'Exemple : - Un agent est nommé. - Une agente est titularisée.',
      ),
    ).toEqual([
      'Exemple : - Un agent est nommé.',
      '- Une agente est titularisée.',
    ]);
  });

  it('should keep wrapped lines inside the sentence and split at blank lines', () => {
    expect(
      splitSentences('Le fonctionnaire peut\nDemander un congé\n\nSans titre'),
    ).toEqual(['Le fonctionnaire peut\nDemander un congé', 'Sans titre']);
  });

  it('should split table rows', () => {
    expect(
      splitSentences('| Durée | Taux |\n|---|---|\n| 1 an | 50 % |'),
    ).toEqual(['| Durée | Taux |', '|---|---|', '| 1 an | 50 % |']);
  });

  it('should return nothing for blank text', () => {
    expect(splitSentences(' \n\n ')).toEqual([]);
  });
});

describe('sentenceSpans', () => {
  it('should give trimmed offsets separated by whitespace only', () => {
    const text = '  Première phrase.   Deuxième phrase !\n\nTroisième ';
    const spans = sentenceSpans(text);
    expect(spans.map(({ start, end }) => text.slice(start, end))).toEqual([
      'Première phrase.',
      'Deuxième phrase !',
      'Troisième',
    ]);
    spans.forEach((span, index) => {
      const previousEnd = index === 0 ? 0 : (spans[index - 1]?.end ?? 0);
      expect(text.slice(previousEnd, span.start).trim()).toBe('');
    });
  });
});
