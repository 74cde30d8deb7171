/**
 * The decision gates G1–G6 of reference/nonconformities.md section 5, as one function that the
 * certification decision and the report issue both call. It returns every unmet gate with the
 * findings behind it, so the message can say exactly what would unblock the decision.
 */
import { addCalendarMonths, type CalendarDay } from '../cycle/dates';
import { STAGE2_HARD_LIMIT_MONTHS } from './deadlines';
import { decisionKinds, type DecisionKind } from './decisions';
import type { FindingGrade, FindingState } from './schema';

export { decisionKinds, type DecisionKind };

/** Decisions G1 and G2 guard (section 5: grant, recertify, restore, extend scope, reinstate). */
export const positiveDecisions: readonly DecisionKind[] = [
  'grant',
  'renew',
  'restore',
  'extendScope',
  'reinstate',
];

export interface GateAudit {
  id: string;
  type: string;
  /** YYYY-MM-DD: the audit's last day (D0 of its findings). */
  lastDay: CalendarDay;
  teamPersonIds: readonly string[];
}

export interface GateFinding {
  id: string;
  auditId: string;
  grade: FindingGrade | null;
  state: FindingState;
  /** When effectiveness was verified, if it was. */
  verifiedOn: CalendarDay | null;
}

export interface GateInput {
  decision: DecisionKind;
  decisionDate: CalendarDay;
  decisionMakerId: string;
  /** The audits the decision relies on. */
  audits: readonly GateAudit[];
  findings: readonly GateFinding[];
  /** The certificate's expiry, for a renewal (G4). */
  expiryDate: CalendarDay | null;
}

export type GateId = 'G1' | 'G2' | 'G3' | 'G4' | 'G5';

export interface UnmetGate {
  gate: GateId;
  message: string;
  findingIds: string[];
}

const doneMajor: readonly FindingState[] = ['verified', 'closed'];
const acceptedMinor: readonly FindingState[] = ['responseAccepted', 'verified', 'closed'];
/** G6: these never block (an escalated minor's major does, through its own record). */
const neverBlocks: readonly FindingState[] = ['cancelled', 'escalated'];

function list(ids: readonly string[]): string {
  return ids.length === 1 ? `finding ${ids[0]}` : `findings ${ids.join(', ')}`;
}

/** Every unmet gate for this decision; an empty list means the findings allow it. */
export function unmetGates(input: GateInput): UnmetGate[] {
  const unmet: UnmetGate[] = [];
  const auditIds = new Set(input.audits.map((a) => a.id));
  const relevant = input.findings.filter(
    (f) => auditIds.has(f.auditId) && f.grade !== 'ofi' && !neverBlocks.includes(f.state),
  );
  const positive = positiveDecisions.includes(input.decision);

  if (positive) {
    const majors = relevant.filter((f) => f.grade === 'major' && !doneMajor.includes(f.state));
    if (majors.length > 0) {
      unmet.push({
        gate: 'G1',
        message: `A major nonconformity is not verified (${list(majors.map((f) => f.id))}): verify its corrections and corrective actions before this decision (ISO/IEC 17021-1 9.5.2).`,
        findingIds: majors.map((f) => f.id),
      });
    }
    const minors = relevant.filter((f) => f.grade === 'minor' && !acceptedMinor.includes(f.state));
    if (minors.length > 0) {
      unmet.push({
        gate: 'G2',
        message: `A minor nonconformity has no accepted corrective-action plan (${list(minors.map((f) => f.id))}): review and accept the client’s response first (ISO/IEC 17021-1 9.5.2).`,
        findingIds: minors.map((f) => f.id),
      });
    }
  }

  if (input.decision === 'grant') {
    const late: string[] = [];
    let limit: CalendarDay | null = null;
    for (const audit of input.audits.filter((a) => a.type === 'stage2')) {
      const hardLimit = addCalendarMonths(audit.lastDay, STAGE2_HARD_LIMIT_MONTHS);
      for (const f of relevant.filter((x) => x.auditId === audit.id && x.grade === 'major')) {
        const verifiedInTime = f.verifiedOn !== null && f.verifiedOn <= hardLimit;
        const pastLimit = (f.verifiedOn ?? input.decisionDate) > hardLimit;
        if (!verifiedInTime && pastLimit) {
          late.push(f.id);
          limit = hardLimit;
        }
      }
    }
    if (late.length > 0) {
      unmet.push({
        gate: 'G3',
        message: `A Stage 2 major was not verified within 6 months of the Stage 2 (by ${limit}; ${list(late)}): a new Stage 2 audit is needed before certification (ISO/IEC 17021-1 9.5.3).`,
        findingIds: late,
      });
    }
  }

  if (input.decision === 'renew' && input.expiryDate !== null) {
    const expiry = input.expiryDate;
    const recert = new Set(
      input.audits.filter((a) => a.type === 'recertification').map((a) => a.id),
    );
    const late = relevant
      .filter((f) => recert.has(f.auditId) && f.grade === 'major')
      .filter((f) => f.verifiedOn === null || f.verifiedOn > expiry)
      .map((f) => f.id);
    if (late.length > 0 || input.decisionDate > expiry) {
      const why =
        late.length > 0
          ? `a recertification major is not verified by the expiry date ${expiry} (${list(late)})`
          : `the decision date ${input.decisionDate} is after the expiry date ${expiry}`;
      unmet.push({
        gate: 'G4',
        message: `The certificate cannot be renewed before expiry: ${why}. After expiry the restoration rules of the cycle apply (ISO/IEC 17021-1 9.6.3.2).`,
        findingIds: late,
      });
    }
  }

  const onTeam = input.audits.filter((a) => a.teamPersonIds.includes(input.decisionMakerId));
  if (onTeam.length > 0) {
    unmet.push({
      gate: 'G5',
      message:
        'The decision maker was on the audit team of an audit this decision relies on; someone who was not on the team must decide (ISO/IEC 17021-1 9.5.1).',
      findingIds: [],
    });
  }
  return unmet;
}
