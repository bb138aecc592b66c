/**
 * Phone numbers are stored and searched as digits: '+86 138-0013-8000', '(0086)13800138000' and
 * '138 0013 8000' are all 13800138000; '+86 21 6888 8888' is the domestic form 02168888888.
 * Numbers of other countries keep a leading '+' and their country code. Returns null when there
 * are too few digits to be a phone number.
 */
export function normalizePhone(raw: string): string | null {
  const text = raw.normalize('NFKC').trim();
  let digits = text.replace(/\D/g, '');
  let international = false;
  if (text.startsWith('+86') || digits.startsWith('0086')) {
    digits = digits.slice(text.startsWith('+') ? 2 : 4);
    international = true;
  } else if (text.startsWith('+')) {
    return digits.length >= 7 ? `+${digits}` : null;
  } else if (digits.length === 13 && digits.startsWith('861')) {
    digits = digits.slice(2); // a mobile number written with the country code but without '+'
  }
  // A landline written internationally drops the trunk 0: +86 21 … is 021 ….
  if (international && !digits.startsWith('1') && !digits.startsWith('0')) digits = `0${digits}`;
  return digits.length >= 5 ? digits : null;
}

/**
 * Keys a number is found by: the number itself and, for a mainland landline, the local number
 * without its area code (people dial 68888888, not 02168888888). Area codes 010 and 02x have three
 * digits; every other one has four.
 */
export function phoneKeys(normalized: string): string[] {
  const keys = [normalized];
  if (/^0\d{9,11}$/.test(normalized)) {
    const local = normalized.slice(/^0(10|2\d)/.test(normalized) ? 3 : 4);
    if (local.length >= 7) keys.push(local);
  }
  return keys;
}
