/**
 * RFC 6350 §3.2 / RFC 2426 §2.6: content lines SHOULD NOT be longer than 75 octets, excluding the line
 * break; longer ones are folded with CRLF and one space. Counted in UTF-8 octets, and never inside a
 * character: a Chinese name split between two of its three bytes would be garbage to every reader.
 */
export const MAX_LINE_OCTETS = 75;

const utf8Octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

export function foldLine(line: string, max = MAX_LINE_OCTETS): string {
  if (line.length <= max / 4) return line;
  // Plain ASCII (a photo's base64, most phone numbers): octets are characters, slice directly.
  if (!/[\u0080-\uffff]/.test(line)) {
    if (line.length <= max) return line;
    const out = [line.slice(0, max)];
    for (let i = max; i < line.length; i += max - 1) out.push(line.slice(i, i + max - 1));
    return out.join('\r\n ');
  }
  const out: string[] = [];
  let start = 0;
  let octets = 0;
  // The leading space of a continuation counts towards its 75 octets.
  let limit = max;
  let i = 0;
  while (i < line.length) {
    const cp = line.codePointAt(i)!;
    const n = utf8Octets(cp);
    if (octets + n > limit) {
      out.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = max - 1;
    }
    octets += n;
    i += cp > 0xffff ? 2 : 1;
  }
  out.push(line.slice(start));
  return out.join('\r\n ');
}
