import { expect } from 'vitest';
import type { ClientStatus } from '../../shared/clients/schema';
import { nextEvents } from '../../shared/programme/next-event';
import type {
  AuditRecord,
  ClientRecord,
  CycleRecord,
  ProgrammeRecords,
} from '../../shared/programme/programme-records';

/** Small records for the programme rules' tests. */

let ids = 0;

export const client = (status: ClientStatus, reference = `C-${++ids}`): ClientRecord => ({
  id: `client-${reference}`,
  reference,
  legalName: `${reference} Ltd`,
  country: 'DE',
  status,
});

export const cycle = (
  c: ClientRecord,
  decisionDate: string,
  extra: Partial<CycleRecord> = {},
): CycleRecord => ({
  clientId: c.id,
  cycleNumber: 1,
  decisionDate,
  previousExpiryDate: null,
  previousAuditDate: null,
  recertificationDecisionDate: null,
  ...extra,
});

export const audit = (
  c: ClientRecord,
  type: string,
  plannedStart: string,
  plannedEnd: string,
  state = 'completed',
  extra: Partial<AuditRecord> = {},
): AuditRecord => ({
  id: `audit-${++ids}`,
  clientId: c.id,
  type,
  cycleNumber: 1,
  state,
  plannedStart,
  plannedEnd,
  completedOn: state === 'completed' ? plannedEnd : null,
  ...extra,
});

/** The one event of records holding one client in the programme. */
export function only(records: Partial<ProgrammeRecords> & { today: string }) {
  const events = nextEvents({ clients: [], cycles: [], audits: [], team: [], ...records });
  expect(events).toHaveLength(1);
  const [event] = events;
  if (!event) throw new Error('unreachable');
  return event;
}
