import {
  THEMES,
  THEME_CODES,
  getTheme,
  isThemeCode,
  matchThemes,
} from './themes';
import { normalizeTerm } from './normalize';

describe('THEMES', () => {
  it('should have unique slug codes when listing themes', () => {
    expect(new Set(THEME_CODES).size).toBe(THEMES.length);
    for (const code of THEME_CODES) {
      expect(code).toMatch(/^[a-z][a-z0-9-]*$/);
    }
  });

  it('should have a non-empty label, description and keywords when listing themes', () => {
    for (const theme of THEMES) {
      expect(theme.label.trim()).not.toBe('');
      expect(theme.description.trim()).not.toBe('');
      expect(theme.keywords.length).toBeGreaterThan(0);
    }
  });

  it('should not repeat a keyword within a theme when keywords are normalised', () => {
    for (const theme of THEMES) {
      const keys = theme.keywords.map(normalizeTerm);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('should cover the required HR domains when listing theme codes', () => {
    expect(THEME_CODES).toEqual(
      expect.arrayContaining([
        'mouvement-mutation',
        'conges-maladie',
        'conges-familiaux',
        'conges-annuels',
        'temps-partiel',
        'positions-administratives',
        'carriere-avancement',
        'remuneration',
        'recrutement-concours',
        'formation',
        'retraite',
        'protection-sociale-complementaire',
        'temps-de-travail',
        'cessation-fonctions',
        'action-sociale',
        'sante-securite-travail',
        'handicap',
        'discipline-deontologie',
        'dialogue-social',
      ]),
    );
  });
});

describe('isThemeCode', () => {
  it('should accept known codes and reject others when checking values', () => {
    expect(isThemeCode('retraite')).toBe(true);
    expect(isThemeCode('Retraite')).toBe(false);
    expect(isThemeCode(undefined)).toBe(false);
    expect(getTheme('remuneration').label).toBe('Rémunération');
  });
});

describe('matchThemes', () => {
  it('should rank sick leave first when the question is about a CLM', () => {
    const matches = matchThemes(
      'Mon congé de longue maladie (CLM) peut-il être prolongé ?',
    );
    expect(matches[0]?.code).toBe('conges-maladie');
    expect(matches[0]?.keywords).toEqual(
      expect.arrayContaining(['longue maladie', 'CLM']),
    );
  });

  it('should ignore case and accents when matching keywords', () => {
    expect(
      matchThemes('DEMANDE DE MUTATION INTER-ACADEMIQUE').map((m) => m.code),
    ).toContain('mouvement-mutation');
  });

  it('should match whole words only when a keyword is part of a longer word', () => {
    expect(matchThemes('cadastre')).toEqual([]);
    expect(matchThemes('')).toEqual([]);
  });
});
