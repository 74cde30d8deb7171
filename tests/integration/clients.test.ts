import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ClientListQuery, ClientStatus } from '../../shared/clients/schema';
import {
  fail,
  sampleClient,
  startApp,
  succeed,
  temporaryFolder,
  tickingClock,
  type TestApp,
} from './helpers';

const root = temporaryFolder('clients');
let counter = 0;
let app: TestApp;
let adminId: string;

beforeEach(async () => {
  app?.runtime.close();
  app = await startApp(path.join(root, `db-${++counter}.sqlite`), { now: tickingClock() });
  const admin = await succeed(app, 'setupFirstPerson', {
    name: 'Margaret Okafor',
    email: 'margaret@cb.example',
    roles: ['admin'],
  });
  adminId = admin.id;
});

describe('creating a client', () => {
  it('stores the client with both sites in order, one central, and numbers it for the year', async () => {
    const client = await succeed(app, 'createClient', sampleClient());
    expect(client.reference).toBe('C-2026-0001');
    expect(client.sites.map((s) => [s.name, s.country, s.isCentral])).toEqual([
      ['Head office', 'DE', true],
      ['Lab', 'NL', false],
    ]);
    expect(client.sites.every((s) => s.id.length > 0)).toBe(true);
    expect(client.contacts[0]).toMatchObject({ email: 'anna@lumen.example', primary: true });
    expect(await succeed(app, 'getClient', { id: client.id })).toEqual(client);
    const next = await succeed(app, 'createClient', sampleClient({ legalName: 'Second Ltd' }));
    expect(next.reference).toBe('C-2026-0002');
  });

  it('refuses a reference another client already has (CONFLICT on reference)', async () => {
    await succeed(app, 'createClient', sampleClient({ reference: 'C-2026-0100' }));
    const error = await fail(app, 'createClient', sampleClient({ reference: 'c-2026-0100' }));
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'reference' });
    expect(error.message).toContain('Lumen Analytics GmbH');
  });

  it('requires exactly one central site (VALIDATION on sites)', async () => {
    const sites = [{ name: 'Office', country: 'DE', fullTimePersonnel: 5 }];
    const error = await fail(app, 'createClient', sampleClient({ sites }));
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'sites' });
    expect(error.message).toMatch(/central/);
  });

  it('names the contact field of an invalid e-mail address', async () => {
    const contacts = [{ name: 'Anna', email: 'not-an-address', primary: true }];
    const error = await fail(app, 'createClient', sampleClient({ contacts }));
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'contacts[0].email' });
  });

  it('lets only administrators, schedulers and lead auditors add clients', async () => {
    const auditor = await succeed(app, 'createPerson', {
      name: 'Chloé Martin',
      email: 'chloe@cb.example',
      roles: ['auditor'],
    });
    await succeed(app, 'signIn', { personId: auditor.id });
    const error = await fail(app, 'createClient', sampleClient());
    expect(error.code).toBe('FORBIDDEN');
    await succeed(app, 'signOut', {});
    expect((await fail(app, 'listClients', {})).code).toBe('FORBIDDEN');
  });
});

