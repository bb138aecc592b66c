import { Readable } from 'node:stream';
import { ByteMeter } from '../../platform/files/byte-meter.ts';

/**
 * The raw request body, measured on its way to the store. `pipe` rather than `pipeline`: when the
 * meter stops an oversized upload, the request itself must stay open so the 413 can still be sent
 * (pipeline would destroy the socket and the client would see a reset instead of an answer).
 * Errors and a client hanging up are forwarded by hand, which `pipe` does not do.
 */
export function meteredBody(body: unknown, maxBytes: number): ByteMeter {
  const meter = new ByteMeter(maxBytes);
  if (!(body instanceof Readable)) {
    // No body at all (Content-Length: 0): an empty stream, refused later as an empty file.
    meter.end();
    return meter;
  }
  body.on('error', (err) => meter.destroy(err));
  body.on('close', () => {
    if (!body.readableEnded) meter.destroy(new Error('the upload was interrupted'));
  });
  body.pipe(meter);
  return meter;
}

/** `type/subtype` with optional parameters; anything else is stored as plain bytes. */
export function uploadContentType(header: string | undefined): string {
  const value = header?.trim().toLowerCase() ?? '';
  return value.length <= 200 && /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;.*)?$/.test(value) ? value : 'application/octet-stream';
}
