import type { Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/engine.ts';

export async function migrateCommand(config: Config) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: true });
  await database.close();
  console.log('kehu: migrations applied');
}
