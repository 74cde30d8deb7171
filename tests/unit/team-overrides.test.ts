import { describe, expect, it } from 'vitest';
import {
  assessOverrides,
  refusalMessage,
  splitOverrideReason,
} from '../../shared/programme/team-rules';
import { member, person, rules } from './team-fixtures';

const lena = person('p-lena', 'Lena Lead');

describe('overrides', () => {
  const busy = person('p-o', 'Olga Busy', {
    bookings: [
      {
        auditId: 'a2',
        clientName: 'Other Co',
        auditType: 'stage1',
        startDate: '2026-06-01',
        endDate: '2026-06-01',
        role: 'auditor',
      },
    ],
    declarations: [
      {
        clientId: 'client-1',
        kind: 'other',
        fromDate: '2026-01-01',
        toDate: null,
        notes: 'Alumni board',
      },
    ],
  });
  const results = rules([member(lena), member(busy, 'auditor')]);

  it('refuses an overridable block that has no reason', () => {
    const { refused } = assessOverrides(results, [
      { personId: 'p-o', check: 'doubleBooked', reason: '  ' },
    ]);
    expect(refused.map((r) => r.check)).toEqual(['otherRelationship', 'doubleBooked']);
  });

  it('accepts overrides with reasons and records each check with its reason; stale ones are dropped', () => {
    const { refused, accepted } = assessOverrides(results, [
      { personId: 'p-o', check: 'doubleBooked', reason: 'Other audit is remote that afternoon' },
      { personId: 'p-o', check: 'otherRelationship', reason: 'Impartiality committee accepted' },
      { personId: 'p-lena', check: 'doubleBooked', reason: 'not needed' },
    ]);
    expect(refused).toEqual([]);
    expect(accepted.get('p-o')).toEqual({
      checks: ['otherRelationship', 'doubleBooked'],
      reason:
        'No other declared relationship: Impartiality committee accepted\nNot booked on another audit: Other audit is remote that afternoon',
    });
    expect(accepted.has('p-lena')).toBe(false);
  });

  it('never lifts a block that is not overridable, reason or not', () => {
    const conflicted = person('p-c', 'Carl Conflict', {
      declarations: [
        {
          clientId: 'client-1',
          kind: 'consultancy',
          fromDate: '2025-01-01',
          toDate: null,
          notes: '',
        },
      ],
    });
    const r = rules([member(conflicted)]);
    const { refused } = assessOverrides(r, [
      { personId: 'p-c', check: 'consultancyOrEmployment', reason: 'Short-staffed' },
    ]);
    expect(refused).toHaveLength(1);
    expect(refusalMessage(refused)).toMatch(
      /^The team cannot be assigned:\n• Carl Conflict provides consultancy/,
    );
  });

  it('lists every block in the refusal, asking for a reason where one would do', () => {
    const message = refusalMessage(assessOverrides(results, []).refused);
    expect(message.split('\n')).toHaveLength(3);
    expect(message).toContain('as auditor. To assign anyway, give a reason.');
  });
});

describe('a stored override reason', () => {
  it('splits back into one reason per check', () => {
    const stored =
      'No other declared relationship: Committee accepted\nNot booked on another audit: Remote: half day';
    expect(splitOverrideReason(stored, ['otherRelationship', 'doubleBooked'])).toEqual({
      otherRelationship: 'Committee accepted',
      doubleBooked: 'Remote: half day',
    });
    expect(splitOverrideReason(null, ['doubleBooked'])).toEqual({});
  });
});
