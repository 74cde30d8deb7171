import type { TeamRole } from '../../shared/programme/vocabulary';
import {
  checkTeamRules,
  type TeamAudit,
  type TeamMemberFacts,
  type TeamPersonFacts,
  type TeamRuleInput,
} from '../../shared/programme/team-rules';

/** A three-day audit of a client needing two competence areas, and people who fit it. */
export const audit: TeamAudit = {
  id: 'audit-1',
  clientId: 'client-1',
  clientName: 'Lumen Analytics GmbH',
  cycleNumber: 2,
  startDate: '2026-06-01',
  endDate: '2026-06-03',
  requiredAreas: ['aiLifecycle', 'dataForAi'],
  applicationReviewed: true,
};

export function person(
  id: string,
  name: string,
  over: Partial<TeamPersonFacts> = {},
): TeamPersonFacts {
  return {
    id,
    name,
    active: true,
    competenceAreas: ['aiLifecycle', 'dataForAi'],
    qualifications: [
      {
        kind: 'iso42001LeadAuditor',
        title: '42001 LA course',
        validFrom: '2024-01-01',
        validUntil: null,
      },
    ],
    unavailability: [],
    declarations: [],
    bookings: [],
    ...over,
  };
}

export const member = (p: TeamPersonFacts, role: TeamRole = 'lead_auditor'): TeamMemberFacts => ({
  person: p,
  role,
});

export function rules(members: TeamMemberFacts[], over: Partial<TeamRuleInput> = {}) {
  return checkTeamRules({ audit, members, leadHistory: [], rotationLimit: 2, ...over });
}
