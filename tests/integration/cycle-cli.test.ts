import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, temporaryFolder } from './helpers';

/** Worked example 4 of certification-cycle.md B5: recertified before expiry. */
const example4 = {
  decisionDate: '2023-09-01',
  surveillance1Date: '2024-08-20',
  surveillance2Date: '2025-08-12',
  recertificationAuditDate: '2026-06-15',
  recertificationDecisionDate: '2026-07-10',
  today: '2026-07-15',
};

const folder = temporaryFolder('cycle-cli');
const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('`cli cycle`, run as a process', () => {
  it('prints the cycle of worked example 4 as JSON and exits 0', () => {
    const run = runCliProcess(['cycle'], JSON.stringify(example4));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
    expect(run.json).toEqual({
      cycleType: 'initial',
      cycleStartDate: '2023-09-01',
      expiryDate: '2026-08-31',
      surveillance1: {
        dueDate: '2024-09-01',
        windowStart: '2024-06-01',
        windowEnd: '2024-09-01',
        status: 'done',
        doneDate: '2024-08-20',
        timing: 'inWindow',
      },
      surveillance2: {
        dueDate: '2025-08-20',
        windowStart: '2025-05-20',
        windowEnd: '2025-08-20',
        status: 'done',
        doneDate: '2025-08-12',
        timing: 'inWindow',
      },
      restorationDeadline: '2027-02-28',
      certificateStatus: 'renewed',
      recertification: {
        auditDueDate: '2026-08-12',
        windowStart: '2026-02-12',
        windowEnd: '2026-08-12',
        decisionDeadline: '2026-08-31',
        status: 'done',
        auditDate: '2026-06-15',
        decisionDate: '2026-07-10',
        auditTiming: 'inWindow',
      },
      nextCycle: {
        type: 'recertified',
        cycleStartDate: '2026-09-01',
        expiryDate: '2029-08-31',
        certificateEffectiveDate: '2026-07-10',
      },
    });
  });

  it('reads `-` as stdin', () => {
    const run = runCliProcess(['cycle', '-'], JSON.stringify(example4));
    expect(run.status).toBe(0);
    expect(run.json).toMatchObject({ certificateStatus: 'renewed' });
  });

  it('reads the input from a file', () => {
    const file = path.join(folder, 'example-4.json');
    fs.writeFileSync(file, JSON.stringify(example4));
    const run = runCliProcess(['cycle', file]);
    expect(run.status).toBe(0);
    expect(run.json).toMatchObject({ nextCycle: { expiryDate: '2029-08-31' } });
  });

  it('rejects bad input with exit 2, the error as JSON on stdout and one line on stderr', () => {
    const input = { ...example4, surveillance2Date: '2024-08-20' };
    const run = runCliProcess(['cycle'], JSON.stringify(input));
    expect(run.status).toBe(2);
    const message = 'Surveillance 2 (2024-08-20) must be after surveillance 1 (2024-08-20).';
    expect(run.json).toEqual({
      error: { code: 'VALIDATION', field: 'surveillance2Date', message },
    });
    expect(lines(run.stderr)).toEqual([`error: surveillance2Date: ${message}`]);
  });
});
