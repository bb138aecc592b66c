import type { z } from 'zod';
import type { reportRunSchema } from '../dedup.types.ts';
import type { ReportRun } from './report.commands.ts';

/** Scoring is most of a run; the phases before and after it are given a fixed share of the bar. */
const PHASE_SPAN: Record<NonNullable<ReportRun['phase']>, [number, number]> = {
  flags: [0, 0.05],
  pairs: [0.05, 0.3],
  scoring: [0.3, 0.9],
  grouping: [0.9, 0.93],
  saving: [0.93, 1],
};

export function presentRun(run: ReportRun): z.infer<typeof reportRunSchema> {
  let progress = run.state === 'done' ? 1 : 0;
  if (run.state === 'running' && run.phase) {
    const [from, to] = PHASE_SPAN[run.phase];
    const share = run.progressTotal > 0 ? Math.min(1, run.progressDone / run.progressTotal) : 0;
    progress = Math.round((from + (to - from) * share) * 1000) / 1000;
  }
  return {
    id: run.id,
    state: run.state,
    phase: run.phase,
    trigger: run.trigger,
    progress,
    accounts: run.accounts,
    candidatePairs: run.candidatePairs,
    comparisons: run.comparisons,
    groups: run.groups,
    groupedAccounts: run.groupedAccounts,
    timings: { ...run.timings },
    failure: run.failure,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
