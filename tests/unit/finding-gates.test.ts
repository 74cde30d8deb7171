import { describe, expect, it } from 'vitest';
import { unmetGates, type GateFinding, type GateInput } from '../../shared/findings/gates';

const stage2 = {
  id: 'a-s2',
  type: 'stage2',
  lastDay: '2025-03-14',
  teamPersonIds: ['lead', 'aud'],
};
const major = (over: Partial<GateFinding> = {}): GateFinding => ({
  id: 'f-major',
  auditId: 'a-s2',
  grade: 'major',
  state: 'open',
  verifiedOn: null,
  ...over,
});
const grant = (over: Partial<GateInput>): GateInput => ({
  decision: 'grant',
  decisionDate: '2025-05-28',
  decisionMakerId: 'dm',
  audits: [stage2],
  findings: [],
  expiryDate: null,
  ...over,
});
const gates = (input: GateInput) => unmetGates(input).map((g) => g.gate);

describe('decision gates G1–G6 (nonconformities.md section 5)', () => {
  it('worked example 1: a verified, closed major and a non-team decision maker: allowed', () => {
    expect(
      unmetGates(grant({ findings: [major({ state: 'closed', verifiedOn: '2025-05-20' })] })),
    ).toEqual([]);
  });

  it('G1: an unverified major blocks a positive decision, naming the finding', () => {
    const [g1] = unmetGates(grant({ findings: [major({ state: 'responseAccepted' })] }));
    expect(g1).toMatchObject({ gate: 'G1', findingIds: ['f-major'] });
    expect(g1?.message).toContain('f-major');
    // A refusal or suspension is not blocked by findings.
    expect(gates(grant({ decision: 'refuse', findings: [major()] }))).toEqual([]);
  });

  it('G2: every minor needs at least an accepted response', () => {
    const minor = {
      ...major(),
      id: 'f-minor',
      grade: 'minor' as const,
      state: 'responseSubmitted' as const,
    };
    expect(gates(grant({ findings: [minor] }))).toEqual(['G2']);
    expect(gates(grant({ findings: [{ ...minor, state: 'responseAccepted' }] }))).toEqual([]);
  });

  it('worked example 2 / G3: a Stage 2 major verified after the 6-month limit needs a new Stage 2', () => {
    const late = major({ state: 'verified', verifiedOn: '2025-09-20' });
    expect(gates(grant({ decisionDate: '2025-09-25', findings: [late] }))).toEqual(['G3']);
    expect(
      unmetGates(grant({ decisionDate: '2025-09-25', findings: [late] }))[0]?.message,
    ).toContain('2025-09-14');
    // Still unverified but before the limit: only G1.
    expect(gates(grant({ decisionDate: '2025-08-01', findings: [major()] }))).toEqual(['G1']);
    expect(gates(grant({ decisionDate: '2025-10-01', findings: [major()] }))).toEqual(['G1', 'G3']);
  });

  it('worked example 4 / G4: recertification majors verified by expiry, decided before expiry', () => {
    const recert = {
      id: 'a-rc',
      type: 'recertification',
      lastDay: '2026-07-20',
      teamPersonIds: ['lead'],
    };
    const renew = (verifiedOn: string, decisionDate: string) =>
      grant({
        decision: 'renew',
        decisionDate,
        audits: [recert],
        expiryDate: '2026-08-31',
        findings: [major({ auditId: 'a-rc', state: 'closed', verifiedOn })],
      });
    expect(gates(renew('2026-08-25', '2026-08-28'))).toEqual([]);
    expect(gates(renew('2026-09-10', '2026-09-12'))).toEqual(['G4']);
  });

  it('G5: a decision maker from the audit team is refused', () => {
    expect(gates(grant({ decisionMakerId: 'aud' }))).toEqual(['G5']);
  });

  it('G6: OFIs, cancelled and escalated findings never block', () => {
    const findings: GateFinding[] = [
      major({ id: 'ofi', grade: 'ofi' }),
      major({ id: 'cancelled', state: 'cancelled' }),
      major({ id: 'esc', grade: 'minor', state: 'escalated' }),
    ];
    expect(gates(grant({ findings }))).toEqual([]);
  });

  it('findings of audits the decision does not rely on are ignored', () => {
    expect(gates(grant({ findings: [major({ auditId: 'other' })] }))).toEqual([]);
  });
});
