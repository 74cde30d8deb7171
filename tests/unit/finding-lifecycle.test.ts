import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  applyFindingEvent,
  findingEvents,
  verificationMethods,
  type EventPayload,
  type FindingActor,
  type FindingEvent,
} from '../../shared/findings/lifecycle';
import type { FindingGrade, FindingState } from '../../shared/findings/schema';

const lead: FindingActor = { onAuditTeam: true, isLeadAuditor: true, isCbReviewer: false };
const auditor: FindingActor = { onAuditTeam: true, isLeadAuditor: false, isCbReviewer: false };
const reviewer: FindingActor = { onAuditTeam: false, isLeadAuditor: false, isCbReviewer: true };
const response = { correction: 'Fixed', rootCause: 'No owner', correctiveAction: 'Owner named' };

const step = (
  grade: FindingGrade,
  state: FindingState,
  event: FindingEvent,
  actor = lead,
  payload: EventPayload = {},
) => applyFindingEvent({ grade, state }, event, actor, payload);

describe('finding life cycle (nonconformities.md section 3)', () => {
  it('walks a major from open to closed', () => {
    expect(step('major', 'open', 'submitResponse', lead, response)).toEqual({
      ok: true,
      value: 'responseSubmitted',
    });
    expect(step('major', 'responseSubmitted', 'reject', lead, { reason: 'Restates it' })).toEqual({
      ok: true,
      value: 'open',
    });
    expect(step('major', 'responseSubmitted', 'accept')).toEqual({
      ok: true,
      value: 'responseAccepted',
    });
    expect(
      step('major', 'responseAccepted', 'verify', lead, {
        method: 'documentReview',
        effective: true,
      }),
    ).toEqual({ ok: true, value: 'verified' });
    expect(step('major', 'verified', 'close', reviewer)).toEqual({ ok: true, value: 'closed' });
  });

  it('an illegal event is a CONFLICT naming the state and the allowed events', () => {
    const r = step('major', 'open', 'verify');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.message).toContain('open');
    expect(r.error.message).toContain('submitResponse, cancel');
  });

  it('an OFI only goes from open to closed', () => {
    expect(allowedEvents({ grade: 'ofi', state: 'open' })).toEqual(['close']);
    expect(step('ofi', 'open', 'submitResponse', lead, response).ok).toBe(false);
    expect(step('ofi', 'open', 'close')).toEqual({ ok: true, value: 'closed' });
  });

  it('terminal states allow nothing', () => {
    for (const state of ['closed', 'escalated', 'cancelled'] as const) {
      expect(allowedEvents({ grade: 'minor', state })).toEqual([]);
    }
  });

  it('guards: response fields, reasons, who may act', () => {
    const noRoot = step('minor', 'open', 'submitResponse', auditor, {
      ...response,
      rootCause: ' ',
    });
    expect(noRoot).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'rootCause' } });
    expect(step('minor', 'responseSubmitted', 'reject', auditor)).toMatchObject({
      ok: false,
      error: { field: 'reason' },
    });
    expect(step('major', 'responseSubmitted', 'accept', auditor)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(step('minor', 'responseSubmitted', 'accept', auditor)).toEqual({
      ok: true,
      value: 'responseAccepted',
    });
    // Cancelling needs a CB reviewer who was not on the team, and a reason.
    expect(step('minor', 'open', 'cancel', lead, { reason: 'Graded in error' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(step('minor', 'open', 'cancel', reviewer, { reason: 'Graded in error' })).toEqual({
      ok: true,
      value: 'cancelled',
    });
    expect(step('major', 'open', 'escalate', lead, { reason: 'x' }).ok).toBe(false);
  });

  it('verification outcome: ineffective major reopens, ineffective minor escalates', () => {
    const ineffective = { method: 'nextAudit' as const, effective: false };
    expect(step('major', 'responseAccepted', 'verify', lead, ineffective)).toEqual({
      ok: true,
      value: 'open',
    });
    expect(step('minor', 'responseAccepted', 'verify', lead, ineffective)).toEqual({
      ok: true,
      value: 'escalated',
    });
  });

  it('a major is not verified "at the next audit" unless that audit precedes the decision', () => {
    const nextAudit = { method: 'nextAudit' as const, effective: true };
    expect(step('major', 'responseAccepted', 'verify', lead, nextAudit)).toMatchObject({
      ok: false,
      error: { field: 'method' },
    });
    expect(
      step('major', 'responseAccepted', 'verify', lead, {
        ...nextAudit,
        nextAuditPrecedesDecision: true,
      }),
    ).toEqual({ ok: true, value: 'verified' });
  });

  it('an ungraded finding can only be cancelled', () => {
    expect(
      applyFindingEvent({ grade: null, state: 'open' }, 'submitResponse', lead, response),
    ).toMatchObject({ ok: false, error: { field: 'grade' } });
  });

  it('property: no sequence of events leaves a major verified without an accepted response', () => {
    const actor = fc.constantFrom(lead, auditor, reviewer);
    const payload = fc.record(
      {
        reason: fc.constantFrom('', 'because'),
        correction: fc.constantFrom('', 'c'),
        rootCause: fc.constantFrom('', 'r'),
        correctiveAction: fc.constantFrom('', 'a'),
        effective: fc.boolean(),
        method: fc.constantFrom(...verificationMethods),
        nextAuditPrecedesDecision: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    const events = fc.array(fc.tuple(fc.constantFrom(...findingEvents), actor, payload), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(events, (sequence) => {
        let state: FindingState = 'open';
        let accepted = false;
        for (const [event, who, data] of sequence) {
          const r = applyFindingEvent({ grade: 'major', state }, event, who, data);
          if (!r.ok) continue;
          if (r.value === 'responseAccepted') accepted = true;
          if (r.value === 'open') accepted = false;
          if (r.value === 'verified' && !accepted) return false;
          state = r.value;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
