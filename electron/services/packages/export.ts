import fs from 'node:fs';
import { uuidv7 } from 'uuidv7';
import { AppError } from '../../../shared/errors';
import type { ExportedFile } from '../../../shared/findings/schema';
import {
  exportPackageSchema,
  packageExtension,
  packageRoles,
} from '../../../shared/packages/schema';
import { validationError } from '../../../shared/errors';
import { auditTypeLabels } from '../../../shared/programme/vocabulary';
import { logEvent } from '../change-log';
import { nowIso, requireRole, type ServiceContext } from '../context';
import { storedPath } from '../evidence-store';
import { writePackage, formatName, formatVersion, type PackageData } from './format';
import { ensureIdentity, signBytes } from './identity';
import { idOf, packageTables, peopleColumns, rowsWhereIn, type Row, type Selected } from './tables';

/** The rows of a package of these audits, and the change-log entries of every one of them. */
export function collectPackageRows(ctx: ServiceContext, auditIds: string[]): PackageData {
  const { sqlite } = ctx;
  const selected: Selected = new Map();
  // The audits first: the client and everything else are chosen from them.
  const order = [...packageTables].sort(
    (a, b) => Number(b.name === 'audits') - Number(a.name === 'audits'),
  );
  for (const spec of order) {
    if (spec.name === 'people') continue;
    selected.set(spec.name, spec.select(sqlite, auditIds, selected));
  }
  const found = new Set((selected.get('audits') ?? []).map((a) => String(a.id)));
  const missing = auditIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `No audit with id ${missing.join(', ')}.`, 'auditIds');
  }
  const allIds = packageTables.flatMap((spec) =>
    (selected.get(spec.name) ?? []).map((r) => idOf(spec, r)),
  );
  // Deletions of records under these clients and audits travel too, so the other side sees them.
  const roots = [...found, ...(selected.get('clients') ?? []).map((c) => String(c.id))];
  const deletions = rowsWhereIn(sqlite, 'change_log', 'root_id', roots).filter(
    (e) => e.field === 'deleted',
  );
  const deletedIds = deletions.map((e) => e.entity_id);
  const changeLog = rowsWhereIn(sqlite, 'change_log', 'entity_id', [...allIds, ...deletedIds]);
  // Whoever the rows or their history point at: team members, authors, deciders.
  const personIds = new Set<unknown>(changeLog.map((e) => e.actor_id));
  for (const spec of packageTables) {
    for (const column of peopleColumns(spec.table)) {
      for (const row of selected.get(spec.name) ?? []) personIds.add(row[column]);
    }
  }
  const people = rowsWhereIn(sqlite, 'people', 'id', [...personIds]);
  const peopleLog = rowsWhereIn(
    sqlite,
    'change_log',
    'entity_id',
    people.map((p) => String(p.id)),
  );
  selected.set('people', people);
  const tables: Record<string, Row[]> = {};
  for (const spec of packageTables) {
    tables[spec.name] = [...(selected.get(spec.name) ?? [])].sort((a, b) =>
      idOf(spec, a).localeCompare(idOf(spec, b)),
    );
  }
  const log = [...new Map([...changeLog, ...peopleLog].map((e) => [String(e.id), e])).values()];
  return { tables, changeLog: log.sort((a, b) => String(a.id).localeCompare(String(b.id))) };
}

function evidenceOf(ctx: ServiceContext, data: PackageData): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const row of data.tables.evidence_files ?? []) {
    const sha = String(row.sha256);
    if (out.has(sha)) continue;
    const file = storedPath(ctx.evidenceDirectory, sha);
    if (!fs.existsSync(file)) {
      throw new AppError(
        'CONFLICT',
        `The evidence file "${String(row.file_name)}" is missing from the evidence folder, so the package would be incomplete. Run "Verify evidence files" on the Data screen.`,
        'auditIds',
      );
    }
    out.set(sha, fs.readFileSync(file));
  }
  return out;
}

/** "Lumen Analytics GmbH, Stage 2 from 2026-03-02": how history lines name an audit. */
export function auditLine(a: { clientName: string; type: string; plannedStart: string }): string {
  const type =
    a.type in auditTypeLabels ? auditTypeLabels[a.type as keyof typeof auditTypeLabels] : a.type;
  return `${a.clientName}, ${type} from ${a.plannedStart}`;
}

function fileNameFor(data: PackageData, at: string): string {
  const clients = data.tables.clients ?? [];
  const who =
    clients.length === 1 ? String(clients[0]?.reference ?? 'client') : `${clients.length}-clients`;
  return `audit-package-${who}-${at.slice(0, 10)}${packageExtension}`;
}

/**
 * Exports audits as one signed file: each audit with its client, sites, contacts, programme
 * (certification cycles), SoA versions, team and the people on it, checklist, answers, evidence
 * entries and files, findings and their events, plus every change-log entry of those records.
 */
export async function exportAuditPackage(
  ctx: ServiceContext,
  raw: unknown,
): Promise<ExportedFile & { packageId: string; rows: number; evidenceFiles: number }> {
  const actor = requireRole(ctx, packageRoles, 'export audit packages');
  const parsed = exportPackageSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const auditIds = [...new Set(parsed.data.auditIds)];
  const data = collectPackageRows(ctx, auditIds);
  const evidence = evidenceOf(ctx, data);
  const identity = ensureIdentity(ctx);
  const at = nowIso(ctx);
  const packageId = uuidv7();
  const clients = new Map((data.tables.clients ?? []).map((c) => [c.id, c]));
  const audits = (data.tables.audits ?? []).map((a) => {
    const client = clients.get(String(a.client_id));
    return {
      id: String(a.id),
      clientName: String(client?.legal_name ?? ''),
      clientReference: String(client?.reference ?? ''),
      type: String(a.type),
      plannedStart: String(a.planned_start),
    };
  });
  const bytes = await writePackage(
    {
      format: formatName,
      version: formatVersion,
      packageId,
      createdAt: at,
      createdBy: actor.kind === 'person' ? actor.person.name : null,
      signer: {
        installationId: identity.installationId,
        name: identity.name,
        publicKey: identity.publicKey,
      },
      audits,
    },
    data,
    evidence,
    (manifest) => signBytes(identity, manifest),
  );
  ctx.db.transaction((tx) => {
    logEvent(
      ctx,
      tx,
      { entity: 'package', entityId: packageId, rootId: 'packages' },
      'created',
      {
        kind: 'exported',
        audits: audits.map(auditLine),
      },
      at,
    );
  });
  const rows = Object.values(data.tables).reduce((n, r) => n + r.length, 0);
  return {
    fileName: fileNameFor(data, at),
    mediaType: 'application/zip',
    data: bytes.toString('base64'),
    packageId,
    rows,
    evidenceFiles: evidence.size,
  };
}
