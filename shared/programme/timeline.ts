/**
 * The 3-year programme as one line of events (ISO/IEC 17021-1 9.1.3): Stage 1, Stage 2, the
 * certification decision, surveillance 1 and 2, recertification and expiry, each with its due
 * date, window, state, the audits planned for it, and what lateness means.
 */
import type {
  AuditStatus,
  AuditTiming,
  CertificateStatus,
  CycleOutput,
  SurveillanceAudit,
} from '../cycle';
import { addCalendarMonths } from '../cycle';
import type { AuditSummary } from './audit-schema';
import { withInitialEvent } from './timeline-initial';
import type { CertificationCycle } from './programme';
import type { AuditType } from './vocabulary';

export const timelineKeys = [
  'stage1',
  'stage2',
  'decision',
  'surveillance1',
  'surveillance2',
  'recertification',
  'expiry',
] as const;
export type TimelineKey = (typeof timelineKeys)[number];

export interface TimelineAudit {
  id: string;
  state: AuditSummary['state'];
  startDate: string;
  endDate: string;
  completedOn: string | null;
}

export interface TimelineItem {
  key: TimelineKey;
  label: string;
  /** The audit type that fulfils this event; null for the decision and the expiry. */
  auditType: AuditType | null;
  cycleNumber: number;
  dueDate: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  /** planned | due | overdue | done, as in the cycle rules; null when nothing is known yet. */
  status: AuditStatus | null;
  doneDate: string | null;
  timing: AuditTiming | null;
  audits: TimelineAudit[];
  /** What follows from lateness or early completion, in plain words with the clause. */
  consequence: string | null;
  /** Whether "Plan audit" is offered: an audit event not done and with no audit under way. */
  canPlan: boolean;
}

interface TimelineSource {
  today: string;
  cycle: CertificationCycle | null;
  output: CycleOutput | null;
  audits: readonly AuditSummary[];
}

const asTimelineAudit = (a: AuditSummary): TimelineAudit => ({
  id: a.id,
  state: a.state,
  startDate: a.startDate,
  endDate: a.endDate,
  completedOn: a.completedOn,
});

/** Audits of a type in a cycle, cancelled ones left out, in the order they were (or will be) held. */
function auditsOf(audits: readonly AuditSummary[], type: AuditType, cycleNumber: number) {
  return audits
    .filter((a) => a.type === type && a.cycleNumber === cycleNumber && a.state !== 'cancelled')
    .sort((a, b) => (a.completedOn ?? a.startDate).localeCompare(b.completedOn ?? b.startDate));
}

function item(
  key: TimelineKey,
  label: string,
  auditType: AuditType | null,
  cycleNumber: number,
  fields: Partial<TimelineItem>,
): TimelineItem {
  const base: TimelineItem = {
    key,
    label,
    auditType,
    cycleNumber,
    dueDate: null,
    windowStart: null,
    windowEnd: null,
    status: null,
    doneDate: null,
    timing: null,
    audits: [],
    consequence: null,
    canPlan: false,
    ...fields,
  };
  const underWay = base.audits.some((a) => a.state !== 'completed');
  return { ...base, canPlan: auditType !== null && base.status !== 'done' && !underWay };
}

function timingNote(timing: AuditTiming | null, doneDate: string | null, windowEnd: string) {
  if (timing === 'late') {
    return `Held on ${doneDate ?? '—'}, after its window closed on ${windowEnd}.`;
  }
  if (timing === 'early') {
    return `Held on ${doneDate ?? '—'}, before its window opened: the next audit is due within 12 months of it (9.1.3).`;
  }
  return null;
}

