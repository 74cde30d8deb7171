import { asc, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { auditTeamMembers, people } from '../../db/schema';
import type { Db } from '../../db/open';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/people/schema';
import type { TeamCheck, TeamCheckResult } from '../../shared/programme/team-checks';
import { assessOverrides, checkTeamRules, refusalMessage } from '../../shared/programme/team-rules';
import {
  applicationReviewers,
  teamAssigners,
  type AssignedMember,
  type assignTeamSchema,
  type AuditTeam,
  type checkTeamSchema,
  type TeamCandidate,
} from '../../shared/programme/team-schema';
import type { TeamRole } from '../../shared/programme/vocabulary';
import { logEvent, logFieldChanges } from './change-log';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';
import { competenceAreasOf } from './person-profile';
import { auditForTeam, leadHistory, memberFacts, type AuditForTeam } from './team-facts';
import { teamSettings } from './team-settings';

type MemberRow = typeof auditTeamMembers.$inferSelect;
type Members = z.output<typeof checkTeamSchema>['members'];

// A held or dropped audit's team is history: it is not re-planned.
const closedStates = new Set(['completed', 'cancelled']);

function runRules(db: Db, found: AuditForTeam, members: Members): TeamCheckResult[] {
  return checkTeamRules({
    audit: found.audit,
    members: memberFacts(db, found.audit, members),
    leadHistory: leadHistory(db, found.audit),
    rotationLimit: teamSettings(db).leadAuditorRotationLimit,
  });
}

/** A preview: every failed check of a proposed team, nothing saved. */
export function checkTeam(
  ctx: ServiceContext,
  input: z.output<typeof checkTeamSchema>,
): TeamCheckResult[] {
  requireRole(ctx, applicationReviewers, 'check audit teams');
  return runRules(ctx.db, auditForTeam(ctx.db, input.auditId), input.members);
}

function savedMembers(db: Db, auditId: string): (MemberRow & { name: string })[] {
  return db
    .select({ member: auditTeamMembers, name: people.name })
    .from(auditTeamMembers)
    .innerJoin(people, eq(people.id, auditTeamMembers.personId))
    .where(eq(auditTeamMembers.auditId, auditId))
    .orderBy(asc(auditTeamMembers.createdAt), asc(auditTeamMembers.id))
    .all()
    .map((r) => ({ ...r.member, name: r.name }));
}

const roleOrder: Record<TeamRole, number> = {
  lead_auditor: 0,
  auditor: 1,
  technical_expert: 2,
  observer: 3,
};

export function auditTeam(ctx: ServiceContext, auditId: string): AuditTeam {
  requireActor(ctx);
  const found = auditForTeam(ctx.db, auditId);
  const members: AssignedMember[] = savedMembers(ctx.db, auditId)
    .map((m) => ({
      personId: m.personId,
      name: m.name,
      role: m.role as TeamRole,
      overriddenChecks: m.overriddenChecks as TeamCheck[],
      overrideReason: m.overrideReason,
    }))
    .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name));
  return {
    auditId,
    clientId: found.audit.clientId,
    clientName: found.audit.clientName,
    auditType: found.type,
    state: found.state,
    cycleNumber: found.audit.cycleNumber,
    startDate: found.audit.startDate,
    endDate: found.audit.endDate,
    requiredCompetenceAreas: [...found.audit.requiredAreas],
    applicationReviewedAt: found.applicationReviewedAt,
    members,
    // What was overridden is shown with its reason on the member; only new problems remain here.
    results: (members.length === 0 ? [] : runRules(ctx.db, found, members)).filter(
      (r) =>
        !members.some((m) => m.personId === r.personId && m.overriddenChecks.includes(r.check)),
    ),
  };
}

const memberTarget = (row: Pick<MemberRow, 'id' | 'auditId'>) => ({
  entity: 'audit_team_member',
  entityId: row.id,
  rootId: row.auditId,
});

const logged = (
  r: Pick<MemberRow, 'personId' | 'role' | 'overriddenChecks' | 'overrideReason'>,
) => ({
  personId: r.personId,
  role: r.role,
  overriddenChecks: r.overriddenChecks,
  overrideReason: r.overrideReason,
});

/**
 * Replaces the audit's team. Refuses (CONFLICT, listing every reason) while any block stands that
 * is not overridable or lacks an override reason; otherwise stores each member with the checks
 * overridden for them and why (17021-1 9.2.2.1 records of team selection), in one transaction.
 */
export function assignTeam(
  ctx: ServiceContext,
  input: z.output<typeof assignTeamSchema>,
): AuditTeam {
  requireRole(ctx, teamAssigners, 'assign audit teams');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const found = auditForTeam(tx, input.auditId);
    if (closedStates.has(found.state)) {
      throw new AppError('CONFLICT', `The audit is ${found.state}; its team can no longer change.`);
    }
    const results = runRules(tx, found, input.members);
    const { refused, accepted } = assessOverrides(results, input.overrides);
    if (refused.length > 0) throw new AppError('CONFLICT', refusalMessage(refused), 'members');
    const before = savedMembers(tx, input.auditId);
    const kept = new Set(input.members.map((m) => m.personId));
    const gone = before.filter((m) => !kept.has(m.personId));
    if (gone.length > 0) {
      tx.delete(auditTeamMembers)
        .where(
          inArray(
            auditTeamMembers.id,
            gone.map((m) => m.id),
          ),
        )
        .run();
      for (const m of gone) logEvent(ctx, tx, memberTarget(m), 'deleted', logged(m), at);
    }
    for (const m of input.members) {
      const override = accepted.get(m.personId);
      const values = {
        role: m.role,
        overriddenChecks: override?.checks ?? [],
        overrideReason: override?.reason ?? null,
      };
      const old = before.find((b) => b.personId === m.personId);
      if (!old) {
        const row: MemberRow = {
          id: uuidv7(),
          auditId: input.auditId,
          personId: m.personId,
          ...values,
          createdAt: at,
          updatedAt: at,
        };
        tx.insert(auditTeamMembers).values(row).run();
        logEvent(ctx, tx, memberTarget(row), 'created', logged(row), at);
        continue;
      }
      const next = { ...old, ...values };
      if (logFieldChanges(ctx, tx, memberTarget(old), logged(old), logged(next), at) > 0) {
        tx.update(auditTeamMembers)
          .set({ ...values, updatedAt: at })
          .where(eq(auditTeamMembers.id, old.id))
          .run();
      }
    }
  });
  return auditTeam(ctx, input.auditId);
}

// People with a role that can sit on an audit team (ISO/IEC 17021-1 9.2.2: auditors, technical
// experts; schedulers and decision makers may observe, so everyone active is offered).
export function teamCandidates(ctx: ServiceContext): TeamCandidate[] {
  requireActor(ctx);
  const rows = ctx.db
    .select({ id: people.id, name: people.name, roles: people.roles, languages: people.languages })
    .from(people)
    .where(eq(people.active, true))
    .orderBy(asc(people.name))
    .all();
  const areas = competenceAreasOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    roles: r.roles as Role[],
    competenceAreas: areas.get(r.id) ?? [],
    languages: r.languages,
  }));
}
