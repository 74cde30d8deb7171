import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { audits, findingEvents } from '../../db/schema';
import { findingTestBed } from './finding-fixtures';
import { fail, succeed } from './helpers';

const t = findingTestBed('finding-lifecycle');
const { bed } = t;

describe('the finding life cycle through the service (nonconformities.md 3)', () => {
  it('walks worked example 1: every transition logged with who, from, to and reason', async () => {
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const major = t.raise({ auditId: stage2 });
    expect(t.row(major.id)).toMatchObject({
      auditLastDay: '2025-03-14',
      responseDue: '2025-04-13',
      verificationDue: '2025-06-12',
      hardLimit: '2025-09-14',
      nextDue: '2025-04-13',
    });

    await t.step(bed.auditor, {
      id: major.id,
      event: 'submitResponse',
      onDate: '2025-04-01',
      ...t.response,
    });
    await t.step(bed.auditor, {
      id: major.id,
      event: 'reject',
      onDate: '2025-04-01',
      reason: 'The root cause only restates the finding.',
    });
    const rejected = t.row(major.id);
    // Rejection never restarts a deadline: they derive from the audit's last day.
    expect(rejected).toMatchObject({
      state: 'open',
      responseDue: '2025-04-13',
      verificationDue: '2025-06-12',
      nextDue: '2025-04-13',
    });
    await t.step(bed.auditor, {
      id: major.id,
      event: 'submitResponse',
      onDate: '2025-04-02',
      ...t.response,
    });
    await t.step(bed.lead, { id: major.id, event: 'accept', onDate: '2025-04-04' });
    expect(t.row(major.id)).toMatchObject({
      state: 'responseAccepted',
      responseAcceptedOn: '2025-04-04',
      nextDue: '2025-06-12',
    });
    await t.step(bed.lead, {
      id: major.id,
      event: 'verify',
      onDate: '2025-05-20',
      method: 'documentReview',
      effective: true,
      evidence: 'Impact assessments IA-07 and IA-08, signed off 2025-05-12.',
    });
    const closed = await t.step(bed.decider, {
      id: major.id,
      event: 'close',
      onDate: '2025-05-21',
    });
    expect(closed).toMatchObject({
      state: 'closed',
      closedOn: '2025-05-21',
      verification: { method: 'documentReview', effective: true, onDate: '2025-05-20' },
      deadlines: { responseDue: '2025-04-13', nextDue: null, flags: [] },
    });
    expect(closed.reviews.map((r) => [r.outcome, r.byName, r.reason])).toEqual([
      ['rejected', 'Aaron Auditor', 'The root cause only restates the finding.'],
      ['accepted', 'Lena Lead', ''],
    ]);
    expect(t.row(major.id)).toMatchObject({ verifiedOn: '2025-05-20', closedBy: bed.decider.id });

    const states = t
      .changes(major.id)
      .filter((c) => c.field === 'state')
      .map((c) => [c.actorId, c.oldValue, c.newValue]);
    expect(states).toEqual([
      [bed.auditor.id, 'open', 'responseSubmitted'],
      [bed.auditor.id, 'responseSubmitted', 'open'],
      [bed.auditor.id, 'open', 'responseSubmitted'],
      [bed.lead.id, 'responseSubmitted', 'responseAccepted'],
      [bed.lead.id, 'responseAccepted', 'verified'],
      [bed.decider.id, 'verified', 'closed'],
    ]);
    const log = t.changes(major.id);
    const rejection = log.find((c) => c.field === 'state' && c.newValue === 'open');
    const reason = log.find((c) => c.field === 'reason');
    expect(reason).toMatchObject({
      newValue: 'The root cause only restates the finding.',
      actorId: bed.auditor.id,
      at: rejection?.at,
      rootId: bed.client.id,
    });
    expect(closed.events.map((e) => [e.event, e.fromState, e.toState, e.onDate])).toEqual([
      ['raise', null, 'open', '2025-03-14'],
      ['submitResponse', 'open', 'responseSubmitted', '2025-04-01'],
      ['reject', 'responseSubmitted', 'open', '2025-04-01'],
      ['submitResponse', 'open', 'responseSubmitted', '2025-04-02'],
      ['accept', 'responseSubmitted', 'responseAccepted', '2025-04-04'],
      ['verify', 'responseAccepted', 'verified', '2025-05-20'],
      ['close', 'verified', 'closed', '2025-05-21'],
    ]);
    expect(closed.events[1]?.details).toMatchObject({ correction: t.response.correction });
    expect(closed.response?.submittedOn).toBe('2025-04-02');
    // The client's history shows the finding's changes.
    await t.as(bed.admin);
    const history = await succeed(bed.app, 'clientHistory', { id: bed.client.id });
    expect(history.filter((e) => e.entity === 'finding' && e.field === 'state')).toHaveLength(6);
  });

  it('worked example 5: a rejected minor keeps its response due date; late resubmission shows overdue', async () => {
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const minor = t.raise({ auditId: stage2, grade: 'minor', gradeRationale: '' });
    await t.step(bed.auditor, {
      id: minor.id,
      event: 'submitResponse',
      onDate: '2025-04-01',
      ...t.response,
    });
    await t.step(bed.auditor, {
      id: minor.id,
      event: 'reject',
      onDate: '2025-04-03',
      reason: 'Restates it.',
    });
    await t.step(bed.auditor, {
      id: minor.id,
      event: 'submitResponse',
      onDate: '2025-04-14',
      ...t.response,
    });
    const pending = await succeed(bed.app, 'getFinding', { id: minor.id });
    expect(pending.deadlines).toMatchObject({
      responseDue: '2025-04-13',
      verificationDue: null,
      hardLimit: null,
      nextDue: '2025-04-13',
      flags: ['responseOverdue'],
    });
    await t.step(bed.auditor, { id: minor.id, event: 'accept', onDate: '2025-04-15' });
    const accepted = await succeed(bed.app, 'getFinding', { id: minor.id });
    expect(accepted.deadlines).toMatchObject({
      responseDue: '2025-04-13',
      nextDue: null,
      flags: [],
    });
  });

  it('refuses illegal events, the wrong person, missing fields and impossible dates', async () => {
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const major = t.raise({ auditId: stage2 });
    await t.as(bed.lead);
    const illegal = await fail(bed.app, 'findingTransition', {
      id: major.id,
      event: 'verify',
      onDate: '2025-04-01',
      method: 'documentReview',
      effective: true,
    });
    expect(illegal.code).toBe('CONFLICT');
    expect(illegal.message).toContain('state open');
    expect(illegal.message).toContain('submitResponse, cancel');

    expect(
      await fail(bed.app, 'findingTransition', {
        id: major.id,
        event: 'submitResponse',
        onDate: '2025-04-01',
        correction: 'Done',
        rootCause: '',
        correctiveAction: 'Owner named',
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'rootCause' });
    expect(
      await fail(bed.app, 'findingTransition', {
        id: major.id,
        event: 'submitResponse',
        onDate: '2025-03-01',
        ...t.response,
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'onDate' });
    expect(
      await fail(bed.app, 'findingTransition', {
        id: major.id,
        event: 'submitResponse',
        onDate: '2027-01-01',
        ...t.response,
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'onDate' });
    expect(
      await fail(bed.app, 'findingTransition', {
        id: major.id,
        event: 'submitResponse',
        onDate: '2025-02-30',
        ...t.response,
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'onDate' });

    await t.step(bed.auditor, {
      id: major.id,
      event: 'submitResponse',
      onDate: '2025-04-02',
      ...t.response,
    });
    // A major's response is accepted by the lead auditor only.
    expect(
      await fail(bed.app, 'findingTransition', {
        id: major.id,
        event: 'accept',
        onDate: '2025-04-04',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    // Someone outside the audit team and the CB does not review.
    await t.as(bed.admin);
    const outsider = await succeed(bed.app, 'createPerson', {
      name: 'Otto Outsider',
      email: 'otto@cb.example',
      roles: ['auditor'],
    });
    await t.as(outsider);
    expect(
      await fail(bed.app, 'findingTransition', {
        id: major.id,
        event: 'reject',
        onDate: '2025-04-04',
        reason: 'No.',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    // A cancellation needs a CB reviewer off the team and a reason.
    await t.as(bed.decider);
    expect(
      await fail(bed.app, 'findingTransition', {
        id: major.id,
        event: 'cancel',
        onDate: '2025-04-05',
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    const cancelled = await t.step(bed.decider, {
      id: major.id,
      event: 'cancel',
      onDate: '2025-04-05',
      reason: 'Appeal upheld: the systems were out of scope.',
    });
    expect(cancelled).toMatchObject({ state: 'cancelled', closedOn: '2025-04-05' });
    expect(cancelled.deadlines.nextDue).toBeNull();
    expect(cancelled.actions.every((a) => !a.allowed)).toBe(true);
  });

  it('escalates an ineffective minor at the next audit (worked example 3), linked both ways', async () => {
    const first = t.audit('surveillance', '2025-10-07', '2025-10-08');
    const minor = t.raise({
      auditId: first,
      grade: 'minor',
      gradeRationale: '',
      requirementRef: 'ISO/IEC 42001:2023 6.2',
      statement: 'The AI objectives lack measures.',
      raisedOn: '2025-10-08',
    });
    expect(t.row(minor.id)).toMatchObject({ responseDue: '2025-11-07', nextDue: '2025-11-07' });
    await t.step(bed.auditor, {
      id: minor.id,
      event: 'submitResponse',
      onDate: '2025-10-28',
      ...t.response,
    });
    await t.step(bed.auditor, { id: minor.id, event: 'accept', onDate: '2025-10-30' });
    expect(t.row(minor.id).nextDue).toBeNull();

    // The next surveillance is led by someone else, who verifies the minor there.
    await t.as(bed.admin);
    const nextLead = await succeed(bed.app, 'createPerson', {
      name: 'Noor Nextlead',
      email: 'noor@cb.example',
      roles: ['lead_auditor'],
    });
    const second = t.audit('surveillance', '2026-09-15', '2026-09-17', {
      team: [[nextLead, 'lead_auditor']],
    });
    const escalated = await t.step(nextLead, {
      id: minor.id,
      event: 'verify',
      onDate: '2026-09-17',
      method: 'nextAudit',
      effective: false,
      evidence: 'No measures were defined for any AI objective.',
    });
    expect(escalated.state).toBe('escalated');
    const majorId = escalated.escalatedToId;
    expect(majorId).not.toBeNull();
    const major = await succeed(bed.app, 'getFinding', { id: majorId ?? '' });
    expect(major).toMatchObject({
      auditId: second,
      grade: 'major',
      state: 'open',
      requirementRef: 'ISO/IEC 42001:2023 6.2',
      raisedOn: '2026-09-17',
      raisedById: nextLead.id,
      escalatedFromId: minor.id,
      objectiveEvidence: 'No measures were defined for any AI objective.',
      deadlines: { responseDue: '2026-10-17', verificationDue: '2026-12-16', hardLimit: null },
    });
    expect(major.gradeRationale).toBe(
      `Escalated from minor ${minor.id}: corrective action missing or ineffective (nonconformities.md 4.4)`,
    );
    expect(major.majorSuggestion.join(' ')).toContain('escalating a minor');
    expect(t.row(minor.id)).toMatchObject({ escalatedToId: majorId, closedOn: '2026-09-17' });
    expect(t.changes(minor.id).find((c) => c.field === 'escalatedToId')?.newValue).toBe(majorId);
    expect(t.changes(majorId ?? '').map((c) => c.field)).toEqual(['created']);
    const raiseEvent = t
      .db()
      .select()
      .from(findingEvents)
      .where(eq(findingEvents.findingId, majorId ?? ''))
      .all();
    expect(raiseEvent.map((e) => [e.event, e.details])).toEqual([
      [
        'raise',
        { grade: 'major', requirementRef: 'ISO/IEC 42001:2023 6.2', escalatedFromId: minor.id },
      ],
    ]);
  });

  it('escalates on request with a reason, in the original audit when nothing followed it', async () => {
    const first = t.audit('surveillance', '2025-10-07', '2025-10-08');
    const minor = t.raise({
      auditId: first,
      grade: 'minor',
      gradeRationale: '',
      raisedOn: '2025-10-08',
    });
    await t.as(bed.lead);
    expect(
      await fail(bed.app, 'findingTransition', {
        id: minor.id,
        event: 'escalate',
        onDate: '2025-11-20',
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    const escalated = await t.step(bed.lead, {
      id: minor.id,
      event: 'escalate',
      onDate: '2025-11-20',
      reason: 'No response at all, 13 days after its due date.',
    });
    const major = t.row(escalated.escalatedToId ?? '');
    expect(major).toMatchObject({
      auditId: first,
      escalatedFromId: minor.id,
      objectiveEvidence: 'No response at all, 13 days after its due date.',
    });
    expect(escalated.events.at(-1)?.details).toEqual({ escalatedToId: major.id });
  });

  it('a major verified at the next audit counts only when that audit precedes the decision', async () => {
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const major = t.raise({ auditId: stage2 });
    await t.step(bed.auditor, {
      id: major.id,
      event: 'submitResponse',
      onDate: '2025-04-02',
      ...t.response,
    });
    await t.step(bed.lead, { id: major.id, event: 'accept', onDate: '2025-04-04' });
    await t.as(bed.lead);
    const verify = {
      id: major.id,
      event: 'verify' as const,
      onDate: '2025-06-01',
      method: 'nextAudit' as const,
      effective: true,
    };
    expect(await fail(bed.app, 'findingTransition', verify)).toMatchObject({
      code: 'VALIDATION',
      field: 'method',
    });
    t.audit('special', '2025-05-30', '2025-05-30');
    expect((await t.step(bed.lead, verify)).state).toBe('verified');
  });

  it('an ineffective major goes back to open, keeping its deadlines', async () => {
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const major = t.raise({ auditId: stage2 });
    await t.step(bed.auditor, {
      id: major.id,
      event: 'submitResponse',
      onDate: '2025-04-02',
      ...t.response,
    });
    await t.step(bed.lead, { id: major.id, event: 'accept', onDate: '2025-04-04' });
    const reopened = await t.step(bed.lead, {
      id: major.id,
      event: 'verify',
      onDate: '2025-05-20',
      method: 'documentReview',
      effective: false,
      evidence: 'Only one of the two assessments exists.',
    });
    expect(reopened).toMatchObject({
      state: 'open',
      escalatedToId: null,
      verification: { effective: false, evidence: 'Only one of the two assessments exists.' },
      deadlines: {
        responseDue: '2025-04-13',
        verificationDue: '2025-06-12',
        nextDue: '2025-04-13',
      },
    });
    expect(t.row(major.id).verifiedOn).toBeNull();
  });
});

describe('grading, editing and acknowledging a finding', () => {
  it('only the lead auditor grades; a major needs a rationale; the grade event records from and to', async () => {
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const finding = t.raise({ auditId: stage2, grade: null, gradeRationale: '' });
    expect(t.row(finding.id)).toMatchObject({ responseDue: null, nextDue: null });
    await t.as(bed.auditor);
    expect(await fail(bed.app, 'gradeFinding', { id: finding.id, grade: 'minor' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await t.as(bed.lead);
    expect(await fail(bed.app, 'gradeFinding', { id: finding.id, grade: 'major' })).toMatchObject({
      code: 'VALIDATION',
      field: 'gradeRationale',
    });
    const graded = await succeed(bed.app, 'gradeFinding', {
      id: finding.id,
      grade: 'major',
      gradeRationale: 'No impact assessment exists for in-scope systems.',
    });
    expect(graded.deadlines).toMatchObject({
      responseDue: '2025-04-13',
      verificationDue: '2025-06-12',
    });
    const regraded = await succeed(bed.app, 'gradeFinding', { id: finding.id, grade: 'minor' });
    expect(regraded.deadlines).toMatchObject({ responseDue: '2025-04-13', verificationDue: null });
    expect(
      regraded.events.filter((e) => e.event === 'grade').map((e) => [e.details, e.byName]),
    ).toEqual([
      [{ fromGrade: null, toGrade: 'major' }, 'Lena Lead'],
      [{ fromGrade: 'major', toGrade: 'minor' }, 'Lena Lead'],
    ]);
    expect(
      t
        .changes(finding.id)
        .filter((c) => c.field === 'grade')
        .map((c) => [c.oldValue, c.newValue, c.actorId]),
    ).toEqual([
      [null, 'major', bed.lead.id],
      ['major', 'minor', bed.lead.id],
    ]);
  });

  it('never downgrades a nonconformity to an OFI after a response, and fixes the grade then', async () => {
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const finding = t.raise({ auditId: stage2, grade: 'minor', gradeRationale: '' });
    await t.step(bed.auditor, {
      id: finding.id,
      event: 'submitResponse',
      onDate: '2025-04-01',
      ...t.response,
    });
    await t.step(bed.auditor, {
      id: finding.id,
      event: 'reject',
      onDate: '2025-04-02',
      reason: 'Vague.',
    });
    await t.as(bed.lead);
    const downgrade = await fail(bed.app, 'gradeFinding', { id: finding.id, grade: 'ofi' });
    expect(downgrade).toMatchObject({ code: 'CONFLICT', field: 'grade' });
    expect(downgrade.message).toContain('never downgraded to an OFI');
    const regrade = await fail(bed.app, 'gradeFinding', {
      id: finding.id,
      grade: 'major',
      gradeRationale: 'Systemic.',
    });
    expect(regrade).toMatchObject({ code: 'CONFLICT', field: 'grade' });
    expect(t.row(finding.id).grade).toBe('minor');
  });

  it('lets the raiser or the lead edit the text while open, and records the acknowledgement', async () => {
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const site = bed.client.sites[1]?.id ?? '';
    const finding = t.raise({ auditId: stage2, raisedBy: bed.lead.id });
    await t.as(bed.auditor);
    expect(
      await fail(bed.app, 'updateFinding', { id: finding.id, statement: 'Changed.' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    await t.as(bed.lead);
    expect(await fail(bed.app, 'updateFinding', { id: finding.id, statement: '  ' })).toMatchObject(
      { code: 'VALIDATION', field: 'statement' },
    );
    expect(
      await fail(bed.app, 'updateFinding', { id: finding.id, siteId: 'not-a-site' }),
    ).toMatchObject({ code: 'VALIDATION', field: 'siteId' });
    const edited = await succeed(bed.app, 'updateFinding', {
      id: finding.id,
      statement: 'No impact assessment exists for the credit model and the chatbot.',
      siteId: site,
    });
    expect(edited).toMatchObject({ siteId: site, siteName: 'Lab' });
    expect(t.changes(finding.id).filter((c) => c.field === 'statement')).toHaveLength(1);

    await t.as(bed.auditor);
    expect(
      await fail(bed.app, 'acknowledgeFinding', {
        id: finding.id,
        acknowledgedBy: 'Anna Schmidt',
        acknowledgedOn: '2025-03-13',
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'acknowledgedOn' });
    const acknowledged = await succeed(bed.app, 'acknowledgeFinding', {
      id: finding.id,
      acknowledgedBy: 'Anna Schmidt',
      acknowledgedOn: '2025-03-14',
      note: 'The client considers the chatbot out of scope.',
    });
    expect(acknowledged).toMatchObject({
      clientAcknowledgedBy: 'Anna Schmidt',
      acknowledgedOn: '2025-03-14',
      acknowledgementNote: 'The client considers the chatbot out of scope.',
    });
    expect(acknowledged.events.at(-1)).toMatchObject({
      event: 'acknowledge',
      byName: 'Aaron Auditor',
    });

    await t.step(bed.auditor, {
      id: finding.id,
      event: 'submitResponse',
      onDate: '2025-04-01',
      ...t.response,
    });
    await t.as(bed.lead);
    expect(
      await fail(bed.app, 'updateFinding', { id: finding.id, statement: 'Later.' }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('shows each person the actions they may take, with reasons, and the grading aid', async () => {
    const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
    const finding = t.raise({ auditId: stage2, grade: 'minor', gradeRationale: '' });
    await t.as(bed.auditor);
    const forAuditor = await succeed(bed.app, 'getFinding', { id: finding.id });
    const byEvent = Object.fromEntries(forAuditor.actions.map((a) => [a.event, a]));
    expect(byEvent.submitResponse).toMatchObject({ allowed: true, reason: null });
    expect(byEvent.escalate).toMatchObject({ allowed: true });
    expect(byEvent.accept).toMatchObject({
      allowed: false,
      reason: 'There is no submitted response to review.',
    });
    expect(byEvent.cancel?.allowed).toBe(false);
    expect(byEvent.cancel?.reason).toContain('not on the audit team');
    expect(forAuditor.majorSuggestion).toHaveLength(1);
    expect(forAuditor.majorSuggestion[0]).toContain('AI system impact assessment');

    await t.as(bed.decider);
    const forDecider = await succeed(bed.app, 'getFinding', { id: finding.id });
    expect(forDecider.actions.find((a) => a.event === 'cancel')?.allowed).toBe(true);

    // Three minors in one audit on the same requirement suggest a major too.
    t.raise({
      auditId: stage2,
      grade: 'minor',
      gradeRationale: '',
      statement: 'Assessment outdated.',
    });
    const third = t.raise({
      auditId: stage2,
      grade: null,
      gradeRationale: '',
      statement: 'Assessment lacks a reviewer.',
    });
    const detail = await succeed(bed.app, 'getFinding', { id: third.id });
    expect(detail.majorSuggestion).toEqual([
      expect.stringContaining(
        '3 findings of this audit, counting this one, are minors citing ISO/IEC 42001:2023 6.1.4',
      ),
    ]);
    expect(detail.actions.find((a) => a.event === 'submitResponse')?.reason).toBe(
      'The lead auditor grades the finding first.',
    );
  });

  it('raiseFinding stores the computed deadlines and one raise event, in its transaction', async () => {
    const audit = t.audit('surveillance', '2026-09-29', '2026-10-02', { state: 'in_progress' });
    await t.as(bed.lead);
    const raised = await succeed(bed.app, 'raiseFinding', {
      auditId: audit,
      requirementRef: 'ISO/IEC 42001:2023 9.2',
      grade: 'major',
      gradeRationale: 'No internal audit at all this cycle.',
      statement: 'No internal audit was performed this year.',
      objectiveEvidence: 'Internal audit programme 2026, no audit held.',
    });
    expect(t.row(raised.id)).toMatchObject({
      raisedOn: '2026-10-01',
      auditLastDay: '2026-10-02',
      responseDue: '2026-11-01',
      verificationDue: '2026-12-31',
      hardLimit: null,
      nextDue: '2026-11-01',
    });
    const detail = await succeed(bed.app, 'getFinding', { id: raised.id });
    expect(detail.events.map((e) => [e.event, e.byName])).toEqual([['raise', 'Lena Lead']]);
    expect(detail.majorSuggestion[0]).toContain('the internal audit is absent');
  });

  it('recomputes deadlines from the day an audit is actually completed', async () => {
    await t.as(bed.admin);
    const audit = await succeed(bed.app, 'createAudit', {
      clientId: bed.client.id,
      type: 'surveillance',
      cycleNumber: 1,
      startDate: '2026-09-14',
      endDate: '2026-09-15',
      onsiteDays: 2,
      remoteDays: 0,
      siteIds: bed.client.sites.map((s) => s.id),
      criteria: 'ISO/IEC 42001:2023',
    });
    await succeed(bed.app, 'changeAuditState', { id: audit.id, to: 'confirmed' });
    await succeed(bed.app, 'changeAuditState', { id: audit.id, to: 'in_progress' });
    const finding = t.raise({ auditId: audit.id, raisedOn: '2026-09-14' });
    expect(t.row(finding.id)).toMatchObject({
      auditLastDay: '2026-09-15',
      responseDue: '2026-10-15',
    });
    await succeed(bed.app, 'changeAuditState', {
      id: audit.id,
      to: 'completed',
      completedOn: '2026-09-18',
    });
    expect(t.row(finding.id)).toMatchObject({
      auditLastDay: '2026-09-18',
      responseDue: '2026-10-18',
      verificationDue: '2026-12-17',
      nextDue: '2026-10-18',
    });
    expect(t.db().select().from(audits).where(eq(audits.id, audit.id)).get()?.completedOn).toBe(
      '2026-09-18',
    );
  });
});
