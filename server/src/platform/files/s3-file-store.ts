import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { S3Settings } from '../config.ts';
import { assertValidKey } from './file-keys.ts';
import { FileNotFoundError, type FileStore } from './file-store.ts';

/** The client options for an S3-compatible server (AWS, MinIO, Ceph, Alibaba OSS, Tencent COS…). */
export function s3ClientConfig(s: S3Settings): S3ClientConfig {
  return {
    region: s.region,
    endpoint: s.endpoint || undefined,
    // MinIO-like servers have no per-bucket DNS names: http://minio:9000/<bucket>/<key>.
    forcePathStyle: s.forcePathStyle,
    // Without keys, the AWS default chain applies (instance role, ~/.aws, AWS_* variables).
    credentials: s.accessKeyId && s.secretAccessKey ? { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } : undefined,
    // Newer SDKs add CRC32 trailers to every upload by default; many S3-compatible servers reject
    // them. Checksums only where the operation requires them keeps those servers working.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

const statusOf = (err: unknown) => (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
const isNotFound = (err: unknown) =>
  statusOf(err) === 404 || ['NoSuchKey', 'NotFound'].includes((err as { name?: string })?.name ?? '');

/**
 * A bucket as a FileStore. S3 writes an object only when the whole body arrived, so a failed put
 * leaves nothing behind. S3 needs the length before the body: a stream is spooled to a temporary
 * file first (uploads are at most tens of megabytes; memory stays flat).
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;

  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {}

  static fromSettings(s: S3Settings, extra: Partial<S3ClientConfig> = {}): S3FileStore {
    return new S3FileStore(new S3Client({ ...s3ClientConfig(s), ...extra }), s.bucket);
  }

  async put(key: string, body: Readable | Buffer, opts: { contentType: string }): Promise<void> {
    assertValidKey(key);
    if (Buffer.isBuffer(body)) {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentLength: body.length, ContentType: opts.contentType }));
      return;
    }
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kehu-s3-'));
    const spool = path.join(dir, 'body');
    try {
      await pipeline(body, fs.createWriteStream(spool));
      const { size } = await fsp.stat(spool);
      await this.client.send(new PutObjectCommand({
        Bucket: this.bucket, Key: key, Body: fs.createReadStream(spool), ContentLength: size, ContentType: opts.contentType,
      }));
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    assertValidKey(key);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!res.Body) throw new FileNotFoundError(key);
      return res.Body instanceof Readable ? res.Body : Readable.fromWeb(res.Body.transformToWebStream() as never);
    } catch (err) {
      if (isNotFound(err)) throw new FileNotFoundError(key);
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }
}
