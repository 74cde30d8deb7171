import { describe, expect, it } from 'vitest';
import type { TeamCheckResult } from '../../shared/programme/team-checks';
import { audit, member, person, rules } from './team-fixtures';

const only = (results: TeamCheckResult[], check: TeamCheckResult['check']) =>
  results.filter((r) => r.check === check);

const lena = person('p-lena', 'Lena Lead');

describe('a competent, impartial, available team', () => {
  it('passes every check', () => {
    expect(rules([member(lena)])).toEqual([]);
  });
});

describe('competence coverage', () => {
  it('names each required area nobody on the team covers, and cannot be overridden', () => {
    const narrow = person('p-n', 'Nico Narrow', { competenceAreas: ['aiLifecycle'] });
    const [gap] = only(rules([member(narrow)]), 'competenceCoverage');
    expect(gap).toMatchObject({ severity: 'block', overridable: false });
    expect(gap?.message).toContain('Data for AI (quality, provenance, bias)');
    expect(gap?.message).not.toContain('AI system life cycle');
  });

  it('counts technical experts but not observers', () => {
    const narrow = person('p-n', 'Nico Narrow', { competenceAreas: ['aiLifecycle'] });
    const data = person('p-d', 'Dana Data', {
      competenceAreas: ['dataForAi'],
      qualifications: [
        { kind: 'technicalExpert', title: 'Data TE', validFrom: '2020-01-01', validUntil: null },
      ],
    });
    expect(
      only(rules([member(narrow), member(data, 'observer')]), 'competenceCoverage'),
    ).toHaveLength(1);
    expect(rules([member(narrow), member(data, 'technical_expert')])).toEqual([]);
  });

  it('warns, without blocking, while the application review has not recorded the areas', () => {
    const results = rules([member(lena)], {
      audit: { ...audit, requiredAreas: [], applicationReviewed: false },
    });
    expect(results).toEqual([
      expect.objectContaining({ check: 'applicationReview', severity: 'warning' }),
    ]);
  });
});

describe('the lead auditor', () => {
  it('is required, exactly once', () => {
    const al = person('p-al', 'Al Auditor');
    expect(only(rules([member(al, 'auditor')]), 'leadAuditor')[0]?.message).toBe(
      'The team has no lead auditor: choose exactly one.',
    );
    const two = only(rules([member(lena), member(al)]), 'leadAuditor')[0];
    expect(two?.message).toContain('2 lead auditors (Lena Lead, Al Auditor)');
    expect(two?.overridable).toBe(false);
  });
});

describe('qualifications on the audit dates', () => {
  it('refuses a lead auditor whose qualification expires before the audit ends', () => {
    const lapsing = person('p-x', 'Xavier Lapse', {
      qualifications: [
        {
          kind: 'iso42001LeadAuditor',
          title: 'LA 2023',
          validFrom: '2023-06-01',
          validUntil: '2026-06-02',
        },
      ],
    });
    const [q] = rules([member(lapsing)]);
    expect(q).toMatchObject({ check: 'qualification', personId: 'p-x', overridable: false });
    expect(q?.message).toBe(
      "Xavier Lapse's ISO/IEC 42001 lead auditor qualification “LA 2023” expired on 2026-06-02, before the audit ends on 2026-06-03.",
    );
  });

  it('accepts a renewal that starts the day after the old one ends', () => {
    const renewed = person('p-r', 'Rita Renewed', {
      qualifications: [
        {
          kind: 'iso42001LeadAuditor',
          title: 'LA 1',
          validFrom: '2023-01-01',
          validUntil: '2026-06-01',
        },
        {
          kind: 'iso42001LeadAuditor',
          title: 'LA 2',
          validFrom: '2026-06-02',
          validUntil: '2029-06-01',
        },
      ],
    });
    expect(rules([member(renewed)])).toEqual([]);
  });

  it('says when a qualification only becomes valid after the audit starts', () => {
    const early = person('p-e', 'Eve Early', {
      qualifications: [
        { kind: 'iso42001LeadAuditor', title: 'LA', validFrom: '2026-07-01', validUntil: null },
      ],
    });
    expect(rules([member(early)])[0]?.message).toContain(
      'is valid only from 2026-07-01, after the audit starts on 2026-06-01',
    );
  });

  it('lets a lead auditor qualification serve an auditor, but not an auditor one a lead', () => {
    const auditorOnly = person('p-a', 'Ada Auditor', {
      qualifications: [
        { kind: 'iso42001Auditor', title: 'A', validFrom: '2020-01-01', validUntil: null },
      ],
    });
    expect(rules([member(lena), member(auditorOnly, 'auditor')])).toEqual([]);
    expect(rules([member(lena, 'auditor'), member(auditorOnly)])).toEqual([
      expect.objectContaining({ check: 'qualification', personId: 'p-a', overridable: false }),
    ]);
  });

  it('lets a technical expert without a recorded qualification be overridden, and asks nothing of observers', () => {
    const expert = person('p-t', 'Theo Expert', { qualifications: [] });
    const results = rules([member(lena), member(expert, 'technical_expert')]);
    expect(results).toEqual([
      expect.objectContaining({ check: 'qualification', personId: 'p-t', overridable: true }),
    ]);
    expect(results[0]?.message).toBe(
      'Theo Expert holds no Technical expert (AI) qualification, which a technical expert needs.',
    );
    expect(rules([member(lena), member(expert, 'observer')])).toEqual([]);
  });
});

