/**
 * The team area as it crosses the API: application review, team check and assignment, and the
 * CB's team settings.
 */
import { z } from 'zod';
import type { Role } from '../people/schema';
import { teamCheckSchema, type TeamCheck, type TeamCheckResult } from './team-checks';
import {
  competenceAreaSchema,
  teamRoleSchema,
  type AuditState,
  type AuditType,
  type CompetenceArea,
  type TeamRole,
} from './vocabulary';

/** Who assigns audit teams (the scheduler's job, DESIGN.md; admins stand in). */
export const teamAssigners: readonly Role[] = ['admin', 'scheduler'];
/** Who reviews an application and may preview a team (a lead auditor plans the audit). */
export const applicationReviewers: readonly Role[] = ['admin', 'scheduler', 'lead_auditor'];

export const reviewApplicationSchema = z.object({
  clientId: z.string().min(1, { message: 'Choose the client.' }),
  requiredCompetenceAreas: z
    .array(competenceAreaSchema)
    .refine((l) => new Set(l).size === l.length, {
      message: 'A competence area is listed twice.',
    }),
});
export type ReviewApplicationInput = z.input<typeof reviewApplicationSchema>;

export const clientIdSchema = z.object({ clientId: z.string().min(1) });

export interface ApplicationReview {
  clientId: string;
  requiredCompetenceAreas: CompetenceArea[];
  reviewedBy: { id: string; name: string } | null;
  /** ISO instant; null until the CB has reviewed the application. */
  reviewedAt: string | null;
}

export const teamMemberInputSchema = z.object({
  personId: z.string().min(1, { message: 'Choose a person.' }),
  role: teamRoleSchema,
});
export type TeamMemberInput = z.input<typeof teamMemberInputSchema>;

const membersSchema = z
  .array(teamMemberInputSchema)
  .max(50, { message: 'A team has at most 50 members.' })
  .refine((m) => new Set(m.map((x) => x.personId)).size === m.length, {
    message: 'A person is on the team twice: give each person one role.',
  });

export const checkTeamSchema = z.object({
  auditId: z.string().min(1, { message: 'Choose the audit.' }),
  members: membersSchema,
});
export type CheckTeamInput = z.input<typeof checkTeamSchema>;

export const teamOverrideSchema = z.object({
  personId: z.string().min(1),
  check: teamCheckSchema,
  reason: z
    .string()
    .trim()
    .min(1, { message: 'Give the reason for overriding this check.' })
    .max(2000, { message: 'Keep the reason under 2000 characters.' }),
});

export const assignTeamSchema = checkTeamSchema.extend({
  overrides: z.array(teamOverrideSchema).max(200).default([]),
});
export type AssignTeamInput = z.input<typeof assignTeamSchema>;

export const auditIdSchema = z.object({ auditId: z.string().min(1) });

export interface AssignedMember {
  personId: string;
  name: string;
  role: TeamRole;
  overriddenChecks: TeamCheck[];
  overrideReason: string | null;
}

/** An audit's team as saved, with the checks run again today on it. */
export interface AuditTeam {
  auditId: string;
  clientId: string;
  clientName: string;
  auditType: AuditType;
  state: AuditState;
  cycleNumber: number;
  startDate: string;
  endDate: string;
  requiredCompetenceAreas: CompetenceArea[];
  applicationReviewedAt: string | null;
  members: AssignedMember[];
  /** The saved team checked against what is known now (a qualification may have lapsed). */
  results: TeamCheckResult[];
}

/** A person who may be picked for a team, with what the picker shows about them. */
export interface TeamCandidate {
  id: string;
  name: string;
  roles: Role[];
  competenceAreas: CompetenceArea[];
  languages: string[];
}

export const teamSettingsSchema = z.object({
  leadAuditorRotationLimit: z
    .number({ message: 'Enter a number of cycles, e.g. 2.' })
    .int({ message: 'The number of cycles is a whole number.' })
    .min(1, { message: 'Allow at least 1 cycle.' })
    .max(10, { message: 'Allow at most 10 cycles.' }),
});
export type TeamSettings = z.output<typeof teamSettingsSchema>;
