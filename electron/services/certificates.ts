import { asc, desc, eq, inArray } from 'drizzle-orm';
import { certificates, certificationDecisions, clients, clientSites } from '../../db/schema';
import type { Db } from '../../db/open';
import {
  certificateListQuerySchema,
  type CertificateList,
  type CertificateListQuery,
  type CertificateRow,
  type CertificateSite,
} from '../../shared/certificates/schema';
import {
  deriveCertificateStatus,
  statusDecisionKinds,
  type IssuedCertificateStatus,
  type StatusDecisionKind,
} from '../../shared/certificates/status';
import { addCalendarDays } from '../../shared/cycle';
import { validationError } from '../../shared/errors';
import { nowIso, requireActor, type ServiceContext } from './context';

export type CertificateRecord = typeof certificates.$inferSelect;
export type DecisionRow = typeof certificationDecisions.$inferSelect;

export const certificateEntity = (row: Pick<CertificateRecord, 'id' | 'clientId'>) => ({
  entity: 'certificate',
  entityId: row.id,
  // Under the client, so the client's history shows its certificates too.
  rootId: row.clientId,
});

/** Decisions are ordered by date, then by when they were recorded (ids are time-ordered). */
export const orderKey = (d: Pick<DecisionRow, 'decisionDate' | 'id'>) =>
  `${d.decisionDate}|${d.id}`;

export function serviceToday(ctx: ServiceContext, today?: string): string {
  return today ?? nowIso(ctx).slice(0, 10);
}

interface ClientFacts {
  legalName: string;
  tradingName: string;
  reference: string;
  country: string;
}

/** What the status and the replacement of each certificate derive from. */
interface Loaded {
  records: CertificateRecord[];
  clients: Map<string, ClientFacts>;
  sites: Map<string, CertificateSite>;
  decisions: Map<string, DecisionRow[]>;
}

function load(db: Db, clientId?: string): Loaded {
  const records = db
    .select()
    .from(certificates)
    .where(clientId === undefined ? undefined : eq(certificates.clientId, clientId))
    .orderBy(desc(certificates.issueDate), desc(certificates.id))
    .all();
  const clientIds = [...new Set(records.map((r) => r.clientId))];
  const byChunk = <T>(ids: string[], read: (chunk: string[]) => T[]): T[] => {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += 500) out.push(...read(ids.slice(i, i + 500)));
    return out;
  };
  const clientRows = byChunk(clientIds, (chunk) =>
    db
      .select({
        id: clients.id,
        legalName: clients.legalName,
        tradingName: clients.tradingName,
        reference: clients.reference,
        country: clients.country,
      })
      .from(clients)
      .where(inArray(clients.id, chunk))
      .all(),
  );
  const siteRows = byChunk(clientIds, (chunk) =>
    db
      .select()
      .from(clientSites)
      .where(inArray(clientSites.clientId, chunk))
      .orderBy(desc(clientSites.isCentral), asc(clientSites.position))
      .all(),
  );
  const decisionRows = byChunk(clientIds, (chunk) =>
    db
      .select()
      .from(certificationDecisions)
      .where(inArray(certificationDecisions.clientId, chunk))
      .all(),
  );
  const decisions = new Map<string, DecisionRow[]>();
  for (const d of decisionRows.sort((a, b) => (orderKey(a) < orderKey(b) ? -1 : 1))) {
    decisions.set(d.clientId, [...(decisions.get(d.clientId) ?? []), d]);
  }
  return {
    records,
    clients: new Map(clientRows.map((c) => [c.id, c])),
    sites: new Map(
      siteRows.map((s) => [
        s.id,
        { id: s.id, name: s.name, address: s.address, country: s.country, isCentral: s.isCentral },
      ]),
    ),
    decisions,
  };
}

