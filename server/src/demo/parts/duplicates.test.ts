import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.ts';
import { groupNames, runReportNow } from '../../modules/dedup/report/compute-report.ts';
import { riskWarningsForQuery } from '../../modules/risk-flags/risk-flags.lookup.ts';
import type { Database } from '../../platform/db/engine.ts';
import { parseSearchQuery } from '../../platform/text/search-query.ts';
import { generateCompany } from '../generator.ts';

let database: Database;
let made: Awaited<ReturnType<typeof generateCompany>>;
beforeAll(async () => {
  database = await createTestDatabase();
  made = await generateCompany(database, { profile: 'demo', seed: 'dups', accounts: 200, now: new Date('2026-06-30T08:00:00Z'), tenant: { slug: 'demo-dups', name: 'D' } });
}, 300_000);
afterAll(() => database.close());

describe('demo duplicates and risk flags', () => {
  it('the duplicate report finds the deliberate duplicates, the 火炬 pair among them', async () => {
    const runId = await runReportNow(database, made.tenantId);
    const names = (await groupNames(database.db, made.tenantId, runId!)).map((g) => g.sort());
    expect(names).toContainEqual(['上海火炬润滑油有限公司', '火炬润滑油(上海)有限责任公司'].sort());
    expect(names).toContainEqual(['青岛海晟国际贸易有限公司', '青岛海晟國際貿易有限公司'].sort());
    expect(names.length).toBeGreaterThanOrEqual(8);
    const table = made.tables.find((t) => t.table === 'risk_flags');
    expect(table?.rows).toBe(6);
  });

  it('flags reach a search of the flagged name tenant-wide', async () => {
    const anyWarning = await riskWarningsForQuery(database.db, made.tenantId, parseSearchQuery('公司'), 50);
    expect(anyWarning.length).toBe(5); // six flags, one cleared
    const one = anyWarning[0]!;
    const byName = await riskWarningsForQuery(database.db, made.tenantId, parseSearchQuery(one.name));
    expect(byName.map((w) => w.flagId)).toContain(one.flagId);
  });
});
