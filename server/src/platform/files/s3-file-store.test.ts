import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { loadConfig, type S3Settings } from '../config.ts';
import { FileNotFoundError } from './file-store.ts';
import { s3ClientConfig, S3FileStore } from './s3-file-store.ts';

/**
 * No S3 server runs here (no MinIO on this machine), so these tests check configuration and the
 * HTTP requests the store makes, answered by a recording handler in place of the network. They do
 * not prove a real server accepts them; a run against MinIO (KEHU_S3_* set) is still to be done.
 */
const settings: S3Settings = {
  bucket: 'kehu-files', region: 'cn-east-1', endpoint: 'http://minio.local:9000',
  accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', forcePathStyle: true,
};

interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

async function bodyOf(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body) || body instanceof Uint8Array) return Buffer.from(body);
  if (typeof body === 'string') return Buffer.from(body);
  return Buffer.concat(await (body as Readable).toArray());
}

/** A store whose HTTP requests are recorded and answered by `respond`. */
function recordingStore(respond: (r: Recorded) => { status: number; body?: string; headers?: Record<string, string> }) {
  const requests: Recorded[] = [];
  const requestHandler = {
    handle: async (req: HttpRequest): Promise<{ response: HttpResponse }> => {
      const rec: Recorded = {
        method: req.method,
        url: `${req.protocol}//${req.hostname}${req.port ? `:${req.port}` : ''}${req.path}`,
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v])),
        body: await bodyOf(req.body),
      };
      requests.push(rec);
      const answer = respond(rec);
      return { response: { statusCode: answer.status, headers: answer.headers ?? {}, body: Readable.from([Buffer.from(answer.body ?? '')]) } };
    },
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
  };
  return { store: S3FileStore.fromSettings(settings, { requestHandler, maxAttempts: 1 }), requests };
}

describe('S3 settings', () => {
  it('come from KEHU_S3_*; path style follows the endpoint unless set', () => {
    const s3 = loadConfig({ KEHU_S3_BUCKET: 'b', KEHU_S3_ENDPOINT: 'http://minio:9000', KEHU_S3_ACCESS_KEY_ID: 'k', KEHU_S3_SECRET_ACCESS_KEY: 's' }).files;
    expect(s3).toEqual({ kind: 's3', bucket: 'b', region: 'us-east-1', endpoint: 'http://minio:9000', accessKeyId: 'k', secretAccessKey: 's', forcePathStyle: true });
    expect(loadConfig({ KEHU_S3_BUCKET: 'b' }).files).toMatchObject({ kind: 's3', endpoint: undefined, forcePathStyle: false });
    expect(loadConfig({ KEHU_S3_BUCKET: 'b', KEHU_S3_ENDPOINT: 'https://oss', KEHU_S3_FORCE_PATH_STYLE: 'false' }).files).toMatchObject({ forcePathStyle: false });
    expect(loadConfig({ KEHU_DATA_DIR: '/srv/kehu' }).files).toEqual({ kind: 'disk', dir: '/srv/kehu/files' });
  });

  it('turn into client options that S3-compatible servers accept', () => {
    const c = s3ClientConfig(settings);
    expect(c).toMatchObject({ region: 'cn-east-1', endpoint: 'http://minio.local:9000', forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
    expect(c.credentials).toEqual({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
    expect(s3ClientConfig({ ...settings, accessKeyId: undefined }).credentials).toBeUndefined();
  });
});

describe('S3 file store requests', () => {
  const key = 'tenants/t1/attachments/2025/01/0190a1b2';

  it('puts a buffer with its length and type, path-style and signed', async () => {
    const { store, requests } = recordingStore(() => ({ status: 200 }));
    await store.put(key, Buffer.from('报价单'), { contentType: 'application/pdf' });
    expect(requests).toHaveLength(1);
    const [put] = requests;
    expect(put).toMatchObject({ method: 'PUT', url: `http://minio.local:9000/kehu-files/${key}` });
    expect(put.headers['content-type']).toBe('application/pdf');
    expect(put.headers['content-length']).toBe(String(Buffer.byteLength('报价单')));
    expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-east-1\/s3\/aws4_request/);
    expect(put.body.toString()).toBe('报价单');
  });

  it('spools a stream of unknown length and sends it with its length', async () => {
    const { store, requests } = recordingStore(() => ({ status: 200 }));
    const chunks = [Buffer.alloc(70_000, 1), Buffer.alloc(30_000, 2)];
    await store.put(key, Readable.from(chunks), { contentType: 'image/png' });
    expect(requests[0].headers['content-length']).toBe('100000');
    expect(requests[0].body.equals(Buffer.concat(chunks))).toBe(true);
  });

  it('gets, heads and deletes the same object', async () => {
    const { store, requests } = recordingStore((r) => (r.method === 'GET' ? { status: 200, body: 'bytes', headers: { 'content-length': '5' } } : { status: r.method === 'DELETE' ? 204 : 200 }));
    expect(Buffer.concat(await (await store.get(key)).toArray()).toString()).toBe('bytes');
    expect(await store.exists(key)).toBe(true);
    await store.delete(key);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET http://minio.local:9000/kehu-files/${key}`,
      `HEAD http://minio.local:9000/kehu-files/${key}`,
      `DELETE http://minio.local:9000/kehu-files/${key}`,
    ]);
  });

  it('reports a missing object as missing', async () => {
    const { store } = recordingStore((r) => ({
      status: 404,
      body: r.method === 'GET' ? '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>none</Message></Error>' : '',
      headers: r.method === 'GET' ? { 'content-type': 'application/xml' } : ({} as Record<string, string>),
    }));
    expect(await store.exists(key)).toBe(false);
    await expect(store.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('sends nothing for a key that is not valid', async () => {
    const { store, requests } = recordingStore(() => ({ status: 200 }));
    await expect(store.put('../other-bucket/x', Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow(/invalid storage key/);
    await expect(store.get('a/../b')).rejects.toThrow(/invalid storage key/);
    expect(requests).toEqual([]);
  });
});