function surveillanceItem(
  key: 'surveillance1' | 'surveillance2',
  audit: SurveillanceAudit,
  linked: AuditSummary | undefined,
  cycleNumber: number,
): TimelineItem {
  const consequence =
    audit.status === 'overdue'
      ? `Overdue since ${audit.dueDate}: surveillance was not carried out at the required frequency. Suspension is to be considered by a certification decision maker (ISO/IEC 17021-1 9.6.5.2).`
      : timingNote(audit.timing, audit.doneDate, audit.windowEnd);
  return item(
    key,
    key === 'surveillance1' ? 'Surveillance 1' : 'Surveillance 2',
    'surveillance',
    cycleNumber,
    {
      dueDate: audit.dueDate,
      windowStart: audit.windowStart,
      windowEnd: audit.windowEnd,
      status: audit.status,
      doneDate: audit.doneDate,
      timing: audit.timing,
      audits: linked ? [asTimelineAudit(linked)] : [],
      consequence,
    },
  );
}

/** Stage 1 and Stage 2 have no due date: they come before the cycle starts (9.3.1). */
function stageItems(source: TimelineSource, cycleNumber: number): TimelineItem[] {
  const stage1 = auditsOf(source.audits, 'stage1', cycleNumber);
  const stage2 = auditsOf(source.audits, 'stage2', cycleNumber);
  const certified = source.cycle !== null;
  const stage1Done = stage1.find((a) => a.state === 'completed');
  const stage2Done = stage2.find((a) => a.state === 'completed');
  const before = 'Certified before its audits were recorded in Audit Desk.';
  const firstStage2 = stage2[0];
  let gap: string | null = null;
  if (stage1Done?.completedOn && firstStage2) {
    // B4: no fixed maximum, but past 6 months the CB justifies or repeats Stage 1 (9.3.1.2.4).
    const limit = addCalendarMonths(stage1Done.completedOn, 6);
    if (firstStage2.startDate > limit) {
      gap = `Stage 2 starts more than 6 months after Stage 1 ended (${stage1Done.completedOn}): record why Stage 1 is still valid, or repeat it (ISO/IEC 17021-1 9.3.1.2.4).`;
    }
  }
  return [
    item('stage1', 'Stage 1', 'stage1', cycleNumber, {
      status: stage1Done || certified ? 'done' : 'due',
      doneDate: stage1Done?.completedOn ?? null,
      audits: stage1.map(asTimelineAudit),
      consequence: certified && !stage1Done ? before : null,
    }),
    item('stage2', 'Stage 2', 'stage2', cycleNumber, {
      status: stage2Done || certified ? 'done' : stage1Done ? 'due' : 'planned',
      doneDate: stage2Done?.completedOn ?? null,
      audits: stage2.map(asTimelineAudit),
      consequence: gap ?? (certified && !stage2Done ? before : null),
    }),
  ];
}

function cycleItems(
  source: TimelineSource,
  cycle: CertificationCycle,
  output: CycleOutput,
): TimelineItem[] {
  const n = cycle.cycleNumber;
  const surveillances = auditsOf(source.audits, 'surveillance', n);
  const recertifications = auditsOf(source.audits, 'recertification', n);
  const { recertification: recert, expiryDate, restorationDeadline } = output;
  const recertConsequence =
    recert.status === 'overdue'
      ? `The recertification audit was due by ${recert.auditDueDate}. The certificate expires on ${expiryDate}; after that, certification can only be restored until ${restorationDeadline} (ISO/IEC 17021-1 9.6.3.2.5).`
      : recert.status === 'due' && recert.auditDate !== null
        ? `Audit held on ${recert.auditDate}; the recertification decision is due by ${recert.decisionDeadline}.`
        : timingNote(recert.auditTiming, recert.auditDate, recert.windowEnd);
  const renewed = cycle.recertificationDecisionDate !== null;
  const expiryStatus: AuditStatus = renewed
    ? 'done'
    : source.today > expiryDate
      ? 'overdue'
      : source.today >= recert.windowStart
        ? 'due'
        : 'planned';
  return [
    item(
      'decision',
      n === 1 ? 'Certification decision' : `Recertification decision (cycle ${n})`,
      null,
      n,
      {
        dueDate: cycle.decisionDate,
        status: 'done',
        doneDate: cycle.decisionDate,
      },
    ),
    surveillanceItem('surveillance1', output.surveillance1, surveillances[0], n),
    surveillanceItem('surveillance2', output.surveillance2, surveillances[1], n),
    item('recertification', 'Recertification', 'recertification', n, {
      dueDate: recert.auditDueDate,
      windowStart: recert.windowStart,
      windowEnd: recert.windowEnd,
      status: recert.status,
      doneDate: recert.auditDate,
      timing: recert.auditTiming,
      audits: recertifications.map(asTimelineAudit),
      consequence: recertConsequence,
    }),
    item('expiry', 'Certificate expiry', null, n, {
      dueDate: expiryDate,
      status: expiryStatus,
      doneDate: renewed ? cycle.recertificationDecisionDate : null,
      consequence: standingMessage(output.certificateStatus, output, 'expiry'),
    }),
  ];
}

