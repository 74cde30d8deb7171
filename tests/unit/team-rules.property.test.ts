import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../shared/cycle/dates';
import { firstUnqualifiedDay } from '../../shared/programme/team-member-rules';
import {
  assessOverrides,
  missingCompetenceAreas,
  type TeamMemberFacts,
  type TeamPersonFacts,
} from '../../shared/programme/team-rules';
import {
  competenceAreas,
  qualificationKinds,
  relationshipKinds,
  teamRoles,
} from '../../shared/programme/vocabulary';
import { audit, rules } from './team-fixtures';

// Days as offsets from 2024-01-01, so the audit (2026-06-01 to 2026-06-03) sits in the middle.
const origin = '2024-01-01';
const dayArb = fc.integer({ min: 0, max: 4 * 365 }).map((n) => addCalendarDays(origin, n));
const periodArb = fc
  .tuple(dayArb, fc.integer({ min: 0, max: 60 }))
  .map(([from, length]) => ({ from, to: addCalendarDays(from, length) }));

const qualificationArb = fc.record({
  kind: fc.constantFrom(...qualificationKinds),
  title: fc.constant('Course'),
  validFrom: dayArb,
  validUntil: fc.option(dayArb, { nil: null }),
});

const personArb = (id: string): fc.Arbitrary<TeamPersonFacts> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Person ${id}`),
    active: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    competenceAreas: fc.subarray([...competenceAreas]),
    qualifications: fc.array(qualificationArb, { maxLength: 3 }),
    unavailability: fc.array(
      periodArb.map((p) => ({ fromDate: p.from, toDate: p.to, reason: '' })),
      { maxLength: 2 },
    ),
    declarations: fc.array(
      fc.record({
        clientId: fc.constantFrom('client-1', 'client-2'),
        kind: fc.constantFrom(...relationshipKinds),
        fromDate: dayArb,
        toDate: fc.option(dayArb, { nil: null }),
        notes: fc.constant(''),
      }),
      { maxLength: 2 },
    ),
    bookings: fc.array(
      periodArb.map((p) => ({
        auditId: `other-${p.from}`,
        clientName: 'Other Co',
        auditType: 'surveillance' as const,
        startDate: p.from,
        endDate: p.to,
        role: 'auditor' as const,
      })),
      { maxLength: 2 },
    ),
  });

const teamArb: fc.Arbitrary<TeamMemberFacts[]> = fc
  .integer({ min: 0, max: 5 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({ person: personArb(`p${i}`), role: fc.constantFrom(...teamRoles) }),
      ),
    ),
  );

const key = (r: { check: string; personId?: string; severity: string }) =>
  `${r.check}|${r.personId ?? ''}|${r.severity}`;

describe('team rules, for any team', () => {
  it('only blocks are overridable, and every member finding names its member', () => {
    fc.assert(
      fc.property(teamArb, (team) => {
        for (const r of rules(team)) {
          if (r.overridable) expect(r.severity).toBe('block');
          if (r.personId !== undefined) {
            const m = team.find((x) => x.person.id === r.personId);
            expect(m).toBeDefined();
            expect(r.message).toContain(m?.person.name ?? '');
          }
          expect(r.message.length).toBeGreaterThan(10);
        }
      }),
    );
  });

  it('finds the same failures whatever order the team is listed in', () => {
    fc.assert(
      fc.property(
        teamArb.chain((team) =>
          fc.tuple(fc.constant(team), fc.shuffledSubarray(team, { minLength: team.length })),
        ),
        ([team, shuffled]) => {
          expect(rules(shuffled).map(key).sort()).toEqual(rules(team).map(key).sort());
        },
      ),
    );
  });

  it('never blocks consultancy or employment overridably, whatever the reason given', () => {
    fc.assert(
      fc.property(teamArb, (team) => {
        const results = rules(team);
        const overrides = results.map((r) => ({
          personId: r.personId ?? '',
          check: r.check,
          reason: 'Because',
        }));
        const { refused, accepted } = assessOverrides(results, overrides);
        const blocks = results.filter((r) => r.severity === 'block');
        expect(refused).toEqual(blocks.filter((r) => !r.overridable));
        for (const r of results.filter((x) => x.check === 'consultancyOrEmployment')) {
          expect(r.overridable).toBe(false);
          expect(accepted.get(r.personId ?? '')?.checks ?? []).not.toContain(r.check);
        }
      }),
    );
  });

  it('never finds more missing competence areas after adding a member', () => {
    fc.assert(
      fc.property(
        teamArb,
        personArb('extra'),
        fc.subarray([...competenceAreas]),
        (team, extra, required) => {
          const before = missingCompetenceAreas(required, team);
          const after = missingCompetenceAreas(required, [
            ...team,
            { person: extra, role: 'auditor' },
          ]);
          expect(after.every((a) => before.includes(a))).toBe(true);
          expect(before.every((a) => required.includes(a))).toBe(true);
        },
      ),
    );
  });
});

describe('the 2-year rule of ISO/IEC 17021-1 5.2.10', () => {
  it('blocks consultancy exactly when it ended less than 24 months before the audit starts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 }).map((n) => addCalendarDays('2023-01-01', n)),
        fc.constantFrom('consultancy' as const, 'employment' as const),
        (ended, kind) => {
          const p: TeamPersonFacts = {
            id: 'p',
            name: 'Pat',
            active: true,
            competenceAreas: [...audit.requiredAreas],
            qualifications: [
              {
                kind: 'iso42001LeadAuditor',
                title: 'LA',
                validFrom: '2020-01-01',
                validUntil: null,
              },
            ],
            unavailability: [],
            declarations: [
              { clientId: audit.clientId, kind, fromDate: '2022-01-01', toDate: ended, notes: '' },
            ],
            bookings: [],
          };
          const [y, m, d] = ended.split('-').map(Number) as [number, number, number];
          // Independent calendar: same day two years on, clamped to the month's end.
          const monthEnd = new Date(Date.UTC(y + 2, m, 0)).getUTCDate();
          const clear = `${y + 2}-${String(m).padStart(2, '0')}-${String(Math.min(d, monthEnd)).padStart(2, '0')}`;
          const flagged = rules([{ person: p, role: 'lead_auditor' }]).some(
            (r) => r.check === 'consultancyOrEmployment' && !r.overridable,
          );
          expect(flagged).toBe(audit.startDate < clear);
        },
      ),
    );
  });
});

describe('qualification coverage', () => {
  it('finds the first day no qualification covers, as checking day by day would', () => {
    fc.assert(
      fc.property(
        fc.array(qualificationArb, { maxLength: 4 }),
        dayArb,
        fc.integer({ min: 0, max: 20 }),
        (qs, start, length) => {
          const end = addCalendarDays(start, length);
          let expected: string | null = null;
          for (let day = start; day <= end; day = addCalendarDays(day, 1)) {
            const covered = qs.some(
              (q) => q.validFrom <= day && (q.validUntil === null || q.validUntil >= day),
            );
            if (!covered) {
              expected = day;
              break;
            }
          }
          expect(firstUnqualifiedDay(qs, start, end)).toBe(expected);
        },
      ),
    );
  });
});
