import { describe, expect, it } from 'vitest';
import type { AuditTimeRecord } from '../../shared/audit-time';
import {
  auditTimeTypeFor,
  daysDeviationProblem,
  daysFromAuditTime,
  defaultSiteIds,
  suggestAuditDates,
  windowNotice,
} from '../../shared/programme/plan-defaults';

/** A saved result as far as planning reads it: worked example E4 of the audit-time reference. */
function record(overrides: Partial<AuditTimeRecord> = {}): AuditTimeRecord {
  return {
    auditType: 'initial',
    calculatedDays: 23,
    effectiveDays: 23,
    output: {
      stage1Days: 7,
      stage2Days: 16,
      initialTotalDays: 23,
      surveillanceDays: 8,
      recertificationDays: 16,
      sampledSites: { initial: 3, surveillance: 2, recertification: 3 },
      minOnSiteDays: { stage2: 13, surveillance: 6.5, recertification: 13 },
    },
    ...overrides,
  } as AuditTimeRecord;
}

describe('days from the saved audit time', () => {
  it('maps Stage 1 and 2 to the initial calculation; special and transfer audits have none', () => {
    expect(auditTimeTypeFor('stage1')).toBe('initial');
    expect(auditTimeTypeFor('stage2')).toBe('initial');
    expect(auditTimeTypeFor('surveillance')).toBe('surveillance');
    expect(auditTimeTypeFor('special')).toBeNull();
    expect(daysFromAuditTime('transfer', record())).toBeNull();
  });

  it('reads each type’s days and sample size from the calculation', () => {
    expect(daysFromAuditTime('stage1', record())).toEqual({
      calculatedDays: 7,
      minOnsiteDays: null,
      sampleSize: 0,
    });
    expect(daysFromAuditTime('stage2', record())).toEqual({
      calculatedDays: 16,
      minOnsiteDays: 13,
      sampleSize: 3,
    });
    expect(daysFromAuditTime('surveillance', record())).toEqual({
      calculatedDays: 8,
      minOnsiteDays: 6.5,
      sampleSize: 2,
    });
  });

  it('applies an approved override to its own type only, and to Stage 2 for the initial audit', () => {
    const initialOverride = record({ effectiveDays: 25 });
    expect(daysFromAuditTime('stage1', initialOverride)?.calculatedDays).toBe(7);
    expect(daysFromAuditTime('stage2', initialOverride)?.calculatedDays).toBe(18);
    expect(daysFromAuditTime('surveillance', initialOverride)?.calculatedDays).toBe(8);
    const surveillanceOverride = record({
      auditType: 'surveillance',
      calculatedDays: 8,
      effectiveDays: 9.5,
    });
    expect(daysFromAuditTime('surveillance', surveillanceOverride)?.calculatedDays).toBe(9.5);
  });
});

describe('default sites', () => {
  const sites = [
    { id: 'lab', isCentral: false },
    { id: 'hq', isCentral: true },
    { id: 'vienna', isCentral: false },
    { id: 'lyon', isCentral: false },
  ];
  it('are the central function plus as many other sites as the sample size', () => {
    expect(defaultSiteIds(sites, 2)).toEqual(['hq', 'lab', 'vienna']);
    expect(defaultSiteIds(sites, 0)).toEqual(['hq']);
    expect(defaultSiteIds(sites, 10)).toEqual(['hq', 'lab', 'vienna', 'lyon']);
  });
});

describe('a deviation from the calculated days', () => {
  it('needs a reason when the planned total differs', () => {
    expect(daysDeviationProblem(6.5, 7, 0, '')).toBe(
      'The plan gives 7 days but the audit-time calculation gives 6.5: say why the days differ.',
    );
    expect(daysDeviationProblem(6.5, 7, 0, '   ')).not.toBeNull();
    expect(daysDeviationProblem(6.5, 7, 0, 'Extra site visit.')).toBeNull();
  });

  it('needs none when on-site and remote days add up to the calculation, or nothing was calculated', () => {
    expect(daysDeviationProblem(6.5, 5, 1.5, '')).toBeNull();
    expect(daysDeviationProblem(null, 3, 0, '')).toBeNull();
  });
});

describe('suggested audit dates', () => {
  const window = { windowStart: '2026-03-30', windowEnd: '2026-06-30' };
  it('start when the window opens, or today once it is open', () => {
    expect(suggestAuditDates('2026-01-10', window, 3)).toEqual({
      startDate: '2026-03-30',
      endDate: '2026-04-01',
    });
    expect(suggestAuditDates('2026-04-15', window, 1.5)).toEqual({
      startDate: '2026-04-15',
      endDate: '2026-04-16',
    });
  });

  it('start today when the window has closed or there is none', () => {
    expect(suggestAuditDates('2026-07-02', window, 1)).toEqual({
      startDate: '2026-07-02',
      endDate: '2026-07-02',
    });
    expect(suggestAuditDates('2026-12-31', null, 2)).toEqual({
      startDate: '2026-12-31',
      endDate: '2027-01-01',
    });
  });
});

describe('planning against the event’s window', () => {
  const window = { windowStart: '2026-10-23', windowEnd: '2027-01-23' };

  it('says nothing inside the window, bounds included, or without a window', () => {
    expect(windowNotice('2026-10-23', '2027-01-23', window)).toBeNull();
    expect(windowNotice('2027-03-01', '2027-03-03', null)).toBeNull();
    expect(windowNotice('', '', window)).toBeNull();
  });

  it('warns that an audit ending after the window is late, from the day after it closes', () => {
    expect(windowNotice('2027-01-22', '2027-01-24', window)).toMatch(
      /ends after its window closes on 2027-01-23: .* from 2027-01-24 the programme shows it overdue/,
    );
  });

  it('warns that an audit before the window pulls the next one in', () => {
    expect(windowNotice('2026-10-20', '2026-10-24', window)).toMatch(
      /starts before its window opens on 2026-10-23: .* within 12 months/,
    );
  });
});
