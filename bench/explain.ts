/**
 * The database rows of the benchmark: the statements Kehu sent for one URL (bench/capture.ts), run
 * one after another through the driver, against what EXPLAIN (ANALYZE, BUFFERS) says the server
 * spent on them, and where that time goes (the plan node with the most time of its own).
 */
import type { Database } from '../server/src/platform/db/engine.ts';
import type { CapturedStatement } from './capture.ts';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Total Time'?: number;
  'Actual Loops'?: number;
  'Actual Rows'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}
interface Explained {
  Plan: PlanNode;
  'Planning Time': number;
  'Execution Time': number;
}

const REPEAT = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The node whose own time (its total minus its children's) is largest. */
function hottest(node: PlanNode): { node: PlanNode; self: number } {
  const total = (n: PlanNode) => (n['Actual Total Time'] ?? 0) * (n['Actual Loops'] ?? 1);
  let best = { node, self: total(node) - (node.Plans ?? []).reduce((s, c) => s + total(c), 0) };
  for (const child of node.Plans ?? []) {
    const h = hottest(child);
    if (h.self > best.self) best = h;
  }
  return best;
}

const describe = (n: PlanNode) => `${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}`;

export async function explainStatements(database: Database, statements: CapturedStatement[]) {
  const run = async () => {
    const started = performance.now();
    for (const s of statements) await database.query(s.sql, s.params);
    return performance.now() - started;
  };
  await run();
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) times.push(await run());

  let explainMs = 0;
  let worst: { i: number; ms: number; plan: Explained } | null = null;
  for (const [i, s] of statements.entries()) {
    if (/^\s*explain\b/i.test(s.sql)) {
      // Kehu's own planner estimate (list counts): timed as it is on both sides
      const started = performance.now();
      await database.query(s.sql, s.params);
      explainMs += performance.now() - started;
      continue;
    }
    const [row] = await database.query<Record<string, unknown>>(`explain (analyze, buffers, format json) ${s.sql}`, s.params);
    const raw = Object.values(row)[0];
    const plan = ((typeof raw === 'string' ? JSON.parse(raw) : raw) as Explained[])[0];
    const ms = plan['Planning Time'] + plan['Execution Time'];
    explainMs += ms;
    if (!worst || ms > worst.ms) worst = { i, ms, plan };
  }
  let where = '';
  if (worst) {
    const { node, self } = hottest(worst.plan.Plan);
    const top = worst.plan.Plan;
    where = `statement ${worst.i + 1} of ${statements.length} takes ${worst.ms.toFixed(2)} ms (planning ${worst.plan['Planning Time'].toFixed(2)}): `
      + `${describe(node)} ${self.toFixed(2)} ms self, ${node['Actual Rows'] ?? 0} rows × ${node['Actual Loops'] ?? 1}; `
      + `buffers hit ${top['Shared Hit Blocks'] ?? 0}, read ${top['Shared Read Blocks'] ?? 0}`;
  }
  return { statements: statements.length, driverMs: median(times), explainMs, where };
}
