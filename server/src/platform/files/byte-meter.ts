import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { FileTooLargeError } from './file-store.ts';

/**
 * Passes bytes through while counting and hashing them, and fails the stream as soon as it grows past
 * the limit: an upload is measured while it streams to the store, never held whole in memory, and an
 * oversized one stops there (the store then keeps nothing).
 */
export class ByteMeter extends Transform {
  bytes = 0;
  private readonly hash = createHash('sha256');

  constructor(readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      done(new FileTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** hex SHA-256 of everything that passed; call once the stream has finished */
  sha256(): string {
    return this.hash.copy().digest('hex');
  }
}
