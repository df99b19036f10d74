import { alteredWithoutPersonalData, f2, hasLeak, scoreTypes, type RecordOutcome } from './anonymization-metrics';

const outcome = (partial: Partial<RecordOutcome>): RecordOutcome => ({ text: '', gold: [], predicted: [], pseudonymized: '', ...partial });

describe('f2', () => {
  it('should weigh recall four times as much as precision', () => {
    expect(f2(1, 1)).toBe(1);
    expect(f2(0, 0)).toBe(0);
    expect(f2(0.5, 1)).toBeCloseTo(2.5 / 3, 10);
    expect(f2(1, 0.5)).toBeCloseTo(2.5 / 4.5, 10);
  });
});

describe('scoreTypes', () => {
  it('should count a labelled span as found when a span of the same type overlaps it', () => {
    const scores = scoreTypes([
      outcome({
        gold: [
          { start: 0, end: 10, type: 'PERSON', value: 'x' },
          { start: 20, end: 30, type: 'PERSON', value: 'x' },
          { start: 40, end: 50, type: 'PHONE', value: 'x' },
        ],
        predicted: [
          { start: 5, end: 12, type: 'PERSON' },
          { start: 40, end: 50, type: 'EMAIL' },
          { start: 60, end: 65, type: 'PERSON' },
        ],
      }),
    ]);
    expect(scores['PERSON']).toEqual({ precision: 0.5, recall: 0.5, f2: 0.5, support: 2, predicted: 2 });
    expect(scores['PHONE']).toEqual({ precision: 1, recall: 0, f2: 0, support: 1, predicted: 0 });
    expect(scores['EMAIL']).toEqual({ precision: 0, recall: 1, f2: 0, support: 0, predicted: 1 });
  });

  it('should list types in the anonymizer’s order, unknown labels last', () => {
    const scores = scoreTypes([
      outcome({
        gold: [
          { start: 0, end: 1, type: 'VEHICLE', value: 'x' },
          { start: 2, end: 3, type: 'SCHOOL', value: 'x' },
          { start: 4, end: 5, type: 'PERSON', value: 'x' },
        ],
      }),
    ]);
    expect(Object.keys(scores)).toEqual(['PERSON', 'SCHOOL', 'VEHICLE']);
  });
});

describe('hasLeak', () => {
  const gold = [{ start: 0, end: 14, type: 'PHONE', value: '06 11 22 33 44' }];

  it('should find an identifier left as written, or with other spaces', () => {
    expect(hasLeak(outcome({ gold, pseudonymized: 'Appelez le 06 11 22 33 44' }))).toBe(true);
    expect(hasLeak(outcome({ gold, pseudonymized: 'Appelez le 0611223344' }))).toBe(true);
    expect(hasLeak(outcome({ gold, pseudonymized: 'Appelez le [TELEPHONE_1]' }))).toBe(false);
  });

  it('should only check identifiers, not names or schools', () => {
    expect(hasLeak(outcome({ gold: [{ start: 0, end: 6, type: 'PERSON', value: 'Kerbra' }], pseudonymized: 'Kerbra' }))).toBe(false);
  });
});

describe('alteredWithoutPersonalData', () => {
  it('should count the texts without labels that pseudonymization changed', () => {
    expect(
      alteredWithoutPersonalData([
        outcome({ text: 'a', pseudonymized: 'a' }),
        outcome({ text: 'Le Rectorat', pseudonymized: 'Le [PERSONNE_1]' }),
        outcome({ text: 'M. X', gold: [{ start: 3, end: 4, type: 'PERSON', value: 'X' }], pseudonymized: 'M. [PERSONNE_1]' }),
      ]),
    ).toEqual({ n: 2, altered: 1 });
  });
});
