import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLines } from '../../electron/services/calendar-ics';
import { bookedDays, monthsFrom } from '../../shared/programme/booked-days';
import { isoWeekday, monthGrid, shiftMonth } from '../../shared/programme/month-grid';
import type { AuditRecord, TeamRecord } from '../../shared/programme/programme-records';

const audit = (id: string, plannedStart: string, plannedEnd: string, state = 'confirmed') =>
  ({
    id,
    clientId: 'c',
    type: 'surveillance',
    cycleNumber: 1,
    state,
    plannedStart,
    plannedEnd,
    completedOn: null,
  }) satisfies AuditRecord;

describe('booked days per auditor per month', () => {
  it('counts every planned day in its own month, across a month end, and skips cancelled audits', () => {
    const audits = [
      audit('a', '2026-04-29', '2026-05-02'),
      audit('b', '2026-05-11', '2026-05-12'),
      audit('c', '2026-05-20', '2026-05-22', 'cancelled'),
      audit('d', '2026-08-01', '2026-08-01'),
    ];
    const team: TeamRecord[] = [
      { auditId: 'a', personId: 'p1', name: 'Zoe Lead', role: 'lead_auditor' },
      { auditId: 'b', personId: 'p1', name: 'Zoe Lead', role: 'lead_auditor' },
      { auditId: 'b', personId: 'p2', name: 'Ana Auditor', role: 'auditor' },
      { auditId: 'c', personId: 'p2', name: 'Ana Auditor', role: 'auditor' },
      { auditId: 'd', personId: 'p3', name: 'Out Of Range', role: 'auditor' },
    ];
    expect(bookedDays(audits, team, monthsFrom('2026-04', 3))).toEqual([
      { personId: 'p2', name: 'Ana Auditor', month: '2026-04', days: 0 },
      { personId: 'p2', name: 'Ana Auditor', month: '2026-05', days: 2 },
      { personId: 'p2', name: 'Ana Auditor', month: '2026-06', days: 0 },
      { personId: 'p1', name: 'Zoe Lead', month: '2026-04', days: 2 },
      { personId: 'p1', name: 'Zoe Lead', month: '2026-05', days: 4 },
      { personId: 'p1', name: 'Zoe Lead', month: '2026-06', days: 0 },
    ]);
  });

  it('lists months in order across a year end', () => {
    expect(monthsFrom('2026-11', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });
});

describe('the month calendar grid', () => {
  it('starts weeks on Monday and pads the first and last week', () => {
    // 1 February 2026 is a Sunday; 28 February a Saturday.
    const weeks = monthGrid('2026-02');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks[4]).toEqual([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      null,
    ]);
    expect(isoWeekday('2026-06-01')).toBe(1);
  });
});

describe('folding iCalendar lines (RFC 5545 3.1)', () => {
  const octets = (line: string) => new TextEncoder().encode(line).length;
  const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

  it('keeps every line within 75 octets without splitting a character, and unfolds to the original', () => {
    const line = `SUMMARY:${'Chloé Kraków ’ 😀 '.repeat(12)}`;
    const folded = foldLines(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\n`);
    const lines = folded.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(lines.slice(1, -2).every((l, i) => i === 0 || l.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\n`);
    expect(folded).not.toContain('\uFFFD');
  });

  it('does so for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const clean = `DESCRIPTION:${text.replace(/[\r\n]/g, ' ')}`;
        const folded = foldLines(`${clean}\r\n`);
        for (const l of folded.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(`${clean}\r\n`);
      }),
    );
  });
});