describe('changing a client', () => {
  it('updates fields, sites and contacts and logs who changed what, when, from what to what', async () => {
    const created = await succeed(app, 'createClient', sampleClient());
    const [head, lab] = created.sites;
    if (!head || !lab) throw new Error('expected two sites');
    const updated = await succeed(app, 'updateClient', {
      id: created.id,
      patch: {
        legalName: 'Lumen Analytics SE',
        status: 'certified',
        sites: [
          { ...head, fullTimePersonnel: 150 },
          { name: 'Data centre', country: 'IE', fullTimePersonnel: 4 },
        ],
        contacts: [
          ...created.contacts,
          { name: 'Jonas Meyer', email: 'jonas@lumen.example', primary: false },
        ],
      },
    });
    expect(updated.legalName).toBe('Lumen Analytics SE');
    expect(updated.status).toBe('certified');
    expect(updated.sites.map((s) => [s.name, s.fullTimePersonnel])).toEqual([
      ['Head office', 150],
      ['Data centre', 4],
    ]);
    expect(updated.sites[0]?.id).toBe(head.id);
    expect(updated.contacts).toHaveLength(2);
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    const history = await succeed(app, 'clientHistory', { id: created.id });
    const change = (entity: string, field: string) =>
      history.find((h) => h.entity === entity && h.field === field);
    expect(change('client', 'legalName')).toMatchObject({
      oldValue: 'Lumen Analytics GmbH',
      newValue: 'Lumen Analytics SE',
      actorId: adminId,
      actorName: 'Margaret Okafor',
      at: updated.updatedAt,
    });
    expect(change('client', 'status')).toMatchObject({
      oldValue: 'applicant',
      newValue: 'certified',
    });
    expect(change('client_site', 'fullTimePersonnel')).toMatchObject({
      entityId: head.id,
      oldValue: '120',
      newValue: '150',
    });
    expect(history.find((h) => h.field === 'deleted')?.entityId).toBe(lab.id);
    const createdEntries = history.filter((h) => h.field === 'created');
    // the client, its first contact and two sites, then the new site and the new contact
    expect(createdEntries).toHaveLength(6);
    expect(history.every((h) => h.actorId === adminId)).toBe(true);
  });

  it('changes nothing and logs nothing for a patch that repeats the current values', async () => {
    const created = await succeed(app, 'createClient', sampleClient());
    const before = await succeed(app, 'clientHistory', { id: created.id });
    const same = await succeed(app, 'updateClient', {
      id: created.id,
      patch: { legalName: created.legalName, sites: created.sites },
    });
    expect(same.updatedAt).toBe(created.updatedAt);
    expect(await succeed(app, 'clientHistory', { id: created.id })).toHaveLength(before.length);
  });

  it('refuses to take another client’s reference', async () => {
    await succeed(app, 'createClient', sampleClient({ reference: 'C-2026-0500' }));
    const other = await succeed(app, 'createClient', sampleClient({ legalName: 'Other Ltd' }));
    const error = await fail(app, 'updateClient', {
      id: other.id,
      patch: { reference: 'C-2026-0500' },
    });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'reference' });
  });

  it('archives a client out of the list and restores it, logging both', async () => {
    const created = await succeed(app, 'createClient', sampleClient());
    const archived = await succeed(app, 'archiveClient', { id: created.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(await succeed(app, 'listClients', {})).toEqual([]);
    const withArchived = await succeed(app, 'listClients', { includeArchived: true });
    expect(withArchived.map((c) => c.id)).toEqual([created.id]);

    const restored = await succeed(app, 'restoreClient', { id: created.id });
    expect(restored.archivedAt).toBeNull();
    expect((await succeed(app, 'listClients', {})).map((c) => c.id)).toEqual([created.id]);
    const archiveEntries = (await succeed(app, 'clientHistory', { id: created.id })).filter(
      (h) => h.field === 'archivedAt',
    );
    expect(archiveEntries.map((h) => h.newValue)).toEqual([null, archived.archivedAt]);
  });

  it('reports NOT_FOUND for an unknown client', async () => {
    expect(await fail(app, 'getClient', { id: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await fail(app, 'archiveClient', { id: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('listing clients', () => {
  beforeEach(async () => {
    const add = (reference: string, legalName: string, country: string, status: ClientStatus) =>
      succeed(app, 'createClient', sampleClient({ reference, legalName, country, status }));
    await add('C-2024-0007', 'Helix Health AI Limited', 'IE', 'certified');
    await add('C-2025-0002', 'aurora Lending Models AB', 'SE', 'applicant');
    await add('C-2023-0003', 'Brightwater Diagnostics ApS', 'DK', 'certified');
    await add('C-2026-0011', 'Corvid Document AI GmbH', 'DE', 'suspended');
  });

  const names = async (query: ClientListQuery) =>
    (await succeed(app, 'listClients', query)).map((c) => c.legalName);

  it('finds clients by part of the name, the reference, the country code or the country name', async () => {
    expect(await names({ search: 'HEALTH' })).toEqual(['Helix Health AI Limited']);
    expect(await names({ search: '2023-00' })).toEqual(['Brightwater Diagnostics ApS']);
    expect(await names({ search: 'se' })).toContain('aurora Lending Models AB');
    expect(await names({ search: 'germany' })).toEqual(['Corvid Document AI GmbH']);
    expect(await names({ search: '100%' })).toEqual([]);
  });

  it('filters by status', async () => {
    expect(await names({ status: 'certified' })).toEqual([
      'Brightwater Diagnostics ApS',
      'Helix Health AI Limited',
    ]);
  });

  it('sorts by name ignoring case, and by reference or country either way', async () => {
    expect(await names({})).toEqual([
      'aurora Lending Models AB',
      'Brightwater Diagnostics ApS',
      'Corvid Document AI GmbH',
      'Helix Health AI Limited',
    ]);
    const references = await succeed(app, 'listClients', { sort: 'reference', direction: 'desc' });
    expect(references.map((c) => c.reference)).toEqual([
      'C-2026-0011',
      'C-2025-0002',
      'C-2024-0007',
      'C-2023-0003',
    ]);
    const countries = await succeed(app, 'listClients', { sort: 'country' });
    expect(countries.map((c) => c.country)).toEqual(['DE', 'DK', 'IE', 'SE']);
  });

  it('counts each client’s sites', async () => {
    const all = await succeed(app, 'listClients', {});
    expect(all.map((c) => c.siteCount)).toEqual([2, 2, 2, 2]);
  });
});
