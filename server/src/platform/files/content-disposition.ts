/**
 * `Content-Disposition: attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987
 * encoding). Browsers use filename*, so 报价单.pdf downloads as 报价单.pdf; the plain filename is an
 * ASCII stand-in for old clients. Quotes, backslashes and line breaks can never reach the header.
 */
const asciiFallback = (name: string) =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_').trim() || 'download';

/** RFC 5987 attr-char: encodeURIComponent leaves ' ( ) * unescaped, which the grammar does not allow. */
const encodeRfc5987 = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const name = fileName.replace(/[\r\n]/g, ' ');
  return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
