import { and, eq } from 'drizzle-orm';
import { audits, auditTeamMembers } from '../../db/schema';
import type { Db } from '../../db/open';
import { checklistPlanners } from '../../shared/checklists/schema';
import { AppError } from '../../shared/errors';
import { hasAnyRole } from '../../shared/people/schema';
import type { AuditState, AuditType, TeamRole } from '../../shared/programme/vocabulary';
import { requireActor, type ServiceContext } from './context';

/** The audit facts checklist services need. */
export interface ChecklistAudit {
  id: string;
  clientId: string;
  type: AuditType;
  cycleNumber: number;
  state: AuditState;
  plannedStart: string;
  plannedEnd: string;
  completedOn: string | null;
}

/** Team roles that audit and so answer the checklist (observers watch, ISO/IEC 17021-1 9.2.2). */
export const answeringRoles: readonly TeamRole[] = ['lead_auditor', 'auditor', 'technical_expert'];

export function checklistAudit(db: Db, auditId: string): ChecklistAudit {
  const row = db
    .select({
      id: audits.id,
      clientId: audits.clientId,
      type: audits.type,
      cycleNumber: audits.cycleNumber,
      state: audits.state,
      plannedStart: audits.plannedStart,
      plannedEnd: audits.plannedEnd,
      completedOn: audits.completedOn,
    })
    .from(audits)
    .where(eq(audits.id, auditId))
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'That audit does not exist.', 'auditId');
  return { ...row, type: row.type as AuditType, state: row.state as AuditState };
}

export interface ChecklistAccess {
  /** The signed-in person's role on the audit team, null when not on it (or no person). */
  teamRole: TeamRole | null;
  canAnswer: boolean;
  canPlan: boolean;
}

export function teamRoleOf(db: Db, auditId: string, personId: string): TeamRole | null {
  const row = db
    .select({ role: auditTeamMembers.role })
    .from(auditTeamMembers)
    .where(and(eq(auditTeamMembers.auditId, auditId), eq(auditTeamMembers.personId, personId)))
    .get();
  return row ? (row.role as TeamRole) : null;
}

/** What the signed-in person may do with an audit's checklist. */
export function checklistAccess(ctx: ServiceContext, db: Db, auditId: string): ChecklistAccess {
  const actor = requireActor(ctx);
  // The command line's system actor plans (it seeds data) but answers nothing: answers are per auditor.
  if (actor.kind === 'system') return { teamRole: null, canAnswer: false, canPlan: true };
  const teamRole = teamRoleOf(db, auditId, actor.person.id);
  return {
    teamRole,
    canAnswer: teamRole !== null && answeringRoles.includes(teamRole),
    canPlan: teamRole === 'lead_auditor' || hasAnyRole(actor.person, checklistPlanners),
  };
}

/** The signed-in auditor's id, when they are on the audit team in an auditing role. */
export function requireAnswering(
  ctx: ServiceContext,
  access: Pick<ChecklistAccess, 'teamRole' | 'canAnswer'>,
  doing: string,
) {
  const actor = requireActor(ctx);
  if (actor.kind === 'system') {
    throw new AppError(
      'FORBIDDEN',
      `Choose who is working to ${doing}: it is recorded under the auditor who did it.`,
    );
  }
  if (!access.canAnswer) {
    const why =
      access.teamRole === 'observer'
        ? 'is an observer on this audit, and observers do not audit'
        : 'is not on the team of this audit';
    throw new AppError(
      'FORBIDDEN',
      `${actor.person.name} ${why}, so cannot ${doing}. The lead auditor or a scheduler changes the team under Team.`,
    );
  }
  return actor.person;
}

export function requirePlanning(ctx: ServiceContext, access: ChecklistAccess, doing: string) {
  const actor = requireActor(ctx);
  if (access.canPlan) return;
  const name = actor.kind === 'person' ? actor.person.name : 'This person';
  throw new AppError(
    'FORBIDDEN',
    `${name} cannot ${doing}: that is for the audit's lead auditor, or a person with the role ${checklistPlanners.join(', ')}.`,
  );
}

export function refuseCancelled(audit: Pick<ChecklistAudit, 'state'>, doing: string): void {
  if (audit.state === 'cancelled') {
    throw new AppError('CONFLICT', `This audit is cancelled; its checklist cannot ${doing}.`);
  }
}
