/**
 * What the calculation screen starts from for a client: the personnel counted from its sites, the
 * number of sites in scope, a suggested ISO/IEC 42006 role column and, when the client already holds
 * ISO/IEC 27001, the offer of a combined audit (IAF MD 11). Everything here is a suggestion the lead
 * auditor can change; the justification records what was finally used.
 */
import type { AiRole, Client } from '../clients/schema';
import type { Personnel } from './input';
import type { AiRoleColumn } from './table';

export const iso27001 = 'ISO/IEC 27001';

/** The client's AI roles that the ISO/IEC 42006 columns distinguish (partner and subject are not). */
const columnRoles: readonly AiRole[] = ['developer', 'provider', 'user', 'producer'];

export interface RoleSuggestion {
  aiRole: AiRoleColumn;
  /** Why this column, in plain words, shown next to the role select. */
  reason: string;
}

export interface AuditTimePrefill {
  personnel: Personnel;
  sites: number;
  role: RoleSuggestion;
  /** Set when the client holds an ISO/IEC 27001 certificate: a combined audit can be offered. */
  iso27001Certificate: { standard: string; certificateNumber: string } | null;
}

/**
 * The ISO/IEC 42006 column for a client's AI roles. A public summary of 42006 says the higher-value
 * role may be used when unsure, so whenever the record names more than one role, or none that a
 * column covers, the suggestion errs towards more audit time rather than less:
 * - producer only → producer;
 * - exactly one of developer, provider, user → developerProviderUser;
 * - two or more of developer, provider, user, producer (e.g. an organisation that both develops and
 *   provides its AI) → multipleRoles, since its persons hold several roles;
 * - none of them recorded → multipleRoles, flagged as unknown so the lead auditor checks it.
 */
export function suggestAiRoleColumn(aiRoles: readonly AiRole[]): RoleSuggestion {
  const held = columnRoles.filter((role) => aiRoles.includes(role));
  if (held.length === 0) {
    return {
      aiRole: 'multipleRoles',
      reason:
        'The client record names no AI developer, provider, user or producer role; the highest-value column is suggested until the role is known.',
    };
  }
  if (held.length > 1) {
    return {
      aiRole: 'multipleRoles',
      reason: `The client holds several AI roles (${held.join(', ')}); the several-roles column is the higher-value one.`,
    };
  }
  if (held[0] === 'producer') {
    return { aiRole: 'producer', reason: 'The client is an AI producer.' };
  }
  return {
    aiRole: 'developerProviderUser',
    reason: `The client is an AI ${held.join('')} only.`,
  };
}

/**
 * Part-time weekly hours of all sites: Σ part-time persons × their average hours. The calculator
 * takes whole hours; rounding the total up never changes the result, because ⌈⌈h⌉ / 40⌉ = ⌈h / 40⌉.
 * The total is first rounded to a thousandth of an hour so that 10 × 2.2 is 22, not 23.
 */
export function partTimeHours(sites: Client['sites']): number {
  const total = sites.reduce((sum, s) => sum + s.partTimePersonnel * s.partTimeAverageHours, 0);
  return Math.ceil(Math.round(total * 1000) / 1000);
}

/** The calculator input a client's record suggests (IAF MD 5 2.3: everyone on every site). */
export function prefillFromClient(
  client: Pick<Client, 'sites' | 'aiRoles' | 'otherCertifications'>,
): AuditTimePrefill {
  const certificate =
    client.otherCertifications.find((c) => /27001/.test(c.standard.replace(/\s+/g, ''))) ?? null;
  return {
    personnel: {
      fullTime: client.sites.reduce((sum, s) => sum + s.fullTimePersonnel, 0),
      partTimeHours: partTimeHours(client.sites),
      fullTimeWeeklyHours: 40,
      repetitiveGroups: [],
    },
    sites: Math.max(1, client.sites.length),
    role: suggestAiRoleColumn(client.aiRoles),
    iso27001Certificate: certificate,
  };
}
