import { and, asc, desc, eq, max } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../db/open';
import {
  audits,
  auditSoaLinks,
  checklists,
  clients,
  people,
  soaControls,
  soaVersions,
} from '../../db/schema';
import { annexAControls, catalogueVersion } from '../../shared/iso42001/catalogue';
import { AppError, validationError } from '../../shared/errors';
import {
  saveSoaSchema,
  soaEditors,
  type AuditedSoa,
  type ImplementationStatus,
  type SaveSoaInput,
  type SoaVersion,
  type SoaVersionSummary,
} from '../../shared/soa/schema';
import { logEvent, logFieldChanges } from './change-log';
import { actorId, nowIso, requireActor, requireRole, type ServiceContext } from './context';

/** Under the client, so its history shows each new SoA version. */
const soaEntity = (id: string, clientId: string) => ({
  entity: 'soa_version',
  entityId: id,
  rootId: clientId,
});

function requireClient(db: Db, clientId: string): void {
  const found = db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).get();
  if (!found) throw new AppError('NOT_FOUND', 'That client does not exist.', 'clientId');
}

function summaries(db: Db, where: ReturnType<typeof eq>): SoaVersionSummary[] {
  const rows = db
    .select({
      id: soaVersions.id,
      clientId: soaVersions.clientId,
      versionNumber: soaVersions.versionNumber,
      documentReference: soaVersions.documentReference,
      catalogueVersion: soaVersions.catalogueVersion,
      createdById: soaVersions.createdBy,
      createdByName: people.name,
      createdAt: soaVersions.createdAt,
    })
    .from(soaVersions)
    .leftJoin(people, eq(people.id, soaVersions.createdBy))
    .where(where)
    .orderBy(desc(soaVersions.versionNumber))
    .all();
  return rows.map((r) => {
    const flags = db
      .select({ applicable: soaControls.applicable })
      .from(soaControls)
      .where(eq(soaControls.soaVersionId, r.id))
      .all();
    const applicableCount = flags.filter((f) => f.applicable).length;
    return { ...r, applicableCount, excludedCount: flags.length - applicableCount };
  });
}

function readVersion(db: Db, id: string): SoaVersion | null {
  const [summary] = summaries(db, eq(soaVersions.id, id));
  if (!summary) return null;
  const catalogue = new Map(annexAControls().map((c) => [c.id, c]));
  const rows = db
    .select()
    .from(soaControls)
    .where(eq(soaControls.soaVersionId, id))
    .orderBy(asc(soaControls.position))
    .all();
  return {
    ...summary,
    controls: rows.map((r) => ({
      controlId: r.controlId,
      applicable: r.applicable,
      justification: r.justification,
      implementationStatus: r.implementationStatus as ImplementationStatus | null,
      reference: r.reference,
      // A control retired by a later catalogue keeps its id; the title falls back to it.
      title: catalogue.get(r.controlId)?.title ?? r.controlId,
      group: catalogue.get(r.controlId)?.group ?? '',
    })),
  };
}

export function listSoaVersions(ctx: ServiceContext, clientId: string): SoaVersionSummary[] {
  requireActor(ctx);
  requireClient(ctx.db, clientId);
  return summaries(ctx.db, eq(soaVersions.clientId, clientId));
}

/** The newest version, or null when the client has not given an SoA yet. */
export function currentSoa(ctx: ServiceContext, clientId: string): SoaVersion | null {
  const [newest] = listSoaVersions(ctx, clientId);
  return newest ? readVersion(ctx.db, newest.id) : null;
}

export function getSoaVersion(ctx: ServiceContext, id: string): SoaVersion {
  requireActor(ctx);
  const found = readVersion(ctx.db, id);
  if (!found) throw new AppError('NOT_FOUND', 'That SoA version does not exist.', 'id');
  return found;
}

/**
 * Records the client's SoA as a new version numbered after the newest one. Checked here as well as
 * at the boundary, because the CLI and services call this directly.
 */
