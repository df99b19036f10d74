import { estimateTokens, tokenUsage } from './usage';

describe('tokenUsage', () => {
  it('should price input and output tokens per million, in euros', () => {
    expect(
      tokenUsage(2_000_000, 500_000, {
        priceInputEurPerMillion: 0.15,
        priceOutputEurPerMillion: 0.6,
      }),
    ).toEqual({ inputTokens: 2_000_000, outputTokens: 500_000, costEur: 0.6 });
  });

  it('should count an unset price as free when the other is set, and give no cost without prices', () => {
    expect(
      tokenUsage(1_000, 1_000, { priceOutputEurPerMillion: 10 }).costEur,
    ).toBe(0.01);
    expect(tokenUsage(1_000, 1_000, {})).toEqual({
      inputTokens: 1_000,
      outputTokens: 1_000,
    });
  });
});

describe('estimateTokens', () => {
  it('should count about four characters per token, instructions and every message included', () => {
    expect(
      estimateTokens(
        'x'.repeat(40),
        [{ role: 'user', content: 'y'.repeat(21) }],
        'z'.repeat(8),
      ),
    ).toEqual({ inputTokens: 16, outputTokens: 2 });
  });
});