/**
 * What the certificate's standing means, in words (certification-cycle B3 step 7). With
 * `for: 'expiry'` only the messages about expiry itself are returned.
 */
export function standingMessage(
  status: CertificateStatus,
  output: CycleOutput,
  forItem: 'expiry' | 'programme' = 'programme',
): string | null {
  const { expiryDate, restorationDeadline, nextCycle } = output;
  switch (status) {
    case 'renewed':
    case 'restored':
      return nextCycle
        ? `${status === 'renewed' ? 'Renewed' : 'Restored'} on ${nextCycle.certificateEffectiveDate}: the next cycle runs from ${nextCycle.cycleStartDate} to ${nextCycle.expiryDate}.`
        : null;
    case 'newCycle':
      return nextCycle
        ? `Certified afresh on ${nextCycle.cycleStartDate}, too late to restore: a new cycle runs to ${nextCycle.expiryDate}.`
        : null;
    case 'expiredRestorable':
      return `Expired on ${expiryDate}: the client is not certified. Certification can be restored until ${restorationDeadline} once the recertification audit is completed and a decision taken (ISO/IEC 17021-1 9.6.3.2.5).`;
    case 'lapsed':
      return `The restoration period ended on ${restorationDeadline}: a new certification needs at least a Stage 2 audit.`;
    case 'suspensionRequired':
      return forItem === 'expiry'
        ? null
        : 'An audit is overdue: suspension is to be considered by a certification decision maker, who suspends or records why not (ISO/IEC 17021-1 9.6.5.2). Audit Desk never suspends by itself.';
    case 'active':
      return forItem === 'expiry'
        ? null
        : `Certified; the certificate is valid until ${expiryDate}.`;
  }
}

/** The timeline of the newest cycle, or of the initial audits while there is no cycle yet. */
export function programmeTimeline(source: TimelineSource): TimelineItem[] {
  const { cycle, output } = source;
  if (cycle === null || output === null) {
    const stages = stageItems(source, cycle?.cycleNumber ?? 1);
    const items = [
      ...stages,
      item('decision', 'Certification decision', null, 1, {
        status: stages[1]?.status === 'done' ? 'due' : 'planned',
        consequence:
          'Surveillance, recertification and expiry dates follow from the certification decision (ISO/IEC 17021-1 9.1.3).',
      }),
    ];
    return withInitialEvent(items, source.audits, source.today);
  }
  // A continued cycle has no Stage 1 and Stage 2 of its own (9.6.3), unless some were planned.
  const ownStages = source.audits.some(
    (a) => (a.type === 'stage1' || a.type === 'stage2') && a.cycleNumber === cycle.cycleNumber,
  );
  const stages =
    output.cycleType === 'initial' || ownStages ? stageItems(source, cycle.cycleNumber) : [];
  return [...stages, ...cycleItems(source, cycle, output)];
}
