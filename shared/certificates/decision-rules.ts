/**
 * Which certification decision may be taken, given the client's certificate, its cycle and the
 * audits the decision relies on (ISO/IEC 17021-1 9.5, 9.6.3, 9.6.4, 9.6.5 and
 * reference/certification-cycle.md). Pure: the service gathers the facts, this says yes or why not.
 * The findings' gates G1–G5 are checked apart (shared/findings/gates.ts).
 */
import type { ClientStatus } from '../clients/schema';
import type { CertificateStatus as CycleStanding } from '../cycle';
import type { DecisionKind } from '../findings/decisions';
import type { AuditType } from '../programme/vocabulary';
import { issuedCertificateStatusLabels, type IssuedCertificateStatus } from './status';

export const decisionKindLabels: Record<DecisionKind, string> = {
  grant: 'Grant certification',
  refuse: 'Refuse certification',
  maintain: 'Maintain certification',
  renew: 'Renew certification',
  suspend: 'Suspend certification',
  withdraw: 'Withdraw certification',
  reduceScope: 'Reduce the scope',
  extendScope: 'Extend the scope',
  restore: 'Restore certification',
  reinstate: 'Reinstate certification',
};

/** When each decision is taken, in a few words. */
export const decisionKindHints: Record<DecisionKind, string> = {
  grant: 'after Stage 2: issues the certificate and starts the 3-year cycle',
  refuse: 'after Stage 2 or recertification: no certificate is issued or renewed',
  maintain: 'after a surveillance audit: the certificate stays as it is',
  renew: 'after the recertification audit, before expiry: a new certificate for the next cycle',
  suspend: 'the certification is temporarily invalid (ISO/IEC 17021-1 9.6.5)',
  withdraw: 'the certification ends (ISO/IEC 17021-1 9.6.5)',
  reduceScope: 'a new certificate with the reduced scope, same expiry',
  extendScope: 'a new certificate with the extended scope, same expiry (9.6.4.1)',
  restore:
    'after expiry, within 6 months, once recertification is completed (9.6.3.2.5): a new certificate',
  reinstate: 'ends a suspension once its cause is resolved',
};

/** Decisions that go through the certification cycle (start one, or close it and open the next). */
export const cycleDecisionKinds: readonly DecisionKind[] = ['grant', 'renew', 'restore'];

/** Decisions that issue a new certificate. */
export const issuingDecisionKinds: readonly DecisionKind[] = [
  'grant',
  'renew',
  'restore',
  'reduceScope',
  'extendScope',
];

/** Decisions that state a new scope of certification. */
export const scopeDecisionKinds: readonly DecisionKind[] = ['reduceScope', 'extendScope'];

/** The client's status after each decision that changes it (shared/clients/schema clientStatuses). */
export const clientStatusAfter: Partial<Record<DecisionKind, ClientStatus>> = {
  grant: 'certified',
  renew: 'certified',
  restore: 'certified',
  reinstate: 'certified',
  suspend: 'suspended',
  withdraw: 'withdrawn',
};

export interface DecisionFacts {
  clientName: string;
  clientStatus: ClientStatus;
  /** The client's newest certificate issued here (replaced by none), with its status on the decision date. */
  certificate: {
    number: string;
    status: IssuedCertificateStatus;
    expiryDate: string;
    scopeText: string;
  } | null;
  /** The newest certification cycle, and its standing under the cycle rules before this decision. */
  cycle: { number: number; expiryDate: string; standing: CycleStanding } | null;
  /**
   * What a certification decision on that date amounts to under the cycle rules (B3 step 7): grant
   * (no cycle yet, or none running), renew (recertification audit held, before expiry), restore.
   */
  cycleDecision: 'grant' | 'renew' | 'restore';
  /** Types of the completed audits the decision relies on. */
  reliedOnAuditTypes: readonly AuditType[];
}

export interface DecisionRefusal {
  field: 'kind' | 'scopeText';
  message: string;
}

const refuse = (message: string): DecisionRefusal => ({ field: 'kind', message });
const label = (status: IssuedCertificateStatus) =>
  issuedCertificateStatusLabels[status].toLowerCase();

function certifiedNow(facts: DecisionFacts): boolean {
  if (facts.certificate) return ['active', 'suspended'].includes(facts.certificate.status);
  return (
    facts.cycle !== null &&
    ['certified', 'suspended'].includes(facts.clientStatus) &&
    ['active', 'suspensionRequired'].includes(facts.cycle.standing)
  );
}

