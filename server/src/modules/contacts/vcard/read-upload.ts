import type { FastifyReply, FastifyRequest } from 'fastify';
import { FileTooLargeError } from '../../../platform/files/file-store.ts';
import { AppError, invalid } from '../../../platform/http/errors.ts';
import { meteredBody, uploadContentType } from '../../attachments/upload-body.ts';
import { MAX_VCARD_BYTES, vcardUploadTypes } from './vcard-transfer.types.ts';

const tooLarge = (reply: FastifyReply) => {
  // The rest of the body is not wanted: close the connection rather than drain it.
  reply.header('connection', 'close');
  return new AppError('payload_too_large', { maxBytes: MAX_VCARD_BYTES });
};

/**
 * The uploaded vCard file, whole: the parser needs all of it (a 2.1 file's charset changes from one
 * line to the next). Measured while it streams in, so a body over the limit is refused at the limit,
 * declared or not, and never held in memory beyond it.
 */
export async function readVCardUpload(req: FastifyRequest, reply: FastifyReply): Promise<Buffer> {
  const header = req.headers['content-type'];
  const type = uploadContentType(header).split(';')[0].trim();
  if (header && !vcardUploadTypes.includes(type)) {
    throw invalid('headers.content-type', `send the file as ${vcardUploadTypes.slice(0, 2).join(' or ')}, or application/octet-stream`);
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_VCARD_BYTES) throw tooLarge(reply);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of meteredBody(req.body, MAX_VCARD_BYTES)) chunks.push(chunk as Buffer);
  } catch (err) {
    if (err instanceof FileTooLargeError) throw tooLarge(reply);
    throw err;
  }
  const file = Buffer.concat(chunks);
  if (!file.length) throw invalid('body', 'the file is empty');
  return file;
}
