import { describe, expect, it } from 'vitest';
import { suspensionProposal, type SuspensionFacts } from '../../shared/findings/suspension';

/** Worked example 3's escalated major: surveillance, response due 2026-10-17, verify by 2026-12-16. */
const major = (over: Partial<SuspensionFacts>): SuspensionFacts => ({
  grade: 'major',
  auditType: 'surveillance',
  state: 'open',
  responseDue: '2026-10-17',
  verificationDue: '2026-12-16',
  today: '2026-10-20',
  ...over,
});

describe('suspension proposals (nonconformities.md 4.2 and 4.4, Audit Desk rules)', () => {
  it('proposes suspension once a major response is overdue by more than 30 days', () => {
    expect(suspensionProposal(major({ today: '2026-11-16' }))).toBeNull();
    expect(suspensionProposal(major({ today: '2026-11-17' }))).toContain('2026-10-17');
    expect(
      suspensionProposal(major({ today: '2026-11-17', state: 'responseSubmitted' })),
    ).not.toBeNull();
    expect(
      suspensionProposal(major({ today: '2026-11-17', state: 'responseAccepted' })),
    ).toBeNull();
  });

  it('proposes suspension past a surveillance or special major’s 90-day verification date', () => {
    const accepted = { state: 'responseAccepted' as const };
    expect(suspensionProposal(major({ ...accepted, today: '2026-12-16' }))).toBeNull();
    expect(suspensionProposal(major({ ...accepted, today: '2026-12-17' }))).toContain(
      'not verified by 2026-12-16',
    );
    expect(
      suspensionProposal(major({ ...accepted, auditType: 'special', today: '2026-12-17' })),
    ).not.toBeNull();
    // A recertification major runs to the expiry date instead (G4, restoration).
    expect(
      suspensionProposal(major({ ...accepted, auditType: 'recertification', today: '2026-12-17' })),
    ).toBeNull();
  });

  it('never for a minor, an OFI, a settled finding, or a Stage 2 major (no certificate yet)', () => {
    const late = { today: '2027-06-01' };
    expect(
      suspensionProposal(major({ ...late, grade: 'minor', verificationDue: null })),
    ).toBeNull();
    expect(suspensionProposal(major({ ...late, grade: 'ofi', responseDue: null }))).toBeNull();
    for (const state of ['verified', 'closed', 'escalated', 'cancelled'] as const) {
      expect(suspensionProposal(major({ ...late, state }))).toBeNull();
    }
    expect(suspensionProposal(major({ ...late, auditType: 'stage2' }))).toBeNull();
  });

  it('gives both reasons when both apply', () => {
    const both = suspensionProposal(major({ today: '2027-01-05' })) ?? '';
    expect(both).toContain('more than 30 days after its response due date 2026-10-17');
    expect(both).toContain('not verified by 2026-12-16');
  });
});
