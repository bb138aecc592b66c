import type { Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/engine.ts';
import { DEFAULT_SEED, generateCompany, hasTenant, type GenerateResult } from '../demo/generator.ts';
import { startServer } from '../server.ts';

export interface DemoOptions {
  accounts?: number;
  seed?: string;
}

/** commander parser for counts such as 100000, 100_000 or 1e5 */
export function parseCount(value: string): number {
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a count: ${value}`);
  return n;
}

/**
 * `kehu demo`: like `kehu start`, on its own data folder (./data-demo unless KEHU_DATA_DIR or
 * DATABASE_URL says otherwise). An empty database first gets a generated demo company whose users
 * share one freshly generated password, printed once.
 */
export async function demoCommand(config: Config, o: DemoOptions) {
  let made: GenerateResult | null = null;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    if (await hasTenant(database.db)) {
      if (o.accounts !== undefined || o.seed !== undefined) {
        console.log('  kehu demo: this database already holds a company, so --accounts and --seed are ignored.');
        console.log(`  To generate again, remove ${config.databaseUrl ? 'the database' : config.dataDir} first.`);
      }
    } else {
      console.log('  kehu demo: generating the demo company…');
      made = await generateCompany(database, { profile: 'demo', seed: o.seed ?? DEFAULT_SEED, accounts: o.accounts });
    }
  } finally {
    // PGlite allows one process per folder: the server below opens it again.
    await database.close();
  }

  const { startupMs } = await startServer(config);
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`;
  console.log(`\n  Kehu demo at http://localhost:${config.port} (${where}), started in ${Math.round(startupMs)} ms`);
  if (!made) {
    const env = config.databaseUrl ? 'DATABASE_URL=…' : `KEHU_DATA_DIR=${config.dataDir}`;
    console.log(`  Demo data from an earlier run; its password was printed then. New one for a login: ${env} npx kehu reset-password <login>\n`);
    return;
  }
  const { org } = made;
  const unitName = (id: string) => org.units.find((u) => u.id === id)?.name ?? '';
  const branchName = (id: string | null) => org.branches.find((b) => b.id === id)?.name ?? '';
  const manager = org.byRole.branch_manager[0];
  const rep = org.byRole.sales_rep.find((u) => u.branchId === manager.branchId) ?? org.byRole.sales_rep[0];
  const admin = org.byRole.admin[0];
  const rows = [
    ['administrator', admin.login, `${admin.name}, ${admin.title}`],
    ['branch manager', manager.login, `${manager.name}, ${branchName(manager.branchId)} ${manager.title}`],
    ['sales rep', rep.login, `${rep.name}, ${branchName(rep.branchId)} ${unitName(rep.unitId)} ${rep.title}`],
  ];
  console.log(`\n  ${made.org.units.length} units, ${made.org.users.length} users generated in ${Math.round(made.ms)} ms (seed "${made.seed}").`);
  console.log('  Sign in as any of them with the demo password (shown only now; every demo user shares it):\n');
  for (const [what, login, who] of rows) console.log(`    ${what.padEnd(15)} ${login.padEnd(14)} ${who}`);
  console.log(`\n    password        ${made.password}\n`);
}
