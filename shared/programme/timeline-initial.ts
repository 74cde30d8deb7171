/**
 * Before the first certification decision, the timeline's Stage 1, Stage 2 and decision take the
 * state, due date and consequence the programme dashboard gives the same client on the same day
 * (one rule, in next-event-initial), so the two never disagree.
 */
import type { AuditSummary } from './audit-schema';
import { initialEvent } from './next-event-initial';
import type { AuditRecord } from './programme-records';
import type { TimelineItem, TimelineKey } from './timeline';

const itemOfEvent: Partial<Record<string, TimelineKey>> = {
  stage1: 'stage1',
  stage2: 'stage2',
  certificationDecision: 'decision',
};

const asRecord = (a: AuditSummary): AuditRecord => ({
  id: a.id,
  clientId: a.clientId,
  type: a.type,
  cycleNumber: a.cycleNumber,
  state: a.state,
  plannedStart: a.startDate,
  plannedEnd: a.endDate,
  completedOn: a.completedOn,
});

export function withInitialEvent(
  items: TimelineItem[],
  audits: readonly AuditSummary[],
  today: string,
): TimelineItem[] {
  const event = initialEvent(audits.map(asRecord), today);
  const key = itemOfEvent[event.event];
  return items.map((item) =>
    item.key !== key || item.status === 'done'
      ? item
      : {
          ...item,
          status: event.state,
          dueDate: event.dueDate,
          windowStart: event.windowStart,
          windowEnd: event.windowEnd,
          // What lateness means comes first; otherwise the item's own note stays.
          consequence:
            event.state === 'overdue'
              ? (event.consequence ?? item.consequence)
              : (item.consequence ?? event.consequence),
        },
  );
}
