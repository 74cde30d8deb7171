import { describe, expect, it } from 'vitest';
import {
  decisionRefusal,
  scopeRefusal,
  suggestedDecision,
  type DecisionFacts,
} from '../../shared/certificates/decision-rules';

const scope = 'Operation of AI credit scoring services.';

function facts(over: Partial<DecisionFacts> = {}): DecisionFacts {
  return {
    clientName: 'Lumen Analytics GmbH',
    clientStatus: 'applicant',
    certificate: null,
    cycle: null,
    cycleDecision: 'grant',
    reliedOnAuditTypes: ['stage1', 'stage2'],
    ...over,
  };
}

const certified = (status: 'active' | 'suspended' | 'withdrawn' | 'expired' = 'active') =>
  facts({
    clientStatus: status === 'suspended' ? 'suspended' : 'certified',
    certificate: {
      number: 'AD-42001-2025-0001',
      status,
      expiryDate: '2028-05-27',
      scopeText: scope,
    },
    cycle: {
      number: 1,
      expiryDate: '2028-05-27',
      standing: status === 'expired' ? 'expiredRestorable' : 'active',
    },
    cycleDecision: 'grant',
    reliedOnAuditTypes: [],
  });

const message = (kind: Parameters<typeof decisionRefusal>[0], f: DecisionFacts) =>
  decisionRefusal(kind, f)?.message ?? null;

describe('decision guards: which certification decision may be taken', () => {
  it('grants after a completed Stage 2 only, and never over a valid certificate', () => {
    expect(decisionRefusal('grant', facts())).toBeNull();
    expect(message('grant', facts({ reliedOnAuditTypes: ['stage1'] }))).toContain(
      'rests on a completed Stage 2 audit',
    );
    expect(message('grant', { ...certified(), reliedOnAuditTypes: ['stage2'] })).toContain(
      'holds certificate AD-42001-2025-0001 (active) until 2028-05-27',
    );
    expect(
      message('grant', { ...certified('suspended'), reliedOnAuditTypes: ['stage2'] }),
    ).toContain('(suspended)');
    // After a withdrawal, certification starts again with a new Stage 2.
    expect(
      decisionRefusal('grant', { ...certified('withdrawn'), reliedOnAuditTypes: ['stage2'] }),
    ).toBeNull();
    // A client whose cycle started before Audit Desk (no certificate here) is certified too.
    expect(
      message(
        'grant',
        facts({
          clientStatus: 'certified',
          cycle: { number: 1, expiryDate: '2027-01-01', standing: 'active' },
        }),
      ),
    ).toContain('is certified in cycle 1 until 2027-01-01');
  });

  it('renews or restores only as the cycle rules say, with a message that names the right one', () => {
    const recertified = { ...certified(), reliedOnAuditTypes: ['recertification' as const] };
    expect(decisionRefusal('renew', { ...recertified, cycleDecision: 'renew' })).toBeNull();
    expect(message('restore', { ...recertified, cycleDecision: 'renew' })).toContain(
      'Choose Renew',
    );
    expect(message('renew', { ...recertified, cycleDecision: 'restore' })).toContain(
      'Choose Restore',
    );
    expect(decisionRefusal('restore', { ...recertified, cycleDecision: 'restore' })).toBeNull();
    expect(message('renew', { ...recertified, cycleDecision: 'grant' })).toContain(
      'No recertification audit of cycle 1 is completed yet',
    );
    expect(message('renew', facts())).toContain('has no certification to renew');
    const lapsed = {
      ...recertified,
      cycle: { number: 1, expiryDate: '2028-05-27', standing: 'lapsed' as const },
    };
    expect(message('restore', { ...lapsed, cycleDecision: 'grant' })).toContain(
      '6 months for restoration have passed',
    );
    expect(message('renew', { ...certified('withdrawn'), cycleDecision: 'renew' })).toContain(
      'was withdrawn',
    );
    expect(
      message('grant', {
        ...recertified,
        cycleDecision: 'renew',
        certificate: null,
        clientStatus: 'applicant',
        reliedOnAuditTypes: ['stage2'],
      }),
    ).toContain('Choose Renew');
  });

  it('maintains an active certificate after a surveillance audit', () => {
    expect(
      decisionRefusal('maintain', { ...certified(), reliedOnAuditTypes: ['surveillance'] }),
    ).toBeNull();
    expect(message('maintain', certified())).toContain('no surveillance audit is completed');
    expect(
      message('maintain', { ...certified('suspended'), reliedOnAuditTypes: ['surveillance'] }),
    ).toContain('is suspended: only an active certificate can be maintained');
  });

  it('suspends active, reinstates suspended, withdraws either; nothing on an expired certificate', () => {
    expect(decisionRefusal('suspend', certified())).toBeNull();
    expect(message('suspend', certified('suspended'))).toContain(
      'only an active certificate can be suspended',
    );
    expect(decisionRefusal('reinstate', certified('suspended'))).toBeNull();
    expect(message('reinstate', certified())).toContain(
      'only a suspended certificate can be reinstated',
    );
    expect(decisionRefusal('withdraw', certified())).toBeNull();
    expect(decisionRefusal('withdraw', certified('suspended'))).toBeNull();
    expect(message('withdraw', certified('expired'))).toContain('is expired');
    expect(message('suspend', facts())).toContain('holds no certification that can be suspended');
  });

  it('changes the scope of a certificate issued here, to a different scope', () => {
    expect(decisionRefusal('extendScope', certified())).toBeNull();
    expect(message('extendScope', certified('suspended'))).toContain('only an active certificate');
    expect(decisionRefusal('reduceScope', certified('suspended'))).toBeNull();
    expect(
      message(
        'reduceScope',
        facts({
          clientStatus: 'certified',
          cycle: { number: 1, expiryDate: '2027-01-01', standing: 'active' },
        }),
      ),
    ).toContain('No certificate of Lumen Analytics GmbH has been issued in Audit Desk');
    expect(scopeRefusal('extendScope', certified(), '')).toMatchObject({ field: 'scopeText' });
    expect(scopeRefusal('extendScope', certified(), ` ${scope} `)?.message).toContain(
      'write the extended scope',
    );
    expect(scopeRefusal('reduceScope', certified(), 'Credit scoring only.')).toBeNull();
    expect(scopeRefusal('grant', certified(), '')).toBeNull();
  });

  it('refuses after a Stage 2 or recertification only', () => {
    expect(decisionRefusal('refuse', facts())).toBeNull();
    expect(
      decisionRefusal('refuse', { ...certified(), reliedOnAuditTypes: ['recertification'] }),
    ).toBeNull();
    expect(message('refuse', { ...certified(), reliedOnAuditTypes: ['surveillance'] })).toContain(
      'concludes a Stage 2 or a recertification audit',
    );
  });

  it('suggests the decision the programme expects next', () => {
    expect(suggestedDecision(facts())).toBe('grant');
    expect(suggestedDecision({ ...certified(), reliedOnAuditTypes: ['surveillance'] })).toBe(
      'maintain',
    );
    expect(
      suggestedDecision({
        ...certified(),
        reliedOnAuditTypes: ['recertification'],
        cycleDecision: 'renew',
      }),
    ).toBe('renew');
    expect(
      suggestedDecision({
        ...certified('expired'),
        reliedOnAuditTypes: ['recertification'],
        cycleDecision: 'restore',
      }),
    ).toBe('restore');
    expect(suggestedDecision(certified('suspended'))).toBe('reinstate');
  });
});
