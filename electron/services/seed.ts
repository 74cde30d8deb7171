import { formatISO } from 'date-fns';
import { count } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../db/open';
import {
  certificationCycles,
  changeLog,
  clientContacts,
  clients,
  clientSites,
} from '../../db/schema';
import {
  clientInputSchema,
  clientStatuses,
  type ClientStatus,
  type ClientValues,
} from '../../shared/clients/schema';
import { addCalendarDays } from '../../shared/cycle';
import { isCalendarDay } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { contactColumns, siteColumns } from './client-children';
import { createClient, nextClientReference, scalarFields, searchText } from './clients';
import { actorId, nowIso, requireRole, type ServiceContext } from './context';
import { createPerson, listPeople } from './people';
import { demoClient, generatedClient } from './seed-clients';
import { demoCompanies, demoPeople } from './seed-data';
import { demoFontsFolder, seedDemoCertification } from './seed-certificates';
import { seedDemoChecklists } from './seed-checklists';
import { seedDemoFindings } from './seed-findings';
import { seedDemoProgramme, type SeededClient } from './seed-programme';
import { seededRandom, shuffled } from './seed-random';

/** How many records a seed added. */
export interface SeedResult {
  people: number;
  clients: number;
}

export interface DemoSeedResult extends SeedResult {
  cycles: number;
  audits: number;
  checklists: number;
  findings: number;
  /** Audit report revisions written (issued, and the one draft). */
  reports: number;
  decisions: number;
  certificates: number;
}

export interface DemoSeedOptions {
  /** YYYY-MM-DD the programme's dates are relative to; the caller's today by default. */
  today?: string;
  /** Where the fonts of the issued report PDFs are; the app's resources/fonts by default. */
  fontsFolder?: string;
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
 * Loads the demo certification body: its staff with their competence, 40 clients, and their
 * certification programmes relative to `today` (every state of the cycle present on that day),
 * checklists, findings, audit reports, certification decisions and certificates. Demo clients
 * only go into a database without clients (CONFLICT otherwise), so a real register is never
 * mixed with invented companies; demo people already present (same e-mail) are kept, not added
 * twice. People and clients go through their services. All in one transaction, held open while
 * the issued reports' PDFs are rendered (nothing else writes to the database meanwhile: the CLI
 * and the tests seed before anything else runs), so a failure leaves the database as it was.
 */
export async function seedDemo(
  ctx: ServiceContext,
  options: DemoSeedOptions = {},
): Promise<DemoSeedResult> {
  requireRole(ctx, ['admin'], 'load demo data');
  const today = options.today ?? formatISO(ctx.now(), { representation: 'date' });
  if (!isCalendarDay(today)) {
    throw new AppError('VALIDATION', 'Today must be a real date written YYYY-MM-DD.', 'today');
  }
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
  ctx.sqlite.exec('BEGIN IMMEDIATE');
  try {
    const base = seedDemoBase(ctx, statuses, random, today);
    const certification = await seedDemoCertification(
      ctx,
      today,
      options.fontsFolder ?? demoFontsFolder(),
    );
    ctx.sqlite.exec('COMMIT');
    return {
      ...base,
      ...certification,
      checklists: base.checklists + certification.checklists,
    };
  } catch (error) {
    if (ctx.sqlite.inTransaction) ctx.sqlite.exec('ROLLBACK');
    throw error;
  }
}

/** People, clients, programme, checklists and findings (inside seedDemo's transaction). */
function seedDemoBase(
  ctx: ServiceContext,
  statuses: readonly ClientStatus[],
  random: ReturnType<typeof seededRandom>,
  today: string,
): Omit<DemoSeedResult, 'reports' | 'decisions' | 'certificates'> {
  return ctx.db.transaction(() => {
    const known = new Set(listPeople(ctx.db).map((p) => p.email.toLowerCase()));
    let people = 0;
    for (const person of demoPeople) {
      if (known.has(person.email.toLowerCase())) continue;
      createPerson(ctx, person);
      people++;
    }
    const seeded: SeededClient[] = demoCompanies.map((company, i) => {
      const status = statuses[i] ?? 'certified';
      const input = demoClient(random, company, status, demoReference(i));
      return { client: createClient(ctx, clientInputSchema.parse(input)), product: company[2] };
    });
    const programme = seedDemoProgramme(ctx, seeded, today);
    const checklists = seedDemoChecklists(ctx, today);
    const findings = seedDemoFindings(ctx, today);
    return { people, clients: demoCompanies.length, ...programme, checklists, findings };
  });
}

type ClientRow = typeof clients.$inferInsert;
type ContactRow = typeof clientContacts.$inferInsert;
type SiteRow = typeof clientSites.$inferInsert;
type ChangeRow = typeof changeLog.$inferInsert;
type CycleRow = typeof certificationCycles.$inferInsert;

/**
 * Rows for many clients, written in multi-row inserts: the same rows and 'created' change-log
 * entries createClient writes, without a round of queries per client.
 */
class ClientBatch {
  private clientRows: ClientRow[] = [];
  private contactRows: ContactRow[] = [];
  private siteRows: SiteRow[] = [];
  private changeRows: ChangeRow[] = [];
  private cycleRows: CycleRow[] = [];

  constructor(
    private readonly tx: Db,
    private readonly actor: string | null,
    private readonly at: string,
  ) {}

  /** `decisionDate`: the certification decision that started a certified client's cycle. */
  add(values: ClientValues, reference: string, decisionDate: string | null = null): void {
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
    if (decisionDate !== null) {
      const cycle = {
        cycleNumber: 1,
        decisionDate,
        previousExpiryDate: null,
        previousAuditDate: null,
        recertificationDecisionDate: null,
      };
      const cycleId = uuidv7();
      this.cycleRows.push({ id: cycleId, clientId: id, ...cycle, createdAt: at, updatedAt: at });
      this.created('certification_cycle', cycleId, id, cycle);
    }
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
    if (this.cycleRows.length > 0) this.tx.insert(certificationCycles).values(this.cycleRows).run();
    if (this.changeRows.length > 0) this.tx.insert(changeLog).values(this.changeRows).run();
    this.clientRows = [];
    this.contactRows = [];
    this.siteRows = [];
    this.changeRows = [];
    this.cycleRows = [];
  }
}

/**
 * Adds `n` generated clients for volume testing (lists that stay instant at 10,000 rows), numbered
 * on from this year's highest reference; certified and suspended ones with a certification cycle,
 * so the programme has work at volume too. One transaction, multi-row inserts.
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
  // A source of its own, so the clients are the same as before cycles were added.
  const decisions = seededRandom(generatedSeed + 1);
  const today = ctx.now();
  const day = formatISO(today, { representation: 'date' });
  const prefix = `C-${today.getUTCFullYear()}-`;
  ctx.db.transaction((tx) => {
    const first = Number(nextClientReference(tx, today).slice(prefix.length));
    const batch = new ClientBatch(tx, actorId(ctx), nowIso(ctx));
    for (let i = 0; i < n; i++) {
      const reference = `${prefix}${String(first + i).padStart(4, '0')}`;
      const values = clientInputSchema.parse(generatedClient(random, reference));
      // Decisions spread over the last 40 months: every programme state, for the benchmark.
      const decisionDate = addCalendarDays(day, -decisions.int(20, 1200));
      const inCycle = values.status === 'certified' || values.status === 'suspended';
      batch.add(values, reference, inCycle ? decisionDate : null);
    }
    batch.flush();
  });
  return { people: 0, clients: n };
}
