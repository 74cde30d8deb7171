import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveCertificateStatus,
  type CertificateStatusFacts,
} from '../../shared/certificates/status';

const cert = (over: Partial<CertificateStatusFacts> = {}): CertificateStatusFacts => ({
  expiryDate: '2028-05-27',
  replacedOn: null,
  events: [],
  ...over,
});

describe('certificate status derived from decisions and dates', () => {
  it('is active from issue to the expiry date inclusive, expired the day after', () => {
    expect(deriveCertificateStatus(cert(), '2025-05-28')).toBe('active');
    expect(deriveCertificateStatus(cert(), '2028-05-27')).toBe('active');
    expect(deriveCertificateStatus(cert(), '2028-05-28')).toBe('expired');
  });

  it('is suspended by the latest suspension and active again once reinstated', () => {
    const events = [
      { kind: 'suspend' as const, date: '2026-06-01' },
      { kind: 'reinstate' as const, date: '2026-07-01' },
    ];
    expect(deriveCertificateStatus(cert({ events }), '2026-05-31')).toBe('active');
    expect(deriveCertificateStatus(cert({ events }), '2026-06-15')).toBe('suspended');
    expect(deriveCertificateStatus(cert({ events }), '2026-07-01')).toBe('active');
  });

  it('expires while suspended: a suspension never extends validity', () => {
    const events = [{ kind: 'suspend' as const, date: '2028-04-01' }];
    expect(deriveCertificateStatus(cert({ events }), '2028-05-28')).toBe('expired');
  });

  it('stays withdrawn, also past its expiry', () => {
    const events = [
      { kind: 'suspend' as const, date: '2026-06-01' },
      { kind: 'withdraw' as const, date: '2026-09-01' },
    ];
    expect(deriveCertificateStatus(cert({ events }), '2026-09-01')).toBe('withdrawn');
    expect(deriveCertificateStatus(cert({ events }), '2030-01-01')).toBe('withdrawn');
  });

  it('counts a replaced certificate as withdrawn from the replacement’s issue date until its own expiry', () => {
    const replaced = cert({ replacedOn: '2028-03-10' });
    expect(deriveCertificateStatus(replaced, '2028-03-09')).toBe('active');
    expect(deriveCertificateStatus(replaced, '2028-03-10')).toBe('withdrawn');
    expect(deriveCertificateStatus(replaced, '2028-05-28')).toBe('expired');
  });

  it('is never active after its expiry date, whatever the decisions', () => {
    const day = fc
      .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const event = fc.record({
      kind: fc.constantFrom('suspend' as const, 'reinstate' as const, 'withdraw' as const),
      date: day,
    });
    fc.assert(
      fc.property(
        day,
        fc.option(day, { nil: null }),
        fc.array(event, { maxLength: 5 }),
        day,
        (expiry, replacedOn, events, today) => {
          const status = deriveCertificateStatus({ expiryDate: expiry, replacedOn, events }, today);
          if (today > expiry) expect(status === 'expired' || status === 'withdrawn').toBe(true);
          if (events.some((e) => e.kind === 'withdraw' && e.date <= today))
            expect(status).toBe('withdrawn');
        },
      ),
    );
  });
});
