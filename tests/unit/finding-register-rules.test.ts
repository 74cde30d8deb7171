import { describe, expect, it } from 'vitest';
import { nextDueFor } from '../../electron/services/finding-deadline-columns';
import {
  findingActions,
  requiredElementOf,
  statesAbsence,
} from '../../electron/services/finding-detail';
import { findingsCsv } from '../../electron/services/finding-export';
import type { FindingActor } from '../../shared/findings/lifecycle';
import type { FindingRow } from '../../shared/findings/schema';

const due = { responseDue: '2025-04-13', verificationDue: '2025-06-12' };

describe('the next deadline a finding waits for (the register sorts by it)', () => {
  it('is the response while it is awaited, then a major’s verification, then nothing', () => {
    expect(nextDueFor('major', 'open', due)).toBe('2025-04-13');
    expect(nextDueFor('major', 'responseSubmitted', due)).toBe('2025-04-13');
    expect(nextDueFor('major', 'responseAccepted', due)).toBe('2025-06-12');
    expect(nextDueFor('major', 'verified', due)).toBeNull();
    expect(nextDueFor('minor', 'open', { responseDue: '2025-04-13', verificationDue: null })).toBe(
      '2025-04-13',
    );
    expect(
      nextDueFor('minor', 'responseAccepted', { responseDue: '2025-04-13', verificationDue: null }),
    ).toBeNull();
  });

  it('is the earlier one when a recertification expiry comes before the response is due', () => {
    const recert = { responseDue: '2026-09-19', verificationDue: '2026-08-31' };
    expect(nextDueFor('major', 'open', recert)).toBe('2026-08-31');
  });

  it('is null for OFIs, ungraded findings and finished ones', () => {
    expect(nextDueFor('ofi', 'open', { responseDue: null, verificationDue: null })).toBeNull();
    expect(nextDueFor(null, 'open', null)).toBeNull();
    for (const state of ['closed', 'escalated', 'cancelled'] as const) {
      expect(nextDueFor('major', state, due)).toBeNull();
    }
  });
});

describe('the grading aid (nonconformities.md 1, ours)', () => {
  it('recognises the required AIMS elements by clause, not Annex A controls with the same digits', () => {
    expect(requiredElementOf('ISO/IEC 42001:2023 6.1.4', null)).toBe(
      'the AI system impact assessment',
    );
    expect(requiredElementOf('ISO/IEC 42001:2023 8.2', null)).toBe('the AI risk assessment');
    expect(requiredElementOf('ISO/IEC 42001:2023 9.2.2', null)).toBe('the internal audit');
    expect(requiredElementOf('Clause 9.3', null)).toBe('the management review');
    expect(requiredElementOf('free text', '6.1.3')).toBe('the Statement of Applicability');
    expect(requiredElementOf('Annex A A.8.2', null)).toBeNull();
    expect(requiredElementOf('ISO/IEC 42001:2023 8.2.1', null)).toBeNull();
    expect(requiredElementOf('ISO/IEC 42001:2023 6.1.2', null)).toBe('the AI risk assessment');
    expect(requiredElementOf('ISO/IEC 42001:2023 7.2', null)).toBeNull();
  });

  it('reads a statement of absence', () => {
    expect(statesAbsence('No impact assessment exists.')).toBe(true);
    expect(statesAbsence('The internal audit was not performed.')).toBe(true);
    expect(statesAbsence('Risk assessment missing for two systems.')).toBe(true);
    expect(statesAbsence('The assessment lacks a reviewer.')).toBe(false);
    expect(statesAbsence('Annotation guidance is incomplete.')).toBe(false);
  });
});

describe('the actions a person sees on a finding', () => {
  const auditor: FindingActor = { onAuditTeam: true, isLeadAuditor: false, isCbReviewer: false };
  it('gives every event with a readable reason when it is not allowed', () => {
    const actions = findingActions({ grade: 'major', state: 'responseSubmitted' }, auditor);
    expect(actions.map((a) => a.event)).toEqual([
      'submitResponse',
      'reject',
      'accept',
      'verify',
      'close',
      'escalate',
      'cancel',
    ]);
    const byEvent = Object.fromEntries(actions.map((a) => [a.event, a]));
    expect(byEvent.reject).toMatchObject({ allowed: true, reason: null });
    expect(byEvent.accept?.reason).toBe(
      'The lead auditor accepts the response to a major nonconformity.',
    );
    expect(byEvent.escalate?.reason).toBe(
      'Only a minor nonconformity is escalated (to a new major).',
    );
    expect(byEvent.verify?.reason).toContain('once the response has been accepted');
  });

  it('says an OFI is only closed', () => {
    const actions = findingActions({ grade: 'ofi', state: 'open' }, auditor);
    expect(actions.filter((a) => a.allowed).map((a) => a.event)).toEqual([]);
    expect(actions.find((a) => a.event === 'accept')?.reason).toBe(
      'An opportunity for improvement needs no response: it is only closed.',
    );
    expect(actions.find((a) => a.event === 'close')?.reason).toBe(
      'The lead auditor or a CB reviewer closes a finding.',
    );
  });
});

describe('the CSV export', () => {
  const row: FindingRow = {
    id: 'f1',
    auditId: 'a1',
    auditType: 'surveillance',
    clientId: 'c1',
    clientName: 'Lumen, "Analytics" GmbH',
    clientReference: 'C-2026-0001',
    requirementRef: 'ISO/IEC 42001:2023 6.2',
    grade: 'minor',
    state: 'open',
    statement: '=1+1 was typed\non two lines',
    raisedOn: '2026-09-17',
    raisedByName: null,
    responseDue: '2026-10-17',
    verificationDue: null,
    nextDue: '2026-10-17',
    overdue: false,
    suspensionProposed: false,
  };
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    const csv = findingsCsv([row, { ...row, id: 'f2', grade: null }]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'Client reference,Client,Audit,Requirement,Grade,State,Statement,Raised on,Raised by,Response due,Verification due,Next due,Overdue,Finding id',
    );
    expect(lines[1]).toBe(
      'C-2026-0001,"Lumen, ""Analytics"" GmbH",Surveillance,ISO/IEC 42001:2023 6.2,Minor nonconformity,Open,"\'=1+1 was typed\non two lines",2026-09-17,,2026-10-17,,2026-10-17,no,f1',
    );
    expect(csv).toContain('Not graded');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(findingsCsv([])).toBe(`${lines[0]}\r\n`);
  });
});
