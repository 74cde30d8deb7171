import { desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { auditTimeResults, people } from '../../db/schema';
import type { Db } from '../../db/open';
import type { ApprovalState, AuditTimeRecord, AuditType } from '../../shared/audit-time';

export type ResultRow = typeof auditTimeResults.$inferSelect;

/** The fields an override and its decision change, for the change log. */
export function approvalFields(
  row: Pick<
    ResultRow,
    'overrideDays' | 'overrideReason' | 'approvalState' | 'approvedBy' | 'approvalNote'
  >,
) {
  return {
    overrideDays: row.overrideDays,
    overrideReason: row.overrideReason,
    approvalState: row.approvalState,
    approvedBy: row.approvedBy,
    approvalNote: row.approvalNote,
  };
}

const creator = alias(people, 'creator');
const overrider = alias(people, 'overrider');
const approver = alias(people, 'approver');

type Joined = {
  row: ResultRow;
  creatorName: string | null;
  overriderName: string | null;
  approverName: string | null;
};

function toRecord({ row, creatorName, overriderName, approverName }: Joined): AuditTimeRecord {
  const approvalState = row.approvalState as ApprovalState;
  const override =
    row.overrideDays === null || row.overriddenAt === null
      ? null
      : {
          days: row.overrideDays,
          reason: row.overrideReason ?? '',
          by: { id: row.overriddenBy, name: overriderName },
          at: row.overriddenAt,
        };
  const decided = approvalState === 'approved' || approvalState === 'rejected';
  return {
    id: row.id,
    clientId: row.clientId,
    tableId: row.tableId,
    tableVersion: row.tableVersion,
    auditType: row.auditType as AuditType,
    input: row.input,
    output: row.output,
    calculatedDays: row.calculatedDays,
    override,
    approvalState,
    decision:
      decided && row.approvedAt !== null
        ? {
            by: { id: row.approvedBy, name: approverName },
            at: row.approvedAt,
            note: row.approvalNote ?? '',
          }
        : null,
    effectiveDays:
      approvalState === 'approved' && override !== null ? override.days : row.calculatedDays,
    usableForPlanning: approvalState === 'notRequired' || approvalState === 'approved',
    createdBy: { id: row.createdBy, name: creatorName },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Saved results with the names of who saved, overrode and decided; newest first. */
export function recordsOf(db: Db, where: SQL | undefined, limit?: number): AuditTimeRecord[] {
  const query = db
    .select({
      row: auditTimeResults,
      creatorName: creator.name,
      overriderName: overrider.name,
      approverName: approver.name,
    })
    .from(auditTimeResults)
    .leftJoin(creator, eq(creator.id, auditTimeResults.createdBy))
    .leftJoin(overrider, eq(overrider.id, auditTimeResults.overriddenBy))
    .leftJoin(approver, eq(approver.id, auditTimeResults.approvedBy))
    .where(where)
    .orderBy(desc(auditTimeResults.createdAt), desc(auditTimeResults.id));
  return (limit === undefined ? query.all() : query.limit(limit).all()).map(toRecord);
}
