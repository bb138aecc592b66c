import { describe, expect, it } from 'vitest';
import { isValidCreditCode, normalizeCreditCode, normalizeEmail, normalizePhone } from './contact-keys.ts';

describe('contact keys', () => {
  it('normalises phone numbers to national digits', () => {
    for (const phone of ['+86 138-0013-8000', '13800138000', '008613800138000', '+86 13800138000', '８６１３８００１３８０００']) {
      expect(normalizePhone(phone), phone).toBe('13800138000');
    }
    expect(normalizePhone('+86 (21) 6888 8888')).toBe('02168888888');
    expect(normalizePhone('021-68888888 转 123')).toBe('02168888888');
    expect(normalizePhone('021-68888888 ext. 9')).toBe('02168888888');
    // Service numbers of the kind big companies print (metowolf/vCards): kept as they are.
    expect(normalizePhone('95511')).toBe('95511');
    expect(normalizePhone('400-820-8888')).toBe('4008208888');
    expect(normalizePhone('110')).toBeUndefined();
    expect(normalizePhone('')).toBeUndefined();
  });

  it('normalises e-mail addresses and rejects what is not one', () => {
    expect(normalizeEmail(' Sales@HuoJu.CN ')).toBe('sales@huoju.cn');
    expect(normalizeEmail('mailto:sales@huoju.cn')).toBe('sales@huoju.cn');
    expect(normalizeEmail('sales at huoju')).toBeUndefined();
  });

  it('validates unified social credit codes by their check character', () => {
    expect(isValidCreditCode('91440300192185379H')).toBe(true);
    expect(isValidCreditCode('91440300192185379G')).toBe(false);
    expect(isValidCreditCode('9144030019218537')).toBe(false);
    expect(normalizeCreditCode(' ９１４４０３００-１９２１８５３７９ｈ ')).toBe('91440300192185379H');
  });
});
