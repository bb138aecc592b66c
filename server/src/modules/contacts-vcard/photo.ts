import { param, type ContentLine } from './content-line.ts';
import { isBase64Encoding } from './unfold.ts';
import { decodeBase64 } from './value-decoding.ts';
import type { VCardPhoto, VCardWarning } from './vcard.types.ts';

/**
 * PHOTO comes as inline base64 (2.1 ENCODING=BASE64, 3.0 ENCODING=b), as a data: URI (4.0) or as a
 * URL. The media type is taken from the image's own first bytes when they are known, because
 * exporters label PNGs "JPEG" and 2.1 cards often give no type at all.
 */
export type PhotoResult = { photo: VCardPhoto } | { url: string } | { warning: VCardWarning } | null;

const signatures: [string, number[]][] = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['image/bmp', [0x42, 0x4d]],
];

function sniff(bytes: Buffer): string | null {
  for (const [type, sig] of signatures) if (sig.every((b, i) => bytes[i] === b)) return type;
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

/** TYPE=JPEG (2.1/3.0), TYPE=image/png, MEDIATYPE=image/png (4.0 URIs). */
function declaredType(cl: ContentLine): string | null {
  const raw = param(cl, 'MEDIATYPE') ?? cl.params.get('TYPE')?.find((t) => /^(image\/)?[a-z0-9.+-]+$/i.test(t) && !/^(home|work|pref)$/i.test(t));
  if (!raw) return null;
  const t = raw.toLowerCase();
  if (t.includes('/')) return t;
  return `image/${t === 'jpg' ? 'jpeg' : t}`;
}

function fromBytes(bytes: Buffer, cl: ContentLine): PhotoResult {
  if (!bytes.length) return null;
  const mediaType = sniff(bytes) ?? declaredType(cl);
  if (!mediaType) return { warning: { code: 'bad_photo', line: cl.line } };
  return { photo: { mediaType, bytes: bytes.toString('base64') } };
}

export function readPhoto(cl: ContentLine): PhotoResult {
  const text = cl.value.toString('latin1').trim();
  if (isBase64Encoding(param(cl, 'ENCODING')?.toUpperCase())) {
    const bytes = decodeBase64(text);
    if (!bytes) return { warning: { code: 'bad_base64', line: cl.line } };
    return fromBytes(bytes, cl);
  }
  if (!text) return null;
  const data = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/is.exec(text);
  if (data) {
    const isBase64 = /;base64$/i.test(data[2]);
    let bytes: Buffer | null;
    try {
      bytes = isBase64 ? decodeBase64(data[3]) : Buffer.from(decodeURIComponent(data[3]), 'latin1');
    } catch {
      bytes = null;
    }
    if (!bytes) return { warning: { code: 'bad_base64', line: cl.line } };
    if (!bytes.length) return null;
    const mediaType = sniff(bytes) ?? (data[1] ? data[1].toLowerCase() : null);
    return mediaType ? { photo: { mediaType, bytes: bytes.toString('base64') } } : { warning: { code: 'bad_photo', line: cl.line } };
  }
  if (/^(https?|ftp):\/\//i.test(text.replace(/\\:/g, ':'))) return { url: text.replace(/\\:/g, ':') };
  return { warning: { code: 'bad_photo', line: cl.line } };
}