function cycleRefusal(
  kind: 'grant' | 'renew' | 'restore',
  facts: DecisionFacts,
): DecisionRefusal | null {
  const { clientName, cycle, certificate } = facts;
  if (kind === 'grant') {
    if (certifiedNow(facts)) {
      const what = certificate
        ? `holds certificate ${certificate.number} (${label(certificate.status)}) until ${certificate.expiryDate}`
        : `is certified in cycle ${cycle?.number ?? 1} until ${cycle?.expiryDate ?? '—'}`;
      return refuse(
        `${clientName} ${what}: a grant starts a new certification. After the recertification audit choose Renew; to change what the certificate covers, Extend or Reduce the scope.`,
      );
    }
    if (facts.cycleDecision === 'restore') {
      return refuse(
        `The certificate expired on ${cycle?.expiryDate ?? '—'} and the recertification audit is completed: within 6 months of expiry the decision restores certification (ISO/IEC 17021-1 9.6.3.2.5). Choose Restore.`,
      );
    }
    if (facts.cycleDecision === 'renew') {
      return refuse(
        `The recertification audit of cycle ${cycle?.number ?? 1} is completed: the decision on it renews certification (ISO/IEC 17021-1 9.6.3). Choose Renew.`,
      );
    }
    if (!facts.reliedOnAuditTypes.includes('stage2')) {
      return refuse(
        'A grant rests on a completed Stage 2 audit held since the last decision, and none is completed yet (ISO/IEC 17021-1 9.5). Complete the Stage 2 audit first.',
      );
    }
    return null;
  }
  if (cycle === null) {
    return refuse(
      `${clientName} has no certification to ${kind}: a first certification is a Grant after Stage 2.`,
    );
  }
  if (certificate?.status === 'withdrawn') {
    return refuse(
      `Certificate ${certificate.number} was withdrawn: certification starts again with a new Stage 2 and a Grant.`,
    );
  }
  if (facts.cycleDecision === 'grant') {
    return refuse(
      cycle.standing === 'lapsed'
        ? `The certificate expired on ${cycle.expiryDate} and the 6 months for restoration have passed: certification starts again with a Stage 2 and a Grant (ISO/IEC 17021-1 9.6.3.2.5).`
        : `No recertification audit of cycle ${cycle.number} is completed yet: a ${kind === 'renew' ? 'renewal' : 'restoration'} rests on it (ISO/IEC 17021-1 9.6.3).`,
    );
  }
  if (kind === 'renew' && facts.cycleDecision === 'restore') {
    return refuse(
      `The certificate expired on ${cycle.expiryDate}: a decision after expiry restores certification (ISO/IEC 17021-1 9.6.3.2.5). Choose Restore.`,
    );
  }
  if (kind === 'restore' && facts.cycleDecision === 'renew') {
    return refuse(
      `The certificate is valid until ${cycle.expiryDate}: a decision before expiry renews it. Choose Renew.`,
    );
  }
  return null;
}

function statusRefusal(
  kind: DecisionKind,
  facts: DecisionFacts,
  allowed: readonly IssuedCertificateStatus[],
  clientAllowed: readonly ClientStatus[],
  doing: string,
): DecisionRefusal | null {
  const { certificate } = facts;
  if (certificate) {
    if (allowed.includes(certificate.status)) return null;
    const which = allowed.map((s) => label(s)).join(' or ');
    const article = /^[aeiou]/.test(which) ? 'an' : 'a';
    return refuse(
      `Certificate ${certificate.number} is ${label(certificate.status)}: only ${article} ${which} certificate can ${doing}.`,
    );
  }
  if (['reduceScope', 'extendScope'].includes(kind)) {
    return refuse(
      `No certificate of ${facts.clientName} has been issued in Audit Desk, so there is none to ${doing}: it is issued by a Grant or a Renewal here.`,
    );
  }
  if (facts.cycle !== null && clientAllowed.includes(facts.clientStatus)) return null;
  return refuse(`${facts.clientName} holds no certification that can ${doing}.`);
}

/** Why this decision cannot be taken now, or null when its preconditions hold. */
export function decisionRefusal(kind: DecisionKind, facts: DecisionFacts): DecisionRefusal | null {
  switch (kind) {
    case 'grant':
    case 'renew':
    case 'restore':
      return cycleRefusal(kind, facts);
    case 'refuse':
      return facts.reliedOnAuditTypes.some((t) => t === 'stage2' || t === 'recertification')
        ? null
        : refuse(
            'A refusal concludes a Stage 2 or a recertification audit, and none is completed since the last decision.',
          );
    case 'maintain': {
      const status = statusRefusal(kind, facts, ['active'], ['certified'], 'be maintained');
      if (status) return status;
      return facts.reliedOnAuditTypes.includes('surveillance')
        ? null
        : refuse(
            'A maintain decision follows a surveillance audit, and no surveillance audit is completed since the last decision.',
          );
    }
    case 'suspend':
      return statusRefusal(kind, facts, ['active'], ['certified'], 'be suspended');
    case 'reinstate':
      return statusRefusal(kind, facts, ['suspended'], ['suspended'], 'be reinstated');
    case 'withdraw':
      return statusRefusal(
        kind,
        facts,
        ['active', 'suspended'],
        ['certified', 'suspended'],
        'be withdrawn',
      );
    case 'reduceScope':
      return statusRefusal(kind, facts, ['active', 'suspended'], [], 'have its scope reduced');
    case 'extendScope':
      return statusRefusal(kind, facts, ['active'], [], 'have its scope extended');
  }
}

/** A scope change must state a scope that differs from the certificate's. */
export function scopeRefusal(
  kind: DecisionKind,
  facts: DecisionFacts,
  scopeText: string,
): DecisionRefusal | null {
  if (!scopeDecisionKinds.includes(kind)) return null;
  if (scopeText.trim() === '') {
    return { field: 'scopeText', message: 'Enter the new scope of certification.' };
  }
  if (facts.certificate && scopeText.trim() === facts.certificate.scopeText.trim()) {
    return {
      field: 'scopeText',
      message: `This is the scope of certificate ${facts.certificate.number} already: write the ${kind === 'reduceScope' ? 'reduced' : 'extended'} scope.`,
    };
  }
  return null;
}

/** The decision the screen suggests first: the one the programme expects next. */
export function suggestedDecision(facts: DecisionFacts): DecisionKind {
  const order: DecisionKind[] = [];
  if (facts.reliedOnAuditTypes.includes('recertification'))
    order.push(facts.cycleDecision === 'restore' ? 'restore' : 'renew');
  if (facts.reliedOnAuditTypes.includes('stage2')) order.push('grant');
  if (facts.reliedOnAuditTypes.includes('surveillance')) order.push('maintain');
  if (facts.certificate?.status === 'suspended') order.push('reinstate');
  order.push('grant', 'maintain', 'suspend', 'withdraw');
  return order.find((kind) => decisionRefusal(kind, facts) === null) ?? 'grant';
}