describe('impartiality (ISO/IEC 17021-1 5.2)', () => {
  const declared = (
    kind: 'consultancy' | 'employment' | 'family' | 'financial' | 'other',
    fromDate: string,
    toDate: string | null,
    clientId = 'client-1',
  ) =>
    person('p-c', 'Carl Conflict', {
      declarations: [{ clientId, kind, fromDate, toDate, notes: '' }],
    });

  it('refuses consultancy that ended less than 2 years before the audit starts, never overridable', () => {
    const [c] = rules([member(declared('consultancy', '2023-01-01', '2024-06-02'))]);
    expect(c).toMatchObject({
      check: 'consultancyOrEmployment',
      severity: 'block',
      overridable: false,
    });
    expect(c?.message).toContain(
      'Carl Conflict provided consultancy to Lumen Analytics GmbH until 2024-06-02',
    );
    expect(c?.message).toContain('They may audit this client from 2026-06-02');
  });

  it('allows consultancy that ended exactly 2 years before the audit starts', () => {
    expect(rules([member(declared('consultancy', '2023-01-01', '2024-06-01'))])).toEqual([]);
  });

  it('refuses ongoing employment and consultancy', () => {
    expect(rules([member(declared('employment', '2025-01-01', null))])[0]?.message).toContain(
      'Carl Conflict is employed by Lumen Analytics GmbH (declared since 2025-01-01)',
    );
  });

  it('ignores relationships with other clients', () => {
    expect(rules([member(declared('consultancy', '2025-01-01', null, 'client-2'))])).toEqual([]);
  });

  it('refuses a current family or financial relationship, never overridable; a past one is no conflict', () => {
    expect(rules([member(declared('family', '2020-01-01', null))])).toEqual([
      expect.objectContaining({ check: 'familyOrFinancial', overridable: false }),
    ]);
    expect(rules([member(declared('financial', '2020-01-01', '2026-06-01'))])).toHaveLength(1);
    expect(rules([member(declared('financial', '2020-01-01', '2026-05-31'))])).toEqual([]);
  });

  it('lets another current relationship be overridden with a reason', () => {
    expect(rules([member(declared('other', '2026-01-01', null))])).toEqual([
      expect.objectContaining({ check: 'otherRelationship', overridable: true }),
    ]);
  });
});

describe('availability', () => {
  it('refuses a member who is away on an audit day, never overridable', () => {
    const away = person('p-v', 'Vera Away', {
      unavailability: [{ fromDate: '2026-06-03', toDate: '2026-06-10', reason: 'Leave' }],
    });
    const [u] = rules([member(away)]);
    expect(u).toMatchObject({ check: 'unavailable', overridable: false });
    expect(u?.message).toBe(
      'Vera Away is unavailable from 2026-06-03 to 2026-06-10 (Leave), during the audit (2026-06-01 to 2026-06-03).',
    );
    const before = person('p-b', 'Ben Before', {
      unavailability: [{ fromDate: '2026-05-20', toDate: '2026-05-31', reason: '' }],
    });
    expect(rules([member(before)])).toEqual([]);
  });

  it('flags another audit on the same days as an overridable double booking, but not this audit', () => {
    const booking = {
      clientName: 'Other Co',
      auditType: 'surveillance' as const,
      startDate: '2026-05-30',
      endDate: '2026-06-01',
      role: 'auditor' as const,
    };
    const busy = person('p-o', 'Olga Busy', {
      bookings: [
        { ...booking, auditId: 'audit-2' },
        { ...booking, auditId: 'audit-1' },
      ],
    });
    expect(rules([member(busy)])).toEqual([
      {
        check: 'doubleBooked',
        severity: 'block',
        personId: 'p-o',
        message:
          'Olga Busy is already on the Surveillance audit of Other Co from 2026-05-30 to 2026-06-01 as auditor.',
        overridable: true,
      },
    ]);
  });

  it('refuses someone no longer active', () => {
    expect(rules([member(person('p-i', 'Ina Gone', { active: false }))])).toEqual([
      expect.objectContaining({ check: 'inactive', overridable: false }),
    ]);
  });
});

describe('lead auditor rotation', () => {
  const history = [
    { cycleNumber: 1, personId: 'p-lena' },
    { cycleNumber: 1, personId: 'p-lena' },
    { cycleNumber: 2, personId: 'p-lena' },
  ];
  const cycle3 = { ...audit, cycleNumber: 3 };

  it('warns, never blocks, when one person would lead more consecutive cycles than the limit', () => {
    const results = rules([member(lena)], { audit: cycle3, leadHistory: history });
    expect(results).toEqual([
      expect.objectContaining({
        check: 'leadAuditorRotation',
        severity: 'warning',
        overridable: false,
      }),
    ]);
    expect(results[0]?.message).toContain(
      "for 3 consecutive cycles, more than the CB's limit of 2",
    );
    expect(
      rules([member(lena)], { audit: cycle3, leadHistory: history, rotationLimit: 3 }),
    ).toEqual([]);
  });

  it('counts only an unbroken run of cycles', () => {
    const broken = [
      { cycleNumber: 1, personId: 'p-lena' },
      { cycleNumber: 2, personId: 'p-x' },
    ];
    expect(rules([member(lena)], { audit: cycle3, leadHistory: broken })).toEqual([]);
  });
});
