import type { VCardVersion } from './vcard.types.ts';

/**
 * Turns the file's bytes into logical content lines. Works on bytes, not text: a vCard 2.1 file mixes
 * charsets line by line (CHARSET=SHIFT_JIS next to UTF-8), so text exists only per value.
 *
 * Continuations, in the order they are tried:
 *  - quoted-printable soft line break: a QP value ending in "=" continues on the next line, whatever
 *    that line starts with (even "#", see AOSP v21_invalid_comment_line);
 *  - folding: a line starting with space or tab. vCard 3.0/4.0 drop the CRLF and that one blank;
 *    vCard 2.1 keeps the blank (its unfolding rule, and what "Omega"\n  <omega@…> expects);
 *  - vCard 2.1 base64 written as bare lines without the leading blank (some BlackBerry/Android exports);
 *  - a line ending in a lone backslash followed by a line that is not a property (AOSP
 *    v21_adr_multiple_line): an escaped line break.
 * Lines starting with "#" are comments some exporters write; they are dropped.
 */
export interface LogicalLine {
  bytes: Buffer;
  /** 1-based physical line where it starts */
  line: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const EQUALS = 0x3d;
const BACKSLASH = 0x5c;
const HASH = 0x23;

/** Splits on LF, CRLF, CR and the CR CR LF some iPhone exports write. */
export function* physicalLines(buf: Buffer): Generator<LogicalLine> {
  // indexOf runs natively; a byte loop in JavaScript costs seconds on a 50 MB export.
  let nextLf = buf.indexOf(LF);
  let nextCr = buf.indexOf(CR);
  let start = 0;
  let line = 1;
  while (start < buf.length) {
    if (nextLf !== -1 && nextLf < start) nextLf = buf.indexOf(LF, start);
    if (nextCr !== -1 && nextCr < start) nextCr = buf.indexOf(CR, start);
    const end = nextCr === -1 ? nextLf : nextLf === -1 ? nextCr : Math.min(nextLf, nextCr);
    if (end === -1) break;
    yield { bytes: buf.subarray(start, end), line: line++ };
    // \r+\n is one break; a lone \r is one break.
    let j = end;
    while (buf[j] === CR) j++;
    start = buf[j] === LF ? j + 1 : end + 1;
  }
  if (start < buf.length) yield { bytes: buf.subarray(start), line };
}

const PROPERTY_START = /^(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_-]+[;:]/;
const BASE64_ONLY = /^[A-Za-z0-9+/=\s]+$/;

export interface UnfoldContext {
  /** version of the card being read, for the folding rule */
  version(): VCardVersion;
  /** the ENCODING of a logical line started so far (upper-case), read from its head */
  encodingOf(bytes: Buffer): string | undefined;
}

function endsWithLoneBackslash(bytes: Buffer): boolean {
  let n = 0;
  for (let i = bytes.length - 1; i >= 0 && bytes[i] === BACKSLASH; i--) n++;
  return n % 2 === 1;
}

export function* logicalLines(buf: Buffer, ctx: UnfoldContext): Generator<LogicalLine> {
  let parts: Buffer[] = [];
  let startLine = 0;
  // Read from the head once per logical line; a photo has hundreds of continuation lines.
  let encoding: string | undefined | null = null;
  const current = () => (parts.length === 1 ? parts[0] : Buffer.concat(parts));
  const encodingOfCurrent = () => {
    if (encoding === null) encoding = ctx.encodingOf(current());
    return encoding;
  };

  for (const { bytes, line } of physicalLines(buf)) {
    if (parts.length) {
      const tail = parts[parts.length - 1];
      if (tail[tail.length - 1] === EQUALS && encodingOfCurrent() === 'QUOTED-PRINTABLE' && !/^END:VCARD\s*$/i.test(bytes.toString('latin1'))) {
        parts[parts.length - 1] = tail.subarray(0, tail.length - 1);
        parts.push(bytes);
        continue;
      }
      if (bytes.length && (bytes[0] === SPACE || bytes[0] === TAB)) {
        parts.push(ctx.version() === '2.1' ? bytes : bytes.subarray(1));
        continue;
      }
      const text = bytes.toString('latin1');
      if (text.length && !text.includes(':') && BASE64_ONLY.test(text) && isBase64Encoding(encodingOfCurrent())) {
        parts.push(bytes);
        continue;
      }
      if (text.length && endsWithLoneBackslash(tail) && !PROPERTY_START.test(text)) {
        // "\" + "n" is the escaped line break the value meant.
        parts.push(Buffer.from('n'), bytes);
        continue;
      }
      yield { bytes: current(), line: startLine };
      parts = [];
    }
    if (!bytes.length || bytes[0] === HASH) continue;
    // A stray folded line with nothing before it is still content, not a continuation.
    parts = [bytes];
    startLine = line;
    encoding = null;
  }
  if (parts.length) yield { bytes: current(), line: startLine };
}

export const isBase64Encoding = (encoding: string | undefined) => encoding === 'BASE64' || encoding === 'B';
