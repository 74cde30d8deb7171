import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NextEvent } from '../../shared/programme/programme-schema';
import { runCliProcess, temporaryFolder } from './helpers';

const folder = temporaryFolder('programme-cli');
const lines = (text: string) => text.split('\n').filter((line) => line !== '');
const rank = { overdue: 0, due: 1, planned: 2 };

describe('`cli programme`, run as a process', () => {
  const db = path.join(folder, 'demo.sqlite');
  beforeAll(() => {
    const seeded = runCliProcess(['seed', '--demo', '--today', '2026-03-31', '--db', db]);
    expect(seeded.status).toBe(0);
  });

  it('prints every client’s next event as JSON, most urgent first', () => {
    const run = runCliProcess(['programme', '--db', db, '--today', '2026-03-31']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
    const events = run.json as NextEvent[];
    expect(events).toHaveLength(30);
    for (const event of events) {
      expect(Object.keys(event)).toEqual(
        expect.arrayContaining([
          'clientId',
          'reference',
          'legalName',
          'event',
          'dueDate',
          'windowStart',
          'windowEnd',
          'state',
          'consequence',
        ]),
      );
    }
    const states = events.map((e) => rank[e.state]);
    expect(states).toEqual([...states].sort((a, b) => a - b));
    const overdue = events.filter((e) => e.state === 'overdue');
    const dates = overdue.map((e) => e.dueDate ?? '');
    expect(dates).toEqual([...dates].sort());
    expect(events.find((e) => e.event === 'restoration')).toMatchObject({
      state: 'overdue',
      certificateStatus: 'expiredRestorable',
    });
  });

  it('looks ahead with --today', () => {
    const now = runCliProcess(['programme', '--db', db, '--today', '2026-03-31'])
      .json as NextEvent[];
    const due = now.find((e) => e.event === 'surveillance1' && e.state === 'due');
    const later = runCliProcess(['programme', '--db', db, '--today', '2027-12-31'])
      .json as NextEvent[];
    expect(later.find((e) => e.clientId === due?.clientId)?.state).toBe('overdue');
  });

  it('rejects a date that is not a calendar day with exit 2, naming the field `today`', () => {
    for (const args of [['--today', '2026-02-30'], ['--today']]) {
      const run = runCliProcess(['programme', '--db', db, ...args]);
      expect(run.status).toBe(2);
      expect(run.json).toMatchObject({ error: { code: 'VALIDATION', field: 'today' } });
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/^error: today: /);
    }
  });
});