function statusOf(
  record: CertificateRecord,
  replacement: CertificateRecord | undefined,
  decisions: readonly DecisionRow[],
  day: string,
): IssuedCertificateStatus {
  const issuing = decisions.find((d) => d.id === record.decisionId);
  const replacing = replacement && decisions.find((d) => d.id === replacement.decisionId);
  const from = issuing ? orderKey(issuing) : `${record.issueDate}|`;
  const until = replacing ? orderKey(replacing) : null;
  const events = decisions
    .filter((d) => (statusDecisionKinds as readonly string[]).includes(d.kind))
    .filter((d) => orderKey(d) > from && (until === null || orderKey(d) < until))
    .map((d) => ({ kind: d.kind as StatusDecisionKind, date: d.decisionDate }));
  return deriveCertificateStatus(
    { expiryDate: record.expiryDate, replacedOn: replacement?.issueDate ?? null, events },
    day,
  );
}

function rowsOf(loaded: Loaded, day: string): CertificateRow[] {
  const byId = new Map(loaded.records.map((r) => [r.id, r]));
  const replacementOf = new Map<string, CertificateRecord>();
  for (const r of loaded.records) if (r.replacesId) replacementOf.set(r.replacesId, r);
  return loaded.records.map((record) => {
    const client = loaded.clients.get(record.clientId);
    const replacement = replacementOf.get(record.id);
    return {
      id: record.id,
      number: record.number,
      clientId: record.clientId,
      clientReference: client?.reference ?? '',
      organisation: client?.legalName ?? '',
      country: client?.country ?? '',
      scopeText: record.scopeText,
      standard: record.standard,
      issueDate: record.issueDate,
      expiryDate: record.expiryDate,
      status: statusOf(record, replacement, loaded.decisions.get(record.clientId) ?? [], day),
      sites: record.siteIds.flatMap((id) => {
        const site = loaded.sites.get(id);
        return site ? [site] : [];
      }),
      decisionId: record.decisionId,
      replacesId: record.replacesId,
      replacesNumber: record.replacesId ? (byId.get(record.replacesId)?.number ?? null) : null,
      replacedById: replacement?.id ?? null,
      replacedByNumber: replacement?.number ?? null,
      replacedOn: replacement?.issueDate ?? null,
    };
  });
}

/** Every certificate of one client (or all), with its status on `day`, newest issue first. */
export function certificateRows(db: Db, day: string, clientId?: string): CertificateRow[] {
  return rowsOf(load(db, clientId), day);
}

/** The client's current certificate (replaced by none), with its status on `day`; null when none. */
export function currentCertificate(db: Db, clientId: string, day: string): CertificateRow | null {
  return certificateRows(db, day, clientId).find((r) => r.replacedById === null) ?? null;
}

function matches(row: CertificateRow, search: string, loaded: Loaded): boolean {
  const client = loaded.clients.get(row.clientId);
  const text = [row.number, row.organisation, client?.tradingName ?? '', row.clientReference]
    .join(' ')
    .toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '')
    .every((word) => text.includes(word));
}

/** The register: filtered, newest issue first (soonest expiry first when filtering by expiry). */
export function queryCertificates(
  db: Db,
  query: ReturnType<typeof certificateListQuerySchema.parse>,
  today: string,
): CertificateRow[] {
  const loaded = load(db, query.clientId);
  let rows = rowsOf(loaded, today);
  if (!query.includeReplaced) rows = rows.filter((r) => r.replacedById === null);
  if (query.search) {
    const search = query.search;
    rows = rows.filter((r) => matches(r, search, loaded));
  }
  if (query.status) rows = rows.filter((r) => r.status === query.status);
  if (query.expiringWithinDays !== undefined) {
    const until = addCalendarDays(today, query.expiringWithinDays);
    rows = rows
      .filter((r) => r.status === 'active' || r.status === 'suspended')
      .filter((r) => r.expiryDate >= today && r.expiryDate <= until)
      .sort((a, b) => (a.expiryDate < b.expiryDate ? -1 : a.expiryDate > b.expiryDate ? 1 : 0));
  }
  return rows;
}

export function listCertificates(ctx: ServiceContext, raw: CertificateListQuery): CertificateList {
  requireActor(ctx);
  const parsed = certificateListQuerySchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const today = serviceToday(ctx, parsed.data.today);
  const rows = queryCertificates(ctx.db, parsed.data, today);
  return { today, total: rows.length, rows };
}
