/**
 * Builds the bench company (40 port-city branches, 2,000 users, and whatever later parts add per
 * --accounts) through the same generator as `kehu demo`, into DATABASE_URL or a PGlite folder.
 *
 *   npm run bench:data -- --accounts 1000000 [--seed s] [--dir bench/.data] [--insert] [--parts a,b] [--extend]
 *
 * --parts builds only some of the generator's parts (org first); --extend adds parts to the company
 * already there (its org and customers are read back), so a large company can be built in two steps.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateCompany, hasTenant, profiles } from '../server/src/demo/generator.ts';
import { demoParts } from '../server/src/demo/parts/index.ts';
import { parseCount } from '../server/src/cli/demo.ts';
import { defaultDataDir, fmt, pgliteTarget, postgresTarget, tableSizes } from './lib.ts';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string' },
    seed: { type: 'string', default: DEFAULT_SEED },
    dir: { type: 'string', default: defaultDataDir },
    insert: { type: 'boolean', default: false },
    // a comma-separated subset of the generator's parts, org first (a large build in two steps)
    parts: { type: 'string' },
    // add the given parts to the bench company already in the database (npm run bench:data -- --extend --parts sales,orders)
    extend: { type: 'boolean', default: false },
  },
});

const url = process.env.DATABASE_URL;
const target = url ? postgresTarget(url) : pgliteTarget(path.resolve(args.dir!));
const accounts = args.accounts === undefined ? profiles.bench.accounts : parseCount(args.accounts);
const mode = args.insert ? 'insert' : 'copy';
const parts = args.parts === undefined ? demoParts : args.parts.split(',').map((name) => {
  const part = demoParts.find((p) => p.name === name.trim());
  if (!part) throw new Error(`--parts: no part "${name}" (parts: ${demoParts.map((p) => p.name).join(', ')})`);
  return part;
});

const database = await target.open();
try {
  if (!args.extend && await hasTenant(database.db)) {
    console.log(`bench:data: ${target.engine === 'pglite' ? `folder ${target.label}` : `database ${target.label}`} already holds a company:`);
    console.log(await tableSizes(database));
    console.log(`Remove it (${target.engine === 'pglite' ? `rm -rf ${target.label}` : `dropdb ${target.label}`}) to build it again.`);
    process.exitCode = 1;
  } else {
    console.log(`bench:data: ${args.extend ? `adding ${parts.map((p) => p.name).join(', ')} to` : 'building'} the bench company into ${target.engine} ${target.label} (seed "${args.seed}", ${fmt.int(accounts)} accounts, ${mode === 'copy' ? 'COPY' : 'multi-row INSERT'})`);
    const made = await generateCompany(database, { profile: 'bench', seed: args.seed, accounts, mode, parts, extend: args.extend, log: (l) => console.log(`  ${l}`) });
    console.log('\n  table                     rows        write time      rows/s');
    for (const t of made.tables) {
      console.log(`  ${t.table.padEnd(20)} ${fmt.int(t.rows).padStart(10)} ${fmt.ms(t.ms).padStart(14)} ${fmt.int(t.rows / (t.ms / 1000)).padStart(11)}`);
    }
    const rows = made.tables.reduce((s, t) => s + t.rows, 0);
    console.log(`  ${'all, with generation'.padEnd(20)} ${fmt.int(rows).padStart(10)} ${fmt.ms(made.ms).padStart(14)} ${fmt.int(rows / (made.ms / 1000)).padStart(11)}`);
    console.log(`\n  Sign-in: tenant "${made.slug}", login "admin"; \`npm run bench\` sets its own password. Demo password of this build: ${made.password}`);
  }
} finally {
  await database.close();
}
