import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { historyOf } from '../../electron/services/change-log';
import { fail, startApp, succeed, temporaryFolder, type TestApp } from './helpers';

let app: TestApp;

beforeEach(async () => {
  app = await startApp(path.join(temporaryFolder('cb-details'), 'cb.sqlite'));
  const admin = await succeed(app, 'setupFirstPerson', {
    name: 'Margaret Okafor',
    email: 'margaret@cb.example',
    roles: ['admin'],
  });
  await succeed(app, 'signIn', { personId: admin.id });
});

describe('certification body details', () => {
  it('start empty, are set by an administrator, and the change is in the change log', async () => {
    expect(await succeed(app, 'certificationBody', {})).toEqual({ name: '' });
    await succeed(app, 'updateCertificationBody', { name: '  Northbridge Certification Ltd ' });
    expect(await succeed(app, 'certificationBody', {})).toEqual({
      name: 'Northbridge Certification Ltd',
    });
    const log = historyOf(app.runtime.database.db, 'settings');
    expect(log[0]).toMatchObject({
      field: 'cb.name',
      oldValue: null,
      newValue: 'Northbridge Certification Ltd',
    });
  });

  it('refuse an empty name at its field, and anyone but an administrator', async () => {
    expect(await fail(app, 'updateCertificationBody', { name: ' ' })).toMatchObject({
      code: 'VALIDATION',
      field: 'name',
    });
    const auditor = await succeed(app, 'createPerson', {
      name: 'Chloé Martin',
      email: 'chloe@cb.example',
      roles: ['auditor'],
    });
    await succeed(app, 'signIn', { personId: auditor.id });
    expect((await fail(app, 'updateCertificationBody', { name: 'X' })).code).toBe('FORBIDDEN');
    expect(await succeed(app, 'certificationBody', {})).toEqual({ name: '' });
  });
});
