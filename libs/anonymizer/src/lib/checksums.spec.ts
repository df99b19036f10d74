import { decimalMod, isLuhnValid, isNirShaped, isValidIban, isValidIneBea, isValidNir, isValidSiren, isValidSiret, nirKey } from './checksums';

// Fixtures invented for these tests; their keys were computed by hand (97 − n mod 97, Luhn, ISO 13616).
describe('decimalMod', () => {
  it('should match the remainder of numbers too large for a double', () => {
    expect(decimalMod('1841275123456', 97)).toBe(Number(1841275123456n % 97n));
    expect(decimalMod('123456789012345678901234567890', 97)).toBe(Number(123456789012345678901234567890n % 97n));
  });

  it('should refuse anything but digits', () => {
    expect(decimalMod('12a', 97)).toBeNaN();
  });
});

describe('NIR', () => {
  it('should compute the key as 97 minus the number mod 97', () => {
    expect(nirKey('1841275123456')).toBe(40);
  });

  it('should count Corsica 2A as 19 and 2B as 18', () => {
    expect(nirKey('275082A012345')).toBe(82);
    expect(nirKey('168022B045678')).toBe(53);
    expect(nirKey('275082A012345')).toBe(nirKey('2750819012345'));
  });

  it('should accept a valid NIR with or without separators', () => {
    expect(isValidNir('184127512345640')).toBe(true);
    expect(isValidNir('1 84 12 75 123 456 40')).toBe(true);
    expect(isValidNir('2 75 08 2A 012 345 82')).toBe(true);
    expect(isValidNir('1.68.02.2B.045.678.53')).toBe(true);
  });

  it('should reject a wrong key, a wrong length or an impossible month', () => {
    expect(isValidNir('184127512345641')).toBe(false);
    expect(isValidNir('18412751234564')).toBe(false);
    expect(isValidNir('2 75 08 2A 012 345 83')).toBe(false);
    expect(isNirShaped('1841375123456')).toBe(false);
    expect(isNirShaped('5841275123456')).toBe(false);
  });
});

describe('IBAN', () => {
  it('should accept valid IBANs grouped or not, in any case', () => {
    expect(isValidIban('FR1420041010050500013M02606')).toBe(true);
    expect(isValidIban('FR70 3000 2005 5000 0015 7845 Z02')).toBe(true);
    expect(isValidIban('fr45 1273 9000 7065 1234 5678 901')).toBe(true);
    expect(isValidIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
  });

  it('should reject a wrong key, a swapped digit or a length that is not the country’s', () => {
    expect(isValidIban('FR15 2004 1010 0505 0001 3M02 606')).toBe(false);
    expect(isValidIban('FR14 2004 1010 0505 0001 3M02 660')).toBe(false);
    expect(isValidIban('FR14 2004 1010 0505 0001 3M02 6061')).toBe(false);
  });
});

describe('SIREN and SIRET', () => {
  it('should check the Luhn key', () => {
    expect(isLuhnValid('812345676')).toBe(true);
    expect(isLuhnValid('812345677')).toBe(false);
    expect(isValidSiren('812 345 676')).toBe(true);
    expect(isValidSiren('812 345 675')).toBe(false);
    expect(isValidSiret('812 345 676 00017')).toBe(true);
    expect(isValidSiret('812 345 676 00018')).toBe(false);
  });

  it('should apply La Poste’s rule (sum of digits multiple of 5) to its establishments', () => {
    expect(isValidSiret('35600000000048')).toBe(true);
    expect(isValidSiret('35600000000010')).toBe(true);
    expect(isValidSiret('35600000000011')).toBe(false);
  });
});

describe('INE', () => {
  it('should check the key letter of the number mod 23, in an alphabet without I, O and Q', () => {
    expect(isValidIneBea('0123456789M')).toBe(true);
    expect(isValidIneBea('2198765432B')).toBe(true);
    expect(isValidIneBea('0123456789N')).toBe(false);
    expect(isValidIneBea('012345678M')).toBe(false);
  });
});
