import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';

/**
 * Text values become strings here. A declared CHARSET wins (GB2312, GBK, SHIFT_JIS, ISO-8859-1…;
 * GB2312 is read as GBK/GB18030, its superset, because phones label GBK text "GB2312"). Without one,
 * valid UTF-8 is UTF-8; anything else is read with the caller's fallback, else the file's guessed
 * CJK charset, else GB18030 when the bytes are valid GB18030 (old Chinese phones wrote GBK without
 * saying so), else Windows-1252 (what vCard 2.1 writers in Europe meant).
 */
export interface DecodedText {
  text: string;
  /** set when the declared charset is unknown, or when undeclared bytes had to be guessed */
  problem?: { code: 'unknown_charset' | 'charset_guessed' | 'undecodable_text'; detail?: string };
}

const CJK_GUESSES = new Set(['GB2312', 'GB18030', 'GBK', 'BIG5', 'SHIFT_JIS', 'EUC-JP', 'EUC-KR', 'EUC-TW']);
const ALIASES: Record<string, string> = { GB2312: 'GB18030', GBK: 'GB18030', 'X-SJIS': 'SHIFT_JIS', SJIS: 'SHIFT_JIS' };
const REPLACEMENT = '\uFFFD';

const canonical = (charset: string) => ALIASES[charset.toUpperCase()] ?? charset;

export class CharsetDecoder {
  private guessed: string | null | undefined;

  constructor(
    private readonly file: Buffer,
    private readonly fallback?: string,
  ) {}

  /** The file's charset as jschardet sees it, when that is a multi-byte CJK one; computed once. */
  private fileGuess(): string | null {
    if (this.guessed === undefined) {
      const guess = jschardet.detect(this.file).encoding?.toUpperCase();
      this.guessed = guess && CJK_GUESSES.has(guess) && iconv.encodingExists(guess) ? canonical(guess) : null;
    }
    return this.guessed;
  }

  decode(bytes: Buffer, declared: string | undefined): DecodedText {
    if (declared) {
      const charset = canonical(declared.trim());
      if (iconv.encodingExists(charset)) return this.checked(bytes, iconv.decode(bytes, charset));
      const read = this.undeclared(bytes);
      return { text: read.text, problem: { code: 'unknown_charset', detail: declared } };
    }
    return this.undeclared(bytes);
  }

  private undeclared(bytes: Buffer): DecodedText {
    if (isUtf8(bytes)) return { text: stripBom(bytes.toString('utf8')) };
    const candidates = [this.fallback, this.fileGuess(), 'GB18030'].filter((c): c is string => !!c && iconv.encodingExists(c));
    for (const charset of candidates) {
      const text = iconv.decode(bytes, charset);
      if (!text.includes(REPLACEMENT)) return { text, problem: { code: 'charset_guessed', detail: charset } };
    }
    return { text: iconv.decode(bytes, 'windows-1252'), problem: { code: 'charset_guessed', detail: 'windows-1252' } };
  }

  /** A wrong label happens (GBK bytes marked UTF-8): when the declared charset fails, a clean guess is better. */
  private checked(bytes: Buffer, text: string): DecodedText {
    if (!text.includes(REPLACEMENT)) return { text: stripBom(text) };
    const guess = this.undeclared(bytes);
    return guess.text.includes(REPLACEMENT) ? { text, problem: { code: 'undecodable_text' } } : guess;
  }
}

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

/** UTF-16 exports (Windows address books) are turned into UTF-8 bytes before anything else reads them. */
export function normaliseFileEncoding(buf: Buffer): Buffer {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return Buffer.from(iconv.decode(buf.subarray(2), 'utf-16le'), 'utf8');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(iconv.decode(buf.subarray(2), 'utf-16be'), 'utf8');
  // No BOM, but "B\0E\0G\0I\0N\0": UTF-16 little-endian all the same.
  if (buf.length >= 4 && buf[0] !== 0 && buf[1] === 0 && buf[2] !== 0 && buf[3] === 0) {
    return Buffer.from(iconv.decode(buf, 'utf-16le'), 'utf8');
  }
  if (buf.length >= 4 && buf[0] === 0 && buf[1] !== 0 && buf[2] === 0 && buf[3] !== 0) {
    return Buffer.from(iconv.decode(buf, 'utf-16be'), 'utf8');
  }
  return buf;
}
