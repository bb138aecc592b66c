import type { Config } from '../platform/config.ts';
import { startServer } from '../server.ts';

export async function startCommand(config: Config) {
  const { startupMs, database } = await startServer(config, {
    onFirstAdmin: (login, password) => {
      console.log('\n  Kehu is ready. Sign in once with this one-time password (it will not be shown again):');
      console.log(`    login:    ${login}\n    password: ${password}\n`);
    },
  });
  const where = database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  console.log(`  Kehu at http://localhost:${config.port} (${where}), started in ${Math.round(startupMs)} ms`);
}
