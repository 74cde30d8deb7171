import {
  addDeclarationSchema,
  addQualificationSchema,
  addUnavailabilitySchema,
  updateCompetenceSchema,
  updateDeclarationSchema,
  updateQualificationSchema,
  type ImpartialityDeclaration,
  type PersonProfile,
  type PersonQualification,
  type UnavailablePeriod,
} from '../people/profile';
import type { TeamCheckResult } from '../programme/team-checks';
import {
  assignTeamSchema,
  auditIdSchema,
  checkTeamSchema,
  clientIdSchema,
  reviewApplicationSchema,
  teamSettingsSchema,
  type ApplicationReview,
  type AuditTeam,
  type TeamCandidate,
  type TeamSettings,
} from '../programme/team-schema';
import { byId, method, noInput } from './method';

/**
 * Contract methods of the team area (see contract.ts); names also go in method-names-team.ts.
 * People's competence, availability and impartiality; application review; team assignment.
 */
export const teamContract = {
  getPersonProfile: method<PersonProfile>()(byId),
  updatePersonCompetence: method<PersonProfile>()(updateCompetenceSchema),
  addQualification: method<PersonQualification>()(addQualificationSchema),
  updateQualification: method<PersonQualification>()(updateQualificationSchema),
  removeQualification: method<null>()(byId),
  addUnavailability: method<UnavailablePeriod>()(addUnavailabilitySchema),
  removeUnavailability: method<null>()(byId),
  addImpartialityDeclaration: method<ImpartialityDeclaration>()(addDeclarationSchema),
  updateImpartialityDeclaration: method<ImpartialityDeclaration>()(updateDeclarationSchema),
  removeImpartialityDeclaration: method<null>()(byId),

  getApplicationReview: method<ApplicationReview>()(clientIdSchema),
  reviewApplication: method<ApplicationReview>()(reviewApplicationSchema),

  teamCandidates: method<TeamCandidate[]>()(noInput),
  checkTeam: method<TeamCheckResult[]>()(checkTeamSchema),
  assignTeam: method<AuditTeam>()(assignTeamSchema),
  auditTeam: method<AuditTeam>()(auditIdSchema),
  getTeamSettings: method<TeamSettings>()(noInput),
  updateTeamSettings: method<TeamSettings>()(teamSettingsSchema),
};
