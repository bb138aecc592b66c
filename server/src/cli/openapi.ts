import { openDatabase } from '../platform/db/engine.ts';
import { createApp } from '../server.ts';

/** Prints the OpenAPI document without listening: an in-memory database is enough to build the app. */
export async function openapiCommand() {
  const database = await openDatabase({ migrate: false });
  const app = await createApp(database, { secureCookies: 'auto', logLevel: 'error' }, { web: false });
  await app.ready();
  process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
  await app.close();
  await database.close();
}
