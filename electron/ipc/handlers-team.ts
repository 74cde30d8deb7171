import type { teamContract } from '../../shared/api/contract-team';
import * as applicationReview from '../services/application-review';
import * as impartiality from '../services/impartiality';
import * as profile from '../services/person-profile';
import * as team from '../services/team';
import * as teamSettings from '../services/team-settings';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The team area's contract methods mapped onto services (see handlers.ts). */
export function teamImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof teamContract> {
  const ctx = () => runtime.context();
  return {
    getPersonProfile: (input) => profile.getPersonProfile(ctx(), input.id),
    updatePersonCompetence: (input) => profile.updateCompetence(ctx(), input),
    addQualification: (input) => profile.addQualification(ctx(), input),
    updateQualification: (input) => profile.updateQualification(ctx(), input),
    removeQualification: (input) => profile.removeQualification(ctx(), input.id),
    addUnavailability: (input) => profile.addUnavailability(ctx(), input),
    removeUnavailability: (input) => profile.removeUnavailability(ctx(), input.id),
    addImpartialityDeclaration: (input) => impartiality.addDeclaration(ctx(), input),
    updateImpartialityDeclaration: (input) => impartiality.updateDeclaration(ctx(), input),
    removeImpartialityDeclaration: (input) => impartiality.removeDeclaration(ctx(), input.id),

    getApplicationReview: (input) => applicationReview.getApplicationReview(ctx(), input.clientId),
    reviewApplication: (input) => applicationReview.reviewApplication(ctx(), input),

    teamCandidates: () => team.teamCandidates(ctx()),
    checkTeam: (input) => team.checkTeam(ctx(), input),
    assignTeam: (input) => team.assignTeam(ctx(), input),
    auditTeam: (input) => team.auditTeam(ctx(), input.auditId),
    getTeamSettings: () => teamSettings.getTeamSettings(ctx()),
    updateTeamSettings: (input) => teamSettings.updateTeamSettings(ctx(), input),
  };
}
