import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { guardedLookup, refusedAddress } from './target-guard.ts';

export const RESPONSE_BODY_LIMIT = 2048;
export const SEND_TIMEOUT_MS = 10_000;

export interface SendOutcome {
  /** 2xx: the receiver has it */
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  /** the first 2 KB of what the receiver answered */
  responseBody: string | null;
  /** why no answer came (refused address, timeout, connection error) */
  error: string | null;
}

/**
 * POSTs one delivery. Redirects are not followed (a 3xx is a failure: the URL should be fixed),
 * the whole exchange has a time limit, and only the start of the answer is read.
 */
export function postWebhook(target: string, headers: Record<string, string>, body: string, timeoutMs = SEND_TIMEOUT_MS): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (o: Omit<SendOutcome, 'durationMs' | 'ok'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...o, ok: o.statusCode !== null && o.statusCode >= 200 && o.statusCode < 300, durationMs: elapsed() });
    };
    const url = new URL(target);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // a literal address never goes through the lookup hook
    const refused = net.isIP(host) ? refusedAddress(host) : null;
    if (refused) return finish({ statusCode: null, responseBody: null, error: `refused: ${refused}` });

    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body).toString() },
      lookup: guardedLookup as never,
      agent: false,
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => finish({ statusCode: res.statusCode ?? null, responseBody: Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_BODY_LIMIT), error: null });
      res.on('data', (chunk: Buffer) => {
        if (size >= RESPONSE_BODY_LIMIT) return;
        chunks.push(chunk.subarray(0, RESPONSE_BODY_LIMIT - size));
        size += chunk.length;
        // enough read: no need to wait for a large or endless answer
        if (size >= RESPONSE_BODY_LIMIT) {
          done();
          res.destroy();
        }
      });
      res.on('end', done);
      res.on('error', done);
      res.on('close', done);
    });
    const timer = setTimeout(() => {
      finish({ statusCode: null, responseBody: null, error: `no answer within ${timeoutMs / 1000} s` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => finish({ statusCode: null, responseBody: null, error: err.message || err.code || 'connection failed' }));
    req.end(body);
  });
}
