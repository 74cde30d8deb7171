import { describe, expect, it } from 'vitest';
import { retainBackups, type RetentionPolicy } from '../../shared/data/retention';

const policy: RetentionPolicy = {
  keepHourly: 24,
  keepDaily: 14,
  keepMonthly: 12,
  keepPerReason: 2,
};
const none: RetentionPolicy = { keepHourly: 0, keepDaily: 0, keepMonthly: 0, keepPerReason: 1 };

const backup = (createdAt: string, reason = 'automatic') => ({
  file: `${createdAt}-${reason}`,
  createdAt,
  reason,
});
const kept = (list: ReturnType<typeof backup>[], now: string, p: RetentionPolicy) =>
  [...retainBackups(list, new Date(now), p).keep.keys()].sort();

describe('retaining backups', () => {
  it('keeps the newest backup of each hour when several were made in it', () => {
    const list = [
      backup('2026-03-02T09:05:00.000Z'),
      backup('2026-03-02T09:35:00.000Z'),
      backup('2026-03-02T09:50:00.000Z'),
      backup('2026-03-02T10:10:00.000Z'),
      backup('2026-03-02T10:40:00.000Z'),
    ];
    const decision = retainBackups(list, new Date('2026-03-02T11:00:00.000Z'), {
      ...none,
      keepHourly: 24,
    });
    expect([...decision.keep.keys()].sort()).toEqual([
      '2026-03-02T09:50:00.000Z-automatic',
      '2026-03-02T10:40:00.000Z-automatic',
    ]);
    expect(decision.remove).toEqual([
      '2026-03-02T10:10:00.000Z-automatic',
      '2026-03-02T09:35:00.000Z-automatic',
      '2026-03-02T09:05:00.000Z-automatic',
    ]);
  });

  it('counts only the hours, days and months that have a backup, not the calendar since now', () => {
    // Three days with backups, then a month of silence: a daily rule of 2 keeps the last two
    // days that had backups, however long ago.
    const list = [
      backup('2026-01-10T08:00:00.000Z'),
      backup('2026-01-11T08:00:00.000Z'),
      backup('2026-01-12T08:00:00.000Z'),
    ];
    expect(kept(list, '2026-02-20T00:00:00.000Z', { ...none, keepDaily: 2 })).toEqual([
      '2026-01-11T08:00:00.000Z-automatic',
      '2026-01-12T08:00:00.000Z-automatic',
    ]);
  });

  it('keeps one per month for the monthly rule, the newest of each month, across a year end', () => {
    const list = [
      backup('2025-11-03T08:00:00.000Z'),
      backup('2025-11-29T08:00:00.000Z'),
      backup('2025-12-31T23:59:59.999Z'),
      backup('2026-01-01T00:00:00.000Z'),
    ];
    expect(kept(list, '2026-01-02T00:00:00.000Z', { ...none, keepMonthly: 3 })).toEqual([
      '2025-11-29T08:00:00.000Z-automatic',
      '2025-12-31T23:59:59.999Z-automatic',
      '2026-01-01T00:00:00.000Z-automatic',
    ]);
  });

  it('lets one backup serve several rules, and keeps their union', () => {
    const list = [
      backup('2026-03-01T10:00:00.000Z'),
      backup('2026-03-02T09:00:00.000Z'),
      backup('2026-03-02T10:00:00.000Z'),
      backup('2026-03-02T11:00:00.000Z'),
    ];
    const decision = retainBackups(list, new Date('2026-03-02T12:00:00.000Z'), {
      ...none,
      keepHourly: 2,
      keepDaily: 2,
    });
    expect(decision.keep.get('2026-03-02T11:00:00.000Z-automatic')).toEqual([
      'newest',
      'hourly',
      'daily',
    ]);
    expect(decision.keep.get('2026-03-01T10:00:00.000Z-automatic')).toEqual(['daily']);
    expect(decision.remove).toEqual(['2026-03-02T09:00:00.000Z-automatic']);
  });

  it('keeps the newest backups of each other reason whatever their age', () => {
    const list = [
      backup('2025-01-01T00:00:00.000Z', 'before-migration'),
      backup('2025-02-01T00:00:00.000Z', 'before-migration'),
      backup('2025-03-01T00:00:00.000Z', 'before-migration'),
      backup('2025-03-02T00:00:00.000Z', 'manual'),
      backup('2026-03-02T09:00:00.000Z', 'automatic'),
    ];
    expect(kept(list, '2026-03-02T10:00:00.000Z', { ...none, keepPerReason: 2 })).toEqual([
      '2025-02-01T00:00:00.000Z-before-migration',
      '2025-03-01T00:00:00.000Z-before-migration',
      '2025-03-02T00:00:00.000Z-manual',
      '2026-03-02T09:00:00.000Z-automatic',
    ]);
  });

  it('never deletes the newest backup, even when every count is zero', () => {
    const list = [backup('2026-03-02T08:00:00.000Z'), backup('2026-03-02T09:00:00.000Z', 'start')];
    expect(kept(list, '2026-03-02T10:00:00.000Z', none)).toEqual([
      '2026-03-02T09:00:00.000Z-start',
    ]);
  });

  it('keeps backups dated after now (the clock moved back) and does not let them fill a bucket', () => {
    const list = [
      backup('2026-03-02T08:10:00.000Z'),
      backup('2026-03-02T08:40:00.000Z'),
      backup('2026-03-03T08:00:00.000Z'),
    ];
    const decision = retainBackups(list, new Date('2026-03-02T09:00:00.000Z'), {
      ...none,
      keepHourly: 1,
    });
    expect(decision.keep.get('2026-03-03T08:00:00.000Z-automatic')).toEqual(['future', 'newest']);
    expect(decision.keep.get('2026-03-02T08:40:00.000Z-automatic')).toEqual(['hourly']);
    expect(decision.remove).toEqual(['2026-03-02T08:10:00.000Z-automatic']);
  });

  it('decides the same whatever order the backups come in, and keeps nothing of nothing', () => {
    const list = Array.from({ length: 40 }, (_, i) =>
      backup(new Date(Date.parse('2026-03-01T00:00:00.000Z') + i * 50 * 60_000).toISOString()),
    );
    const now = '2026-03-03T00:00:00.000Z';
    expect(kept([...list].reverse(), now, policy)).toEqual(kept(list, now, policy));
    expect(retainBackups([], new Date(now), policy)).toEqual({ keep: new Map(), remove: [] });
  });

  it('with the default counts keeps 24 hourly, 14 daily and 12 monthly from a year of hourly backups', () => {
    const start = Date.parse('2025-03-02T00:30:00.000Z');
    const list = Array.from({ length: 365 * 24 }, (_, i) =>
      backup(new Date(start + i * 3_600_000).toISOString()),
    );
    const now = new Date(start + 365 * 24 * 3_600_000);
    const decision = retainBackups(list, now, { ...policy, keepPerReason: 10 });
    const reasons = [...decision.keep.values()];
    expect(reasons.filter((r) => r.includes('hourly'))).toHaveLength(24);
    expect(reasons.filter((r) => r.includes('daily'))).toHaveLength(14);
    expect(reasons.filter((r) => r.includes('monthly'))).toHaveLength(12);
    // The last backup is on 1 March at 23:30: 24 hours of that day, 13 older days (the day's
    // newest is already kept), and 10 months before February (whose newest, 28 February 23:30,
    // is one of the daily ones).
    expect(decision.keep.size).toBe(24 + 13 + 10);
    expect(decision.keep.size + decision.remove.length).toBe(list.length);
  });
});
