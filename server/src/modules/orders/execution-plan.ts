import { invalid } from '../../platform/http/errors.ts';

export interface PlanStep {
  key: string;
  durationDays: number;
  dependsOn: readonly string[];
}

/** 'YYYY-MM-DD' plus n days, in UTC calendar days (due dates are dates, not instants). */
export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Steps in an order where every step comes after the ones it depends on; unknown keys and cycles are errors. */
export function topologicalOrder<T extends PlanStep>(steps: readonly T[], field = 'milestones'): T[] {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  if (byKey.size !== steps.length) throw invalid(field, 'milestone keys must be unique');
  for (const s of steps) {
    for (const dep of s.dependsOn) {
      if (!byKey.has(dep)) throw invalid(field, `${s.key} depends on unknown milestone ${dep}`);
      if (dep === s.key) throw invalid(field, `${s.key} depends on itself`);
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const out: T[] = [];
  const visit = (s: T) => {
    const st = state.get(s.key);
    if (st === 'done') return;
    if (st === 'visiting') throw invalid(field, `milestone dependencies form a cycle through ${s.key}`);
    state.set(s.key, 'visiting');
    for (const dep of s.dependsOn) visit(byKey.get(dep)!);
    state.set(s.key, 'done');
    out.push(s);
  };
  steps.forEach(visit);
  return out;
}

/**
 * Due dates of a plan: a step is due its duration after the latest due date (or, once done, the
 * actual date) of the steps it depends on; a step without dependencies counts from the start.
 */
export function dueDates(steps: readonly (PlanStep & { doneOn?: string | null })[], start: string): Map<string, string> {
  const due = new Map<string, string>();
  const finished = new Map<string, string>();
  for (const s of topologicalOrder(steps)) {
    const base = s.dependsOn.reduce((latest, dep) => {
      const d = finished.get(dep)!;
      return d > latest ? d : latest;
    }, start);
    const d = addDays(base, s.durationDays);
    due.set(s.key, d);
    finished.set(s.key, s.doneOn ?? d);
  }
  return due;
}
