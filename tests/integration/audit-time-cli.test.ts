import path from 'node:path';
import { expect, it } from 'vitest';
import { defaultAuditTimeTable } from '../../shared/audit-time';
import { runCliProcess, startApp, succeed, temporaryFolder } from './helpers';

const input = JSON.stringify({ aiRole: 'developerProviderUser', effectivePersonnel: 8 });

it('computes with the current table version of the database named by --db', async () => {
  const db = path.join(temporaryFolder('audit-time-cli'), 'cb.sqlite');
  const app = await startApp(db);
  const admin = await succeed(app, 'setupFirstPerson', {
    name: 'Margaret Okafor',
    email: 'margaret@cb.example',
    roles: ['admin'],
  });
  await succeed(app, 'signIn', { personId: admin.id });
  // The CB raises the 1-10 persons row of the developer/provider/user column from 3.5 to 4 days.
  const created = await succeed(app, 'createAuditTimeTable', {
    ...defaultAuditTimeTable,
    version: 'cb-2026.1',
    bands: defaultAuditTimeTable.bands.map((band, i) =>
      i === 0 ? { ...band, developerProviderUser: 4, source: 'ourChoice' as const } : band,
    ),
    effectiveDate: '2026-04-01',
  });
  await succeed(app, 'makeAuditTimeTableCurrent', { id: created.id });
  app.runtime.close();

  const withDb = runCliProcess(['audit-time', '--db', db], input);
  expect(withDb.status).toBe(0);
  expect(withDb.json).toMatchObject({ tableVersion: 'cb-2026.1', baseDays: 4 });

  // Without --db (and without --table) the shipped default applies.
  const withoutDb = runCliProcess(['audit-time'], input);
  expect(withoutDb.status).toBe(0);
  expect(withoutDb.json).toMatchObject({ tableVersion: 'audit-desk-aims-2025.1', baseDays: 3.5 });
});
