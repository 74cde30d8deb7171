import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../shared/people/schema';
import { fail, startApp, succeed, temporaryFolder, type TestApp } from './helpers';

const root = temporaryFolder('people');
let counter = 0;
let app: TestApp;

beforeEach(async () => {
  app?.runtime.close();
  app = await startApp(path.join(root, `db-${++counter}.sqlite`));
});

const margaret = {
  name: 'Margaret Okafor',
  email: 'margaret@cb.example',
  roles: ['admin'] as const,
};

async function setUpAdmin(): Promise<Person> {
  return succeed(app, 'setupFirstPerson', { ...margaret, roles: [...margaret.roles], pin: '2468' });
}

describe('the first person', () => {
  it('must be an administrator', async () => {
    const error = await fail(app, 'setupFirstPerson', { ...margaret, roles: ['auditor'] });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'roles' });
    const session = await succeed(app, 'getSession', {});
    expect(session.setupRequired).toBe(true);
  });

  it('is set up once and is then the one working', async () => {
    const admin = await setUpAdmin();
    const session = await succeed(app, 'getSession', {});
    expect(session).toMatchObject({ setupRequired: false, current: { id: admin.id } });
    const again = await fail(app, 'setupFirstPerson', {
      ...margaret,
      email: 'x@cb.example',
      roles: ['admin'],
    });
    expect(again.code).toBe('CONFLICT');
  });
});

describe('adding people', () => {
  it('is for administrators only', async () => {
    await setUpAdmin();
    const scheduler = await succeed(app, 'createPerson', {
      name: 'Tomás Herrera',
      email: 'tomas@cb.example',
      roles: ['scheduler'],
    });
    await succeed(app, 'signIn', { personId: scheduler.id });
    const error = await fail(app, 'createPerson', {
      name: 'Chloé Martin',
      email: 'chloe@cb.example',
      roles: ['auditor'],
    });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('Tomás Herrera');
    await succeed(app, 'signOut', {});
    expect((await fail(app, 'listPeople', {})).code).toBe('FORBIDDEN');
  });
});

describe('signing in with a PIN', () => {
  it('rejects a wrong or missing PIN on the pin field and accepts the right one', async () => {
    const admin = await setUpAdmin();
    await succeed(app, 'signOut', {});
    expect(await fail(app, 'signIn', { personId: admin.id, pin: '1111' })).toMatchObject({
      code: 'VALIDATION',
      field: 'pin',
    });
    expect(await fail(app, 'signIn', { personId: admin.id })).toMatchObject({
      code: 'VALIDATION',
      field: 'pin',
    });
    expect((await succeed(app, 'getSession', {})).current).toBeNull();
    const signedIn = await succeed(app, 'signIn', { personId: admin.id, pin: '2468' });
    expect(signedIn).toMatchObject({ id: admin.id, hasPin: true });
  });

  it('stores the PIN hashed, never as typed', async () => {
    await setUpAdmin();
    const row = app.runtime.database.sqlite
      .prepare('SELECT pin_hash, pin_salt FROM people')
      .get() as { pin_hash: string; pin_salt: string };
    expect(row.pin_hash).not.toContain('2468');
    expect(row.pin_hash).toHaveLength(64);
  });
});

describe('the last administrator', () => {
  it('cannot be demoted or deactivated, but one of two can', async () => {
    const admin = await setUpAdmin();
    const demote = await fail(app, 'updatePerson', { id: admin.id, roles: ['auditor'] });
    expect(demote).toMatchObject({ code: 'CONFLICT', field: 'roles' });
    const deactivate = await fail(app, 'updatePerson', { id: admin.id, active: false });
    expect(deactivate.code).toBe('CONFLICT');

    await succeed(app, 'createPerson', {
      name: 'Helen Brooks',
      email: 'helen@cb.example',
      roles: ['admin', 'decision_maker'],
    });
    const demoted = await succeed(app, 'updatePerson', { id: admin.id, roles: ['auditor'] });
    expect(demoted.roles).toEqual(['auditor']);
    const history = app.runtime.database.sqlite
      .prepare(
        "SELECT old_value, new_value FROM change_log WHERE entity_id = ? AND field = 'roles'",
      )
      .all(admin.id);
    expect(history).toEqual([{ old_value: '["admin"]', new_value: '["auditor"]' }]);
  });
});
