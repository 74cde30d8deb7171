import { z } from 'zod';

/**
 * The checks an audit team goes through before it is assigned (ISO/IEC 17021-1 9.2.2.1: the team
 * is chosen for the competence the audit needs and for impartiality). One word per check, used by
 * the rules, the stored overrides and the screens alike.
 */
export const teamChecks = [
  'applicationReview',
  'leadAuditor',
  'competenceCoverage',
  'inactive',
  'qualification',
  'consultancyOrEmployment',
  'familyOrFinancial',
  'otherRelationship',
  'unavailable',
  'doubleBooked',
  'leadAuditorRotation',
] as const;
export const teamCheckSchema = z.enum(teamChecks, { message: 'Choose a team check.' });
export type TeamCheck = z.infer<typeof teamCheckSchema>;

export const teamCheckLabels: Record<TeamCheck, string> = {
  applicationReview: 'Application review',
  leadAuditor: 'One lead auditor',
  competenceCoverage: 'Competence areas covered',
  inactive: 'Active in Audit Desk',
  qualification: 'Qualification valid on the audit dates',
  consultancyOrEmployment: 'No consultancy or employment within 2 years',
  familyOrFinancial: 'No family or financial relationship',
  otherRelationship: 'No other declared relationship',
  unavailable: 'Available on the audit dates',
  doubleBooked: 'Not booked on another audit',
  leadAuditorRotation: 'Lead auditor rotation',
};

/** A block stops the assignment (unless overridable and overridden); a warning never does. */
export type TeamCheckSeverity = 'block' | 'warning';

export interface TeamCheckResult {
  check: TeamCheck;
  severity: TeamCheckSeverity;
  /** Absent for checks on the team as a whole (lead auditor count, competence coverage). */
  personId?: string;
  /** Plain English: who, what is wrong, and what would put it right. */
  message: string;
  /** Whether a scheduler may assign anyway by giving a reason, which is recorded. */
  overridable: boolean;
}
