import { Command } from 'commander';
import { loadConfig, settings } from '../platform/config.ts';
import { AppError } from '../platform/http/errors.ts';
import { migrateCommand } from './migrate.ts';
import { createAdminCommand, resetPasswordCommand } from './admin.ts';
import { openapiCommand } from './openapi.ts';
import { startCommand } from './start.ts';
import { backupCommand } from './backup.ts';
import { restoreCommand } from './restore.ts';
import { demoCommand, parseCount } from './demo.ts';
import { importCommand } from './import.ts';

const program = new Command('kehu')
  .description('Kehu (客户) — CRM for companies with a head office and many branches')
  .addHelpText('after', `\nConfiguration (environment variables):\n${settings.map((s) => `  ${s.env.padEnd(20)} ${s.help}${s.default ? ` (default ${s.default})` : ''}`).join('\n')}\n`);

program.command('start').description('serve Kehu (HTTP API and web app)').action(() => startCommand(loadConfig()));
program
  .command('demo')
  .description('serve Kehu on its own data folder (./data-demo), generating a demo company into an empty database first')
  .option('--accounts <n>', 'how many accounts the demo company gets (parts that exist use it)', parseCount)
  .option('--seed <seed>', 'seed of the generator: the same seed gives the same company')
  .action((o) => demoCommand(loadConfig({ KEHU_DATA_DIR: 'data-demo', ...process.env }), o));
program.command('migrate').description('apply pending database migrations and exit').action(() => migrateCommand(loadConfig()));
program
  .command('create-admin')
  .description('create an administrator (or reset one) and print a one-time password')
  .option('--login <login>', 'login name', 'admin')
  .option('--name <name>', 'display name', '管理员')
  .option('--tenant <slug>', 'company code when several companies share the server')
  .action((o) => createAdminCommand(loadConfig(), o));
program
  .command('reset-password')
  .description("set a new one-time password for a user and sign them out everywhere")
  .argument('<login>')
  .option('--tenant <slug>', 'company code when several companies share the server')
  .action((login, o) => resetPasswordCommand(loadConfig(), login, o));
program
  .command('backup')
  .description('write a consistent backup of the whole database to FILE (gzip of NDJSON; restores into either engine)')
  .argument('<file>')
  .action((file) => backupCommand(loadConfig(), file));
program
  .command('restore')
  .description('restore a backup made by `kehu backup` into a new, empty database (same Kehu release)')
  .argument('<file>')
  .option('--force', 'replace all data of a database that is not empty')
  .action((file, o) => restoreCommand(loadConfig(), file, o));
program
  .command('import')
  .description('import a CSV, XLSX or XLS file into accounts or contacts, with a progress line; failed rows go to FILE-errors.csv')
  .argument('<file>')
  .requiredOption('--object <name>', 'accounts or contacts')
  .option('--mapping <file>', 'JSON: {"客户名称": "name", …} or [{"column": 0, "field": "name"}, …] (default: suggested from the headers)')
  .option('--tenant <slug>', 'company code when several companies share the server')
  .option('--as <login>', 'import as this user, with their permissions and data scope', 'admin')
  .option('--duplicates <policy>', 'skip, update or create', 'skip')
  .option('--owner <login>', 'owner of the new records (default: the importing user)')
  .option('--encoding <encoding>', 'CSV encoding when detection guesses wrong (utf-8, gbk, gb18030, utf-16le…)')
  .option('--header-row <n>', 'the header row (1-based; 0: none) when detection guesses wrong')
  .action((file, o) => importCommand(loadConfig(), file, o));
program.command('openapi').description('print the OpenAPI 3.1 document').action(() => openapiCommand());

try {
  await program.parseAsync();
} catch (err) {
  if (err instanceof AppError) {
    console.error(`kehu: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