export function saveSoaVersion(ctx: ServiceContext, raw: SaveSoaInput): SoaVersion {
  requireRole(ctx, soaEditors, 'record a Statement of Applicability');
  const parsed = saveSoaSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  requireClient(ctx.db, input.clientId);
  const at = nowIso(ctx);
  const id = uuidv7();
  const order = new Map(annexAControls().map((c, i) => [c.id, i]));
  ctx.db.transaction((tx) => {
    const newest = tx
      .select({ id: soaVersions.id, versionNumber: soaVersions.versionNumber })
      .from(soaVersions)
      .where(eq(soaVersions.clientId, input.clientId))
      .orderBy(desc(soaVersions.versionNumber))
      .get();
    if ((newest?.id ?? null) !== input.basedOnVersionId) {
      throw new AppError(
        'CONFLICT',
        `Someone saved version ${newest?.versionNumber ?? '?'} of this Statement of Applicability meanwhile; reload it, then make your changes again.`,
        'basedOnVersionId',
      );
    }
    const last = tx
      .select({ n: max(soaVersions.versionNumber) })
      .from(soaVersions)
      .where(eq(soaVersions.clientId, input.clientId))
      .get();
    const row = {
      id,
      clientId: input.clientId,
      versionNumber: (last?.n ?? 0) + 1,
      documentReference: input.documentReference,
      catalogueVersion,
      createdBy: actorId(ctx),
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(soaVersions).values(row).run();
    const controls = input.controls.map((c) => ({
      id: uuidv7(),
      soaVersionId: id,
      controlId: c.controlId,
      position: order.get(c.controlId) ?? 0,
      applicable: c.applicable,
      justification: c.justification,
      // An excluded control is not implemented by definition: a status would only mislead.
      implementationStatus: c.applicable ? c.implementationStatus : null,
      reference: c.reference,
      createdAt: at,
      updatedAt: at,
    }));
    tx.insert(soaControls).values(controls).run();
    logEvent(ctx, tx, soaEntity(id, input.clientId), 'created', { ...row, controls }, at);
  });
  return getSoaVersion(ctx, id);
}

function auditedSoaRow(db: Db, auditId: string) {
  return db
    .select({
      soaVersionId: auditSoaLinks.soaVersionId,
      recordedByName: people.name,
      recordedAt: auditSoaLinks.updatedAt,
    })
    .from(auditSoaLinks)
    .leftJoin(people, eq(people.id, auditSoaLinks.recordedBy))
    .where(eq(auditSoaLinks.auditId, auditId))
    .get();
}

/** The SoA version an audit audited, or null when none is recorded yet. */
export function auditedSoaVersion(ctx: ServiceContext, auditId: string): AuditedSoa | null {
  requireActor(ctx);
  const row = auditedSoaRow(ctx.db, auditId);
  if (!row) return null;
  const [soaVersion] = summaries(ctx.db, eq(soaVersions.id, row.soaVersionId));
  if (!soaVersion) return null;
  const checklist = ctx.db
    .select({ id: checklists.id })
    .from(checklists)
    .where(eq(checklists.auditId, auditId))
    .get();
  return {
    auditId,
    soaVersion,
    recordedByName: row.recordedByName,
    recordedAt: row.recordedAt,
    checklistPrepared: checklist !== undefined,
  };
}

/**
 * A checklist copies the SoA it was prepared from (which controls are audited for implementation,
 * which exclusions are reviewed), so once it exists the audited version stays: changing it would
 * make the record say the audit covered an SoA its checklist never reflected. An Audit Desk rule.
 */
function refuseOnceChecklistPrepared(db: Db, auditId: string, soaVersionId: string): void {
  const prepared = db
    .select({ soaVersionId: checklists.soaVersionId, versionNumber: soaVersions.versionNumber })
    .from(checklists)
    .leftJoin(soaVersions, eq(soaVersions.id, checklists.soaVersionId))
    .where(eq(checklists.auditId, auditId))
    .get();
  if (!prepared || prepared.soaVersionId === soaVersionId) return;
  const from =
    prepared.versionNumber === null
      ? 'The checklist was prepared without a Statement of Applicability'
      : `The checklist was prepared from SoA version ${prepared.versionNumber}`;
  throw new AppError(
    'CONFLICT',
    `${from}; the audited version cannot change once the checklist exists. A newer SoA is audited at the next audit.`,
    'soaVersionId',
  );
}

/**
 * Records (or corrects, until the audit's checklist is prepared) which of its client's SoA versions
 * an audit audited.
 */
export function recordAuditedSoaVersion(
  ctx: ServiceContext,
  input: { auditId: string; soaVersionId: string },
): AuditedSoa {
  requireRole(ctx, soaEditors, 'record which SoA version an audit audited');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const audit = tx
      .select({ id: audits.id, clientId: audits.clientId })
      .from(audits)
      .where(eq(audits.id, input.auditId))
      .get();
    if (!audit) throw new AppError('NOT_FOUND', 'That audit does not exist.', 'auditId');
    const version = tx
      .select({ id: soaVersions.id })
      .from(soaVersions)
      .where(and(eq(soaVersions.id, input.soaVersionId), eq(soaVersions.clientId, audit.clientId)))
      .get();
    if (!version) {
      throw new AppError(
        'VALIDATION',
        "Choose a version of this audit's client's Statement of Applicability.",
        'soaVersionId',
      );
    }
    const before = tx
      .select()
      .from(auditSoaLinks)
      .where(eq(auditSoaLinks.auditId, input.auditId))
      .get();
    if (before?.soaVersionId === input.soaVersionId) return;
    refuseOnceChecklistPrepared(tx, audit.id, input.soaVersionId);
    const target = { entity: 'audit_soa_link', entityId: audit.id, rootId: audit.clientId };
    if (before) {
      tx.update(auditSoaLinks)
        .set({ soaVersionId: input.soaVersionId, recordedBy: actorId(ctx), updatedAt: at })
        .where(eq(auditSoaLinks.auditId, audit.id))
        .run();
      logFieldChanges(
        ctx,
        tx,
        target,
        { soaVersionId: before.soaVersionId },
        { soaVersionId: input.soaVersionId },
        at,
      );
      return;
    }
    const row = {
      auditId: audit.id,
      soaVersionId: input.soaVersionId,
      recordedBy: actorId(ctx),
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(auditSoaLinks).values(row).run();
    logEvent(ctx, tx, target, 'created', row, at);
  });
  const found = auditedSoaVersion(ctx, input.auditId);
  if (!found) throw new AppError('INTERNAL', 'The SoA link was not stored.');
  return found;
}
