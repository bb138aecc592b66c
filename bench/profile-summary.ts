/**
 * Where a server's CPU time went, from a `node --cpu-prof` profile (npm run bench -- --cpu-prof
 * writes one per Kehu run to bench/results/profiles/):
 *
 *   npx tsx bench/profile-summary.ts bench/results/profiles/CPU.….cpuprofile [--top 25] [--from s --to s]
 *
 * --from/--to keep the samples of one window, in seconds since the process started (the profile's
 * start): `npm run bench -- --cpu-prof` prints the window of each load phase.
 *
 * Prints self time grouped by package (drizzle-orm, fastify, zod, pino, PGlite…) and the top functions.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' }, from: { type: 'string', default: '0' }, to: { type: 'string', default: 'Infinity' } },
  allowPositionals: true,
});
if (!positionals[0]) {
  console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [--top N]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(positionals[0], 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
const from = Number(values.from) * 1e6;
const to = Number(values.to) * 1e6;
let at = 0;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const all = [...self.values()].reduce((s, v) => s + v, 0);
const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((s, [, v]) => s + v, 0);
// Shares of the time the process was on the CPU: idle time depends on the load, not on the code.
const total = all - idle;

function packageOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  if (url.startsWith('node:')) return 'node (core)';
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  const own = url.match(/\/(server\/src\/[^/]+\/[^/]+)/);
  return own ? `kehu ${own[1]}` : url.replace(/^file:\/\//, '');
}

const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'}  ${packageOf(url, functionName)}${url ? `:${lineNumber + 1}` : ''}`;
};

const groups = new Map<string, number>();
const functions = new Map<string, number>();
const callers = new Map<string, Map<string, number>>();
for (const [id, us] of self) {
  const node = byId.get(id)!;
  if (node.callFrame.functionName === '(idle)') continue;
  const { functionName, url } = node.callFrame;
  const pkg = packageOf(url, functionName);
  groups.set(pkg, (groups.get(pkg) ?? 0) + us);
  const key = label(node);
  functions.set(key, (functions.get(key) ?? 0) + us);
  // the first caller outside native code and node's core says who asked for this work
  let up = parent.get(id);
  while (up !== undefined && /^(?:\(native\)|node \(core\))$/.test(packageOf(byId.get(up)!.callFrame.url, byId.get(up)!.callFrame.functionName))) up = parent.get(up);
  const by = up === undefined ? '(root)' : label(byId.get(up)!);
  const perCaller = callers.get(key) ?? new Map<string, number>();
  perCaller.set(by, (perCaller.get(by) ?? 0) + us);
  callers.set(key, perCaller);
}

const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`${(all / 1e6).toFixed(1)} s of samples, ${(idle / 1e6).toFixed(1)} s idle; shares below are of the ${(total / 1e6).toFixed(1)} s on the CPU\n\nself time by package:`);
for (const [k, v] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${pct(v)}  ${k}`);
console.log('\ntop functions (self time):');
for (const [k, v] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
  const [by] = [...(callers.get(k) ?? [])].sort((a, b) => b[1] - a[1]);
  console.log(`  ${pct(v)}  ${k}${by ? `   ← ${by[0]}` : ''}`);
}
