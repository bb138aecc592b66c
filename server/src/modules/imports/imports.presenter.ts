import type { ImportJobRow } from './imports.engine.ts';
import type { ImportDto } from './imports.types.ts';

/** Progress in the form the progress bar shows: rate of the current run and the time left at that rate. */
export function presentImport(job: ImportJobRow, sample?: string[][]): ImportDto {
  let rowsPerSecond: number | null = null;
  let secondsLeft: number | null = null;
  if (job.runStartedAt && (job.state === 'running' || job.state === 'done')) {
    const end = job.state === 'done' && job.finishedAt ? job.finishedAt : new Date();
    const seconds = Math.max(0.001, (end.getTime() - job.runStartedAt.getTime()) / 1000);
    rowsPerSecond = Math.round(((job.processed - job.runStartProcessed) / seconds) * 10) / 10;
    if (job.state === 'running' && job.totalRows !== null && rowsPerSecond > 0) {
      secondsLeft = Math.ceil(Math.max(0, job.totalRows - job.processed) / rowsPerSecond);
    }
  }
  return {
    id: job.id,
    target: job.target,
    fileName: job.fileName,
    fileSize: job.fileSize,
    state: job.state,
    format: job.layout.format,
    encoding: job.layout.encoding,
    headerRow: job.layout.headerRow,
    headers: job.layout.headers,
    mapping: job.mapping,
    duplicatePolicy: job.options.duplicatePolicy,
    ownerId: job.options.ownerId ?? null,
    unitId: job.options.unitId ?? null,
    totalRows: job.totalRows,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    skipped: job.skipped,
    errors: job.errors,
    rowsPerSecond,
    secondsLeft,
    failure: job.failure,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    ...(sample ? { sample } : {}),
  };
}
