import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import {
  audits,
  auditSites,
  auditTeamMembers,
  certificationCycles,
  clients,
} from '../../db/schema';
import type { Client } from '../../shared/clients/schema';
import { addCalendarDays } from '../../shared/cycle';
import type { AuditType, CompetenceArea } from '../../shared/programme/vocabulary';
import { logFieldChanges } from './change-log';
import { nowIso, type ServiceContext } from './context';
import {
  applicantProgramme,
  applicantScenarios,
  certifiedProgramme,
  certifiedScenarios,
  suspendedProgramme,
  suspendedScenarios,
  type AuditSpec,
  type ProgrammeSpec,
} from './seed-programme-plan';
import {
  auditorEmails,
  consultantEmail,
  leadEmails,
  sectorOf,
  techniqueOf,
  technicalExpertEmail,
} from './seed-staff';
import { logCreated, seedConsultancy, seedStaffRecords } from './seed-staff-records';
import { TeamPlanner, type StaffMember } from './seed-teams';

/** A demo client as created, with what its AI management system covers. */
export interface SeededClient {
  client: Client;
  product: string;
}

export interface ProgrammeSeedResult {
  cycles: number;
  audits: number;
}

const objectives: Record<AuditType, string> = {
  stage1:
    'Review the documented AI management system and the client’s readiness for Stage 2 (ISO/IEC 17021-1 9.3.1.2).',
  stage2:
    'Evaluate the implementation and effectiveness of the AI management system (ISO/IEC 17021-1 9.3.1.3).',
  surveillance:
    'Confirm the AI management system continues to fulfil ISO/IEC 42001 (ISO/IEC 17021-1 9.6.2).',
  recertification:
    'Confirm the continued conformity and effectiveness of the whole AI management system (ISO/IEC 17021-1 9.6.3).',
  special: 'Special audit.',
  transfer: 'Transfer review.',
};

/**
 * Scenarios in turn; the second client with the same scenario has all its dates a week earlier,
 * so no two look alike, and every scenario keeps more than a week's margin to its state's edges.
 */
function programmeOf(status: Client['status'], turn: number, today: string): ProgrammeSpec {
  const inTurn = <T>(list: readonly T[]) => ({
    scenario: list[turn % list.length] as T,
    day: addCalendarDays(today, -7 * Math.floor(turn / list.length)),
  });
  switch (status) {
    case 'certified': {
      const { scenario, day } = inTurn(certifiedScenarios);
      return certifiedProgramme(day, scenario);
    }
    case 'suspended': {
      const { scenario, day } = inTurn(suspendedScenarios);
      return suspendedProgramme(day, scenario);
    }
    case 'applicant': {
      const { scenario, day } = inTurn(applicantScenarios);
      return applicantProgramme(day, scenario);
    }
    default:
      return { cycles: [], audits: [] };
  }
}

/** Application review (17021-1 9.1.2): the competence areas the client's scope needs. */
function reviewApplication(
  ctx: ServiceContext,
  clientId: string,
  areas: CompetenceArea[],
  reviewerId: string | null,
  at: string,
): void {
  const review = {
    requiredCompetenceAreas: areas,
    applicationReviewedBy: reviewerId,
    applicationReviewedAt: at,
  };
  ctx.db
    .update(clients)
    .set({ ...review, updatedAt: at })
    .where(eq(clients.id, clientId))
    .run();
  const before = {
    requiredCompetenceAreas: [],
    applicationReviewedBy: null,
    applicationReviewedAt: null,
  };
  const target = { entity: 'client', entityId: clientId, rootId: clientId };
  logFieldChanges(ctx, ctx.db, target, before, review, at);
}

