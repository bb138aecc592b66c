import type { Readable } from 'node:stream';

/**
 * Where uploaded bytes live: a folder on the server's disk (the default) or an S3-compatible bucket.
 * The database keeps what a file is (name, type, size, checksum, owner); the store keeps only bytes
 * under a key. A `put` is all or nothing: a reader never sees half a file under a key.
 */
export interface FileStore {
  readonly kind: 'disk' | 's3';
  put(key: string, body: Readable | Buffer, opts: { contentType: string }): Promise<void>;
  /** the bytes; FileNotFoundError when there is nothing under the key */
  get(key: string): Promise<Readable>;
  /** removes the file; a missing one is not an error */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export class FileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no file under key ${key}`);
    this.name = 'FileNotFoundError';
  }
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}
