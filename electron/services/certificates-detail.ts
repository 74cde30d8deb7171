import { desc, eq } from 'drizzle-orm';
import { certificates, certificationDecisions, changeLog, people } from '../../db/schema';
import type { Db } from '../../db/open';
import type {
  CertificateDetail,
  CertificationDecisionRecord,
} from '../../shared/certificates/schema';
import { statusDecisionKinds } from '../../shared/certificates/status';
import type { ChangeLogEntry } from '../../shared/data/schema';
import { AppError } from '../../shared/errors';
import type { DecisionKind } from '../../shared/findings/decisions';
import { certificateRows, orderKey, serviceToday } from './certificates';
import { requireActor, type ServiceContext } from './context';

/** Decisions of a client, oldest first, with who took them and the certificate each issued. */
export function decisionRecords(db: Db, clientId: string): CertificationDecisionRecord[] {
  const rows = db
    .select({ decision: certificationDecisions, decidedByName: people.name })
    .from(certificationDecisions)
    .leftJoin(people, eq(people.id, certificationDecisions.decidedBy))
    .where(eq(certificationDecisions.clientId, clientId))
    .all()
    .sort((a, b) => (orderKey(a.decision) < orderKey(b.decision) ? -1 : 1));
  const issued = db
    .select({
      id: certificates.id,
      number: certificates.number,
      decisionId: certificates.decisionId,
    })
    .from(certificates)
    .where(eq(certificates.clientId, clientId))
    .all();
  return rows.map(({ decision: d, decidedByName }) => {
    const certificate = issued.find((c) => c.decisionId === d.id);
    return {
      id: d.id,
      clientId: d.clientId,
      kind: d.kind as DecisionKind,
      decisionDate: d.decisionDate,
      decidedBy: d.decidedBy,
      decidedByName,
      reasons: d.reasons,
      conditions: d.conditions,
      auditIds: d.auditIds,
      reportId: d.reportId,
      scopeText: d.scopeText,
      certificateId: certificate?.id ?? null,
      certificateNumber: certificate?.number ?? null,
      createdAt: d.createdAt,
    };
  });
}

function certificateHistory(db: Db, id: string): ChangeLogEntry[] {
  return db
    .select({
      id: changeLog.id,
      entity: changeLog.entity,
      entityId: changeLog.entityId,
      field: changeLog.field,
      oldValue: changeLog.oldValue,
      newValue: changeLog.newValue,
      actorId: changeLog.actorId,
      actorName: people.name,
      at: changeLog.at,
    })
    .from(changeLog)
    .leftJoin(people, eq(people.id, changeLog.actorId))
    .where(eq(changeLog.entityId, id))
    .orderBy(desc(changeLog.at), desc(changeLog.id))
    .all();
}

export function readCertificate(db: Db, id: string, day: string): CertificateDetail {
  const record = db.select().from(certificates).where(eq(certificates.id, id)).get();
  if (!record) throw new AppError('NOT_FOUND', 'That certificate does not exist.', 'id');
  const rows = certificateRows(db, day, record.clientId);
  const row = rows.find((r) => r.id === id);
  if (!row) throw new AppError('NOT_FOUND', 'That certificate does not exist.', 'id');
  const decisions = decisionRecords(db, record.clientId);
  const issuing = decisions.find((d) => d.id === record.decisionId) ?? null;
  const replacing = row.replacedById
    ? decisions.find((d) => d.certificateId === row.replacedById)
    : undefined;
  const key = (d: CertificationDecisionRecord) => `${d.decisionDate}|${d.id}`;
  const statusDecisions = decisions.filter(
    (d) =>
      (statusDecisionKinds as readonly string[]).includes(d.kind) &&
      (issuing === null || key(d) > key(issuing)) &&
      (replacing === undefined || key(d) < key(replacing)),
  );
  let original = row;
  for (let guard = 0; original.replacesId !== null && guard < 1000; guard++) {
    const previous = rows.find((r) => r.id === original.replacesId);
    if (!previous) break;
    original = previous;
  }
  return {
    ...row,
    decision: issuing,
    statusDecisions,
    originalIssueDate: original.issueDate,
    history: certificateHistory(db, id),
  };
}

export function getCertificate(
  ctx: ServiceContext,
  input: { id: string; today?: string | undefined },
): CertificateDetail {
  requireActor(ctx);
  return readCertificate(ctx.db, input.id, serviceToday(ctx, input.today));
}
