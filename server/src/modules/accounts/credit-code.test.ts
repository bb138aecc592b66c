import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, normalizeCreditCode } from './credit-code.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91310000132200821H', '9144030071526726XG', '91330100716105852F', '91110000710926094P', '91350100M000100Y43'])('accepts the real code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('computes the check character from the first 17', () => {
    expect(creditCodeCheckChar('91310000132200821')).toBe('H');
  });

  it('names what is wrong', () => {
    expect(creditCodeProblem('91310000132200821J')).toBe('check_digit');
    expect(creditCodeProblem('9131000013220082')).toBe('length');
    expect(creditCodeProblem('91310000132200821I')).toBe('characters');
    expect(creditCodeProblem('91ABCDEF132200821H')).toBe('region');
  });

  it('normalises spaces, case and full-width characters before checking', () => {
    expect(normalizeCreditCode(' ９１３１ 0000 1322 0082 1h ')).toBe('91310000132200821H');
  });
});
