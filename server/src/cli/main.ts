import { Command } from 'commander';
import { loadConfig, settings } from '../platform/config.ts';
import { AppError } from '../platform/http/errors.ts';
import { migrateCommand } from './migrate.ts';
import { createAdminCommand, resetPasswordCommand } from './admin.ts';
import { openapiCommand } from './openapi.ts';
import { startCommand } from './start.ts';

const program = new Command('kehu')
  .description('Kehu (客户) — CRM for companies with a head office and many branches')
  .addHelpText('after', `\nConfiguration (environment variables):\n${settings.map((s) => `  ${s.env.padEnd(20)} ${s.help}${s.default ? ` (default ${s.default})` : ''}`).join('\n')}\n`);

program.command('start').description('serve Kehu (HTTP API and web app)').action(() => startCommand(loadConfig()));
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
