import type { Db } from '../../db/open';
import type { AuditTimeRecord } from '../../shared/audit-time';
import type { Client } from '../../shared/clients/schema';
import { defaultAuditCriteria, type AuditPlanDefaults } from '../../shared/programme/audit-schema';
import {
  auditTimeTypeFor,
  daysFromAuditTime,
  defaultObjectives,
  defaultSiteIds,
  type AuditTimeDays,
} from '../../shared/programme/plan-defaults';
import { auditTypeLabels, type AuditType } from '../../shared/programme/vocabulary';
import { latestApprovedAuditTime } from './audit-time';
import { getClient } from './clients';
import { requireActor, type ServiceContext } from './context';

export interface AuditTimeSource {
  record: AuditTimeRecord;
  days: AuditTimeDays;
}

/**
 * The saved audit-time result an audit is planned with (17021-1 9.1.4): the newest usable one
 * calculated for that kind of audit, else the newest usable one of any kind, whose calculation
 * gives every kind's days. None for special and transfer audits, whose time the CB sets per case.
 */
export function auditTimeFor(db: Db, clientId: string, type: AuditType): AuditTimeSource | null {
  const timeType = auditTimeTypeFor(type);
  if (timeType === null) return null;
  const record =
    latestApprovedAuditTime(db, clientId, timeType) ?? latestApprovedAuditTime(db, clientId);
  if (record === null) return null;
  const days = daysFromAuditTime(type, record);
  return days === null ? null : { record, days };
}

function sourceSentence(type: AuditType, source: AuditTimeSource | null): string {
  const label = auditTypeLabels[type];
  if (source === null) {
    return auditTimeTypeFor(type) === null
      ? `A ${label.toLowerCase()} has no calculated audit time: set the days for its purpose.`
      : 'No usable audit-time result is saved for this client yet: enter the days, or calculate and save the audit time first.';
  }
  const { record, days } = source;
  const override =
    record.override && record.approvalState === 'approved' ? ' (approved override)' : '';
  return `${days.calculatedDays} days for the ${label.toLowerCase()} from the audit time saved on ${record.createdAt.slice(0, 10)} with table ${record.tableVersion}${override}; the sample visits ${days.sampleSize} site(s) besides the central function.`;
}

/** What the plan form starts from for a new audit of a type. */
export function planDefaultsFor(db: Db, client: Client, type: AuditType): AuditPlanDefaults {
  const source = auditTimeFor(db, client.id, type);
  const sampleSize = source?.days.sampleSize ?? 0;
  return {
    clientId: client.id,
    type,
    auditTimeResultId: source?.record.id ?? null,
    calculatedDays: source?.days.calculatedDays ?? null,
    minOnsiteDays: source?.days.minOnsiteDays ?? null,
    // All on site to start with; moving days to remote keeps the total, so needs no reason.
    onsiteDays: source?.days.calculatedDays ?? 1,
    remoteDays: 0,
    sampleSize,
    siteIds: defaultSiteIds(client.sites, sampleSize),
    objectives: defaultObjectives[type],
    criteria: defaultAuditCriteria,
    scope: client.scope,
    source: sourceSentence(type, source),
  };
}

export function auditPlanDefaults(
  ctx: ServiceContext,
  query: { clientId: string; type: AuditType },
): AuditPlanDefaults {
  requireActor(ctx);
  return planDefaultsFor(ctx.db, getClient(ctx.db, query.clientId), query.type);
}
