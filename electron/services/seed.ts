import { count } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../db/open';
import { changeLog, clientContacts, clients, clientSites } from '../../db/schema';
import {
  clientInputSchema,
  clientStatuses,
  type ClientStatus,
  type ClientValues,
} from '../../shared/clients/schema';
import { AppError } from '../../shared/errors';
import { contactColumns, siteColumns } from './client-children';
import { createClient, nextClientReference, scalarFields, searchText } from './clients';
import { actorId, nowIso, requireRole, type ServiceContext } from './context';
import { createPerson, listPeople } from './people';
import { demoClient, generatedClient } from './seed-clients';
import { demoCompanies, demoPeople } from './seed-data';
import { seededRandom, shuffled } from './seed-random';

/** How many records a seed added. */
export interface SeedResult {
  people: number;
  clients: number;
}

// Fixed seeds: the same demo certification body on every machine, every run.
const demoSeed = 42001;
const generatedSeed = 17021;
export const maxGeneratedClients = 100_000;

/** 40 demo clients: most certified, and every other status present. */
const demoStatusMix: Record<ClientStatus, number> = {
  prospect: 6,
  applicant: 8,
  certified: 18,
  suspended: 4,
  withdrawn: 4,
};

function clientCount(db: Db): number {
  return db.select({ n: count() }).from(clients).get()?.n ?? 0;
}

/** Demo references spread over past years, so new clients continue this year's numbering. */
function demoReference(index: number): string {
  return `C-${2022 + Math.floor(index / 10)}-${String((index % 10) + 1).padStart(4, '0')}`;
}

/**
 * Loads the demo certification body: its staff and 40 clients. Demo clients only go into a
 * database without clients (CONFLICT otherwise), so a real register is never mixed with invented
 * companies; demo people already present (same e-mail) are kept, not added twice. Everything
 * goes through the client and people services, in one transaction.
 */
export function seedDemo(ctx: ServiceContext): SeedResult {
  requireRole(ctx, ['admin'], 'load demo data');
  if (clientCount(ctx.db) > 0) {
    throw new AppError(
      'CONFLICT',
      'This database already has clients; load demo data into a new database (--db NEW_FILE).',
    );
  }
  const random = seededRandom(demoSeed);
  const statuses = shuffled(
    random,
    clientStatuses.flatMap((status) => Array<ClientStatus>(demoStatusMix[status]).fill(status)),
  );
  return ctx.db.transaction(() => {
    const known = new Set(listPeople(ctx.db).map((p) => p.email.toLowerCase()));
    let people = 0;
    for (const person of demoPeople) {
      if (known.has(person.email.toLowerCase())) continue;
      createPerson(ctx, person);
      people++;
    }
    demoCompanies.forEach((company, i) => {
      const status = statuses[i] ?? 'certified';
      const input = demoClient(random, company, status, demoReference(i));
      createClient(ctx, clientInputSchema.parse(input));
    });
    return { people, clients: demoCompanies.length };
  });
}

type ClientRow = typeof clients.$inferInsert;
type ContactRow = typeof clientContacts.$inferInsert;
type SiteRow = typeof clientSites.$inferInsert;
type ChangeRow = typeof changeLog.$inferInsert;

/**
 * Rows for many clients, written in multi-row inserts: the same rows and 'created' change-log
 * entries createClient writes, without a round of queries per client.
 */
class ClientBatch {
  private clientRows: ClientRow[] = [];
  private contactRows: ContactRow[] = [];
  private siteRows: SiteRow[] = [];
  private changeRows: ChangeRow[] = [];

  constructor(
    private readonly tx: Db,
    private readonly actor: string | null,
    private readonly at: string,
  ) {}

  add(values: ClientValues, reference: string): void {
    const { at } = this;
    const id = uuidv7();
    const scalars = scalarFields({ ...values, reference });
    this.clientRows.push({
      id,
      ...scalars,
      searchText: searchText({ ...values, reference }),
      requiredCompetenceAreas: [],
      applicationReviewedBy: null,
      applicationReviewedAt: null,
      archivedAt: null,
      createdAt: at,
      updatedAt: at,
    });
    this.created('client', id, id, scalars);
    values.contacts.forEach((contact, i) => {
      const columns = contactColumns(contact, i);
      const contactId = uuidv7();
      this.contactRows.push({
        id: contactId,
        clientId: id,
        ...columns,
        createdAt: at,
        updatedAt: at,
      });
      this.created('client_contact', contactId, id, columns);
    });
    values.sites.forEach((site, i) => {
      const columns = siteColumns(site, i);
      const siteId = uuidv7();
      this.siteRows.push({ id: siteId, clientId: id, ...columns, createdAt: at, updatedAt: at });
      this.created('client_site', siteId, id, columns);
    });
    if (this.clientRows.length >= 200) this.flush();
  }

  private created(entity: string, entityId: string, rootId: string, snapshot: object): void {
    this.changeRows.push({
      id: uuidv7(),
      entity,
      entityId,
      rootId,
      field: 'created',
      oldValue: null,
      newValue: JSON.stringify(snapshot),
      actorId: this.actor,
      at: this.at,
    });
  }

  flush(): void {
    if (this.clientRows.length > 0) this.tx.insert(clients).values(this.clientRows).run();
    if (this.contactRows.length > 0) this.tx.insert(clientContacts).values(this.contactRows).run();
    if (this.siteRows.length > 0) this.tx.insert(clientSites).values(this.siteRows).run();
    if (this.changeRows.length > 0) this.tx.insert(changeLog).values(this.changeRows).run();
    this.clientRows = [];
    this.contactRows = [];
    this.siteRows = [];
    this.changeRows = [];
  }
}

/**
 * Adds `n` generated clients for volume testing (lists that stay instant at 10,000 rows), numbered
 * on from this year's highest reference. One transaction, multi-row inserts.
 */
export function seedClients(ctx: ServiceContext, n: number): SeedResult {
  requireRole(ctx, ['admin'], 'generate clients');
  if (!Number.isInteger(n) || n < 1 || n > maxGeneratedClients) {
    throw new AppError(
      'VALIDATION',
      `Give a whole number of clients from 1 to ${maxGeneratedClients}.`,
      'clients',
    );
  }
  const random = seededRandom(generatedSeed);
  const today = ctx.now();
  const prefix = `C-${today.getUTCFullYear()}-`;
  ctx.db.transaction((tx) => {
    const first = Number(nextClientReference(tx, today).slice(prefix.length));
    const batch = new ClientBatch(tx, actorId(ctx), nowIso(ctx));
    for (let i = 0; i < n; i++) {
      const reference = `${prefix}${String(first + i).padStart(4, '0')}`;
      batch.add(clientInputSchema.parse(generatedClient(random, reference)), reference);
    }
    batch.flush();
  });
  return { people: 0, clients: n };
}
