import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../db/open';
import { getClient } from '../../electron/services/clients';
import { listPeople } from '../../electron/services/people';
import { seedClients, seedDemo } from '../../electron/services/seed';
import { clientStatuses, type Client } from '../../shared/clients/schema';
import type { Role } from '../../shared/people/schema';
import { demoCache, openDemoCopy } from './fixtures/seeded-demo';
import { sampleClient, startApp, succeed, temporaryFolder, tickingClock } from './helpers';

const root = temporaryFolder('seed');
let counter = 0;

const clockStart = '2026-03-02T09:00:00.000Z';

async function freshApp() {
  const app = await startApp(path.join(root, `db-${++counter}.sqlite`), {
    now: tickingClock(clockStart),
  });
  app.runtime.actAs(null, true);
  return app;
}

/** The demo seeded once for the file (today from the clock), and a private copy of it. */
const demo = demoCache(root);
const seededDemo = () => demo(clockStart);

function allClients(app: Awaited<ReturnType<typeof freshApp>>): Client[] {
  const { db, sqlite } = app.runtime.database;
  const ids = sqlite.prepare('SELECT id FROM clients ORDER BY reference').all() as { id: string }[];
  return ids.map(({ id }) => getClient(db, id));
}

/** A client without what differs between runs: ids and timestamps. */
function withoutIds(client: Client) {
  const { id: _id, createdAt: _c, updatedAt: _u, contacts, sites, ...rest } = client;
  return {
    ...rest,
    contacts: contacts.map(({ id: _contactId, ...c }) => c),
    sites: sites.map(({ id: _siteId, ...s }) => s),
  };
}

function count(app: Awaited<ReturnType<typeof freshApp>>, sql: string): number {
  return (app.runtime.database.sqlite.prepare(sql).get() as { n: number }).n;
}

describe('seeding the demo certification body', () => {
  it('adds ten staff and forty varied, valid clients in every status', async () => {
    const seeded = await seededDemo();
    expect(seeded.result).toMatchObject({ people: 10, clients: 40 });
    const app = await openDemoCopy(seeded);

    const people = listPeople(app.runtime.database.db);
    const withRole = (role: Role) => people.filter((p) => p.roles.includes(role)).length;
    expect(people).toHaveLength(10);
    expect([withRole('admin'), withRole('scheduler'), withRole('lead_auditor')]).toEqual([1, 1, 2]);
    expect([withRole('technical_expert'), withRole('decision_maker')]).toEqual([1, 2]);
    expect(people.filter((p) => p.roles.join() === 'auditor')).toHaveLength(3);
    expect(people.some((p) => p.hasPin)).toBe(false);

    const clients = allClients(app);
    expect(clients).toHaveLength(40);
    expect(new Set(clients.map((c) => c.status))).toEqual(new Set(clientStatuses));
    for (const client of clients) {
      expect(client.sites.length).toBeGreaterThanOrEqual(1);
      expect(client.sites.length).toBeLessThanOrEqual(4);
      expect(client.sites.filter((s) => s.isCentral)).toHaveLength(1);
      expect(client.contacts.length).toBeGreaterThanOrEqual(1);
      expect(client.contacts.length).toBeLessThanOrEqual(3);
      expect(client.contacts.filter((c) => c.primary)).toHaveLength(1);
      expect(client.scope).not.toBe('');
      expect(client.aiRoles.length).toBeGreaterThan(0);
    }
    const with27001 = clients.filter((c) =>
      c.otherCertifications.some((o) => o.standard === 'ISO/IEC 27001'),
    );
    expect(with27001.length).toBeGreaterThan(5);
    expect(with27001.length).toBeLessThan(35);
    expect(new Set(clients.map((c) => c.country)).size).toBeGreaterThan(10);
    expect(
      count(
        app,
        "SELECT COUNT(*) AS n FROM change_log WHERE entity = 'client' AND field = 'created'",
      ),
    ).toBe(40);
    app.runtime.close();
  });

  it('produces the same companies, sites and contacts on every run', async () => {
    // Two separate seeds: the file's shared one and a new one.
    const first = await openDemoCopy(await seededDemo());
    const second = await freshApp();
    await seedDemo(second.runtime.context());
    expect(allClients(second).map(withoutIds)).toEqual(allClients(first).map(withoutIds));
    first.runtime.close();
    second.runtime.close();
  });

  it('refuses a database that already has clients, and keeps demo people already there', async () => {
    const app = await freshApp();
    await succeed(app, 'setupFirstPerson', {
      name: 'Margaret Okafor',
      email: 'MARGARET.OKAFOR@northbridge-cert.example',
      roles: ['admin'],
    });
    expect(await seedDemo(app.runtime.context())).toMatchObject({ people: 9, clients: 40 });
    await expect(seedDemo(app.runtime.context())).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(count(app, 'SELECT COUNT(*) AS n FROM clients')).toBe(40);
    app.runtime.close();
  });

  it('needs an administrator', async () => {
    const app = await openDemoCopy(await seededDemo());
    const scheduler = listPeople(app.runtime.database.db).find((p) =>
      p.roles.includes('scheduler'),
    );
    app.runtime.actAs(scheduler ?? null);
    expect(() => seedClients(app.runtime.context(), 5)).toThrow(/cannot generate clients/);
    app.runtime.close();
  });
});

describe('seeding generated clients', () => {
  // How fast is measured by `cli bench`, never asserted here.
  it('writes 10,000 clients with their sites, contacts and change log', async () => {
    const app = await freshApp();
    expect(seedClients(app.runtime.context(), 10_000)).toEqual({ people: 0, clients: 10_000 });

    const created = (entity: string) =>
      count(
        app,
        `SELECT COUNT(*) AS n FROM change_log WHERE entity = '${entity}' AND field = 'created'`,
      );
    expect(count(app, 'SELECT COUNT(*) AS n FROM clients')).toBe(10_000);
    expect(created('client')).toBe(10_000);
    expect(created('client_site')).toBe(count(app, 'SELECT COUNT(*) AS n FROM client_sites'));
    expect(created('client_contact')).toBe(count(app, 'SELECT COUNT(*) AS n FROM client_contacts'));
    expect(
      count(
        app,
        'SELECT COUNT(*) AS n FROM (SELECT client_id FROM client_sites WHERE is_central GROUP BY client_id HAVING COUNT(*) = 1)',
      ),
    ).toBe(10_000);
    expect(checkDatabase(app.runtime.database.sqlite)).toEqual({
      quickCheck: ['ok'],
      foreignKeyViolations: [],
    });
    const page = await succeed(app, 'listClients', { search: 'analytics', status: 'certified' });
    expect(page.length).toBeGreaterThan(0);
    app.runtime.close();
  });

  it('numbers on from the highest reference of the year', async () => {
    const app = await freshApp();
    await succeed(app, 'createClient', sampleClient());
    seedClients(app.runtime.context(), 3);
    const references = allClients(app).map((c) => c.reference);
    expect(references).toEqual(['C-2026-0001', 'C-2026-0002', 'C-2026-0003', 'C-2026-0004']);
    app.runtime.close();
  });

  it('rejects a count that is not a positive whole number', async () => {
    const app = await freshApp();
    for (const n of [0, -5, 2.5, Number.NaN]) {
      expect(() => seedClients(app.runtime.context(), n)).toThrow(
        expect.objectContaining({ code: 'VALIDATION', field: 'clients' }),
      );
    }
    app.runtime.close();
  });
});
