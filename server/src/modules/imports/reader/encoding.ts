import iconv from 'iconv-lite';
import jschardet from 'jschardet';

export const encodingOverrides = ['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'gb18030', 'gbk', 'big5'] as const;
export type TextEncoding = (typeof encodingOverrides)[number];

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** bytes of byte-order mark to skip */
  bomLength: number;
}

/** True when the bytes are well-formed UTF-8, forgiving a character cut off at the end of the sample. */
function isUtf8(sample: Buffer, complete: boolean): boolean {
  const bytes = complete ? sample : sample.subarray(0, Math.max(0, sample.length - 3));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The text encoding of a CSV file from its first bytes. A byte-order mark decides (UTF-8, UTF-16,
 * UTF-32); then well-formed UTF-8 is UTF-8; otherwise it is what Excel on a Chinese Windows writes,
 * GBK, read as GB18030 (its superset), unless jschardet is sure of Big5. jschardet is not trusted with
 * its single-byte guesses (windows-1252, ISO-8859-x): on short Chinese samples they are usually wrong.
 */
export function detectEncoding(sample: Buffer, complete = false): DetectedEncoding {
  const b = sample;
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: 'utf-32le', bomLength: 4 };
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', bomLength: 4 };
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (isUtf8(b, complete)) return { encoding: 'utf-8', bomLength: 0 };
  const guess = jschardet.detect(b);
  if (guess.encoding?.toLowerCase() === 'big5' && guess.confidence >= 0.95) return { encoding: 'big5', bomLength: 0 };
  return { encoding: 'gb18030', bomLength: 0 };
}

/** A decoding transform for node streams; iconv-lite covers UTF-32 and GB18030 where TextDecoder does not everywhere. */
export function decoderStream(encoding: TextEncoding) {
  return iconv.decodeStream(encoding === 'gbk' ? 'gb18030' : encoding, { stripBOM: true });
}

export function encodeText(text: string, encoding: 'utf-8' | 'gbk'): Buffer {
  return encoding === 'gbk' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
}
