/**
 * Where the server's log lines go: stdout, written in batches. pino's default destination writes
 * every line with its own synchronous write(2); under load that was 8 % of the CPU of a point lookup
 * (bench --cpu-prof: sonic-boom's writeString). Lines are collected for at most 50 ms or 16 KB and
 * written in one call; on exit (also after an uncaught exception) what is left is written
 * synchronously, so only a SIGKILL can lose the last 50 ms of lines.
 */
import fs from 'node:fs';

const MAX_BYTES = 16_384;
const MAX_DELAY_MS = 50;

export interface LogStream {
  write(line: string): void;
  flush(): void;
}

let shared: LogStream | undefined;

export function batchedStdout(): LogStream {
  if (shared) return shared;
  let buffer = '';
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!buffer) return;
    const out = buffer;
    buffer = '';
    process.stdout.write(out);
  };
  process.once('exit', () => {
    if (timer) clearTimeout(timer);
    if (!buffer) return;
    try {
      fs.writeSync(1, buffer);
    } catch {
      // stdout is gone: nothing left to tell
    }
    buffer = '';
  });
  shared = {
    write(line) {
      buffer += line;
      if (buffer.length >= MAX_BYTES) flush();
      else timer ??= setTimeout(flush, MAX_DELAY_MS).unref();
    },
    flush,
  };
  return shared;
}
