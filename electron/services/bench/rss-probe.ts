/**
 * Run as its own process by the benchmark: opens the database as the app's main process does,
 * signs in, loads the programme dashboard through the handlers, and prints its resident memory
 * (so the figure is the app's, not the benchmark's seeding).
 * Arguments: DATABASE PERSON_ID TODAY MIGRATIONS_FOLDER.
 */
import { createHandlers } from '../../ipc/handlers';
import { AppRuntime } from '../../runtime';
import { getPerson } from '../people';

const [databasePath, personId, today, migrationsFolder] = process.argv.slice(2);
if (!databasePath || !personId || !today || !migrationsFolder) {
  process.stderr.write('usage: rss-probe DATABASE PERSON_ID TODAY MIGRATIONS_FOLDER\n');
  process.exit(2);
}
const runtime = await AppRuntime.start({ databasePath, migrationsFolder, backupOnOpen: false });
try {
  runtime.actAs(getPerson(runtime.database.db, personId));
  const handlers = createHandlers(runtime, { error: () => {} });
  const result = await handlers.programmeOverview({ today });
  if (!result.ok) throw new Error(result.error.message);
  const events = (result.value as { events: unknown[] }).events.length;
  process.stdout.write(
    `${JSON.stringify({ rssMb: Math.round(process.memoryUsage().rss / 2 ** 20), events })}\n`,
  );
} finally {
  runtime.close();
}