/** One audit with its team and the sites it visits. */
function writeAudit(
  ctx: ServiceContext,
  client: Client,
  audit: AuditSpec,
  team: readonly { personId: string; role: string }[],
  at: string,
): void {
  const auditId = uuidv7();
  const values = {
    clientId: client.id,
    type: audit.type,
    cycleNumber: audit.cycleNumber,
    state: audit.state,
    plannedStart: audit.firstDay,
    plannedEnd: audit.lastDay,
    onsiteDays: audit.onsiteDays,
    remoteDays: audit.remoteDays,
    objectives: objectives[audit.type],
    criteria: 'ISO/IEC 42001:2023; the client’s AI management system documentation.',
    scope: client.scope,
    completedOn: audit.state === 'completed' ? audit.lastDay : null,
  };
  ctx.db
    .insert(audits)
    .values({ id: auditId, ...values, createdAt: at, updatedAt: at })
    .run();
  logCreated(ctx, 'audit', auditId, client.id, values, at);
  for (const member of team) {
    const id = uuidv7();
    const row = { id, auditId, ...member, overriddenChecks: [], overrideReason: null };
    ctx.db
      .insert(auditTeamMembers)
      .values({ ...row, createdAt: at, updatedAt: at })
      .run();
    logCreated(ctx, 'audit_team_member', id, client.id, { auditId, ...member }, at);
  }
  // The central function is always visited; Stage 2 and recertification see every site.
  const everySite = audit.type === 'stage2' || audit.type === 'recertification';
  for (const site of client.sites.filter((s) => s.isCentral || everySite)) {
    const id = uuidv7();
    ctx.db
      .insert(auditSites)
      .values({ id, auditId, siteId: site.id, createdAt: at, updatedAt: at })
      .run();
    logCreated(ctx, 'audit_site', id, client.id, { auditId, siteId: site.id }, at);
  }
}

/**
 * The demo programme (issue 5): staff competence, each client's application review, cycles and
 * audits with teams and sites, dated so the dashboard shows every state on `today`. Runs inside
 * the demo seed's transaction, straight to the tables, with a change-log entry per record.
 */
export function seedDemoProgramme(
  ctx: ServiceContext,
  seeded: readonly SeededClient[],
  today: string,
): ProgrammeSeedResult {
  const at = nowIso(ctx);
  const staff = seedStaffRecords(ctx, today, at);
  const turns = new Map<string, number>();
  const plans = seeded.map(({ client, product }) => {
    const turn = turns.get(client.status) ?? 0;
    turns.set(client.status, turn + 1);
    // Prospects have not been through application review yet.
    const areas: CompetenceArea[] =
      client.status === 'prospect' ? [] : [sectorOf(product), techniqueOf(product)];
    return { client, areas, spec: programmeOf(client.status, turn, today) };
  });

  const conflicts = new Map<string, Set<string>>();
  const consultant = staff.members.get(consultantEmail);
  const consulted = plans.find(
    ({ client, spec }) =>
      client.status === 'applicant' &&
      spec.audits.some((a) => a.type === 'stage2' && a.state !== 'completed'),
  );
  if (consultant && consulted) {
    conflicts.set(consultant.id, new Set([consulted.client.id]));
    seedConsultancy(ctx, consultant.id, consulted.client.id, today, at);
  }

  let cycles = 0;
  const bookings: { client: Client; areas: CompetenceArea[]; audit: AuditSpec }[] = [];
  for (const { client, areas, spec } of plans) {
    if (areas.length > 0) reviewApplication(ctx, client.id, areas, staff.reviewerId, at);
    for (const cycle of spec.cycles) {
      const id = uuidv7();
      const row = { id, clientId: client.id, ...cycle, notes: '', createdAt: at, updatedAt: at };
      ctx.db.insert(certificationCycles).values(row).run();
      logCreated(ctx, 'certification_cycle', id, client.id, cycle, at);
      cycles++;
    }
    for (const audit of spec.audits) bookings.push({ client, areas, audit });
  }

  const members = (emails: readonly string[]): StaffMember[] =>
    emails.flatMap((email) => staff.members.get(email) ?? []);
  const planner = new TeamPlanner(
    members(leadEmails),
    members(auditorEmails),
    staff.members.get(technicalExpertEmail) ?? null,
    staff.away ? [staff.away] : [],
    conflicts,
  );
  // Booked in date order, as a scheduler would have over the years.
  bookings.sort((a, b) => (a.audit.firstDay < b.audit.firstDay ? -1 : 1));
  bookings.forEach(({ client, areas, audit }, turn) => {
    const team = planner.choose(client.id, areas, audit.firstDay, audit.lastDay, turn);
    writeAudit(ctx, client, audit, team, at);
  });
  return { cycles, audits: bookings.length };
}
