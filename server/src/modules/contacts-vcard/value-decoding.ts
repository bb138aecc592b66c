/** Value-level decoding shared by every property: transfer encodings, escapes, components. */

const hexValue = (b: number): number =>
  b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1;

/** Quoted-printable to bytes. Soft line breaks were joined by the unfolder; a malformed "=" stays literal. */
export function decodeQuotedPrintable(bytes: Buffer): Buffer {
  const out = Buffer.alloc(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x3d && i + 2 < bytes.length) {
      const hi = hexValue(bytes[i + 1]);
      const lo = hexValue(bytes[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = b;
  }
  return out.subarray(0, n);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Base64 (standard or URL-safe, padding optional) to bytes; null when it is not base64 at all. */
export function decodeBase64(text: string): Buffer | null {
  const s = text.replace(/\s+/g, '');
  if (!s) return Buffer.alloc(0);
  if (s.replace(/=+$/, '').length % 4 === 1) return null;
  if (BASE64.test(s)) return Buffer.from(s, 'base64');
  if (BASE64URL.test(s)) return Buffer.from(s, 'base64url');
  return null;
}

/** Splits on an unescaped separator; escapes stay in place for unescapeText. */
export function splitEscaped(s: string, sep: ';' | ','): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\' && i + 1 < s.length) {
      cur += ch + s[i + 1];
      i++;
    } else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * \n \N → line break; \\ \; \, \: → the character. Any other backslash is kept: vCard 2.1 does not
 * escape it (a Windows path in a note must survive).
 */
export function unescapeText(s: string): string {
  return s.replace(/\\([\\;,:nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)).replace(/\r\n?/g, '\n');
}

export const components = (s: string): string[] => splitEscaped(s, ';').map(unescapeText);
