import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientStatuses, type ClientStatus } from '../../shared/clients/schema';
import { addCalendarDays, computeCycle, parseCycleInput } from '../../shared/cycle';
import { byUrgency, nextEvents, programmeCounts } from '../../shared/programme/next-event';
import type {
  AuditRecord,
  ClientRecord,
  CycleRecord,
  ProgrammeRecords,
} from '../../shared/programme/programme-records';
import { auditStates, auditTypes } from '../../shared/programme/vocabulary';

const firstDay = '2020-01-01';
/** A calendar day up to ~11 years after 2020-01-01. */
const day = fc.integer({ min: 0, max: 4000 }).map((n) => addCalendarDays(firstDay, n));

const auditArb = fc.record({
  type: fc.constantFrom(...auditTypes),
  state: fc.constantFrom(...auditStates),
  start: day,
  length: fc.integer({ min: 0, max: 4 }),
  cycleNumber: fc.integer({ min: 1, max: 3 }),
});

const clientArb = fc.record({
  status: fc.constantFrom(...clientStatuses),
  decisions: fc.array(day, { maxLength: 2 }),
  audits: fc.array(auditArb, { maxLength: 6 }),
});

const recordsArb = fc
  .record({ today: day, clients: fc.array(clientArb, { maxLength: 25 }) })
  .map(({ today, clients }): ProgrammeRecords => {
    const clientRecords: ClientRecord[] = [];
    const cycles: CycleRecord[] = [];
    const audits: AuditRecord[] = [];
    clients.forEach((spec, i) => {
      const id = `client-${i}`;
      clientRecords.push({
        id,
        reference: `C-${String(i).padStart(4, '0')}`,
        legalName: `Client ${i}`,
        country: 'DE',
        status: spec.status,
      });
      [...spec.decisions].sort().forEach((decisionDate, n) =>
        cycles.push({
          clientId: id,
          cycleNumber: n + 1,
          decisionDate,
          previousExpiryDate: null,
          previousAuditDate: null,
          recertificationDecisionDate: null,
        }),
      );
      spec.audits.forEach((a, n) => {
        const end = addCalendarDays(a.start, a.length);
        audits.push({
          id: `audit-${i}-${n}`,
          clientId: id,
          type: a.type,
          cycleNumber: a.cycleNumber,
          state: a.state,
          plannedStart: a.start,
          plannedEnd: end,
          completedOn: a.state === 'completed' ? end : null,
        });
      });
    });
    return { today, clients: clientRecords, cycles, audits, team: [] };
  });

const inProgramme: readonly ClientStatus[] = ['applicant', 'certified', 'suspended'];

describe('the programme, for any records', () => {
  it('lists every applicant, certified and suspended client exactly once, and nobody else', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const listed = nextEvents(records).map((e) => e.clientId);
        const expected = records.clients
          .filter((c) => inProgramme.includes(c.status))
          .map((c) => c.id);
        expect([...listed].sort()).toEqual([...expected].sort());
      }),
    );
  });

  it('is sorted by urgency: overdue, then due, then planned, each by due date', () => {
    const rank = { overdue: 0, due: 1, planned: 2 };
    fc.assert(
      fc.property(recordsArb, (records) => {
        const events = nextEvents(records);
        for (let i = 1; i < events.length; i++) {
          const [a, b] = [events[i - 1], events[i]];
          if (!a || !b) continue;
          expect(byUrgency(a, b)).toBeLessThanOrEqual(0);
          expect(rank[a.state]).toBeLessThanOrEqual(rank[b.state]);
          if (a.state === b.state && b.dueDate !== null) {
            expect(a.dueDate).not.toBeNull();
            expect((a.dueDate ?? '') <= b.dueDate).toBe(true);
          }
        }
      }),
    );
  });

  it('puts every due date inside its window and counts every event once', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const events = nextEvents(records);
        for (const e of events) {
          if (e.dueDate === null || e.windowStart === null || e.windowEnd === null) continue;
          expect(e.windowStart <= e.dueDate && e.dueDate <= e.windowEnd).toBe(true);
        }
        const counts = programmeCounts(events, records.audits, records.today);
        expect(counts.overdue + counts.due + counts.planned).toBe(events.length);
      }),
    );
  });

  it('gives a certified client with no audits yet the state of surveillance 1 or restoration', () => {
    fc.assert(
      fc.property(day, day, (decisionDate, today) => {
        fc.pre(decisionDate <= today);
        const parsed = parseCycleInput({ decisionDate, today });
        if (!parsed.ok) return;
        const cycle = computeCycle(parsed.value);
        const records: ProgrammeRecords = {
          today,
          clients: [
            { id: 'c', reference: 'C', legalName: 'C', country: 'DE', status: 'certified' },
          ],
          cycles: [
            {
              clientId: 'c',
              cycleNumber: 1,
              decisionDate,
              previousExpiryDate: null,
              previousAuditDate: null,
              recertificationDecisionDate: null,
            },
          ],
          audits: [],
          team: [],
        };
        const [event] = nextEvents(records);
        const expired = today > cycle.expiryDate;
        expect(event?.event).toBe(expired ? 'restoration' : 'surveillance1');
        expect(event?.state).toBe(expired ? 'overdue' : cycle.surveillance1.status);
        expect(event?.certificateStatus).toBe(cycle.certificateStatus);
        if (event?.state === 'overdue' && !expired) {
          expect(event.consequence).toMatch(/suspension to be considered/);
        }
      }),
    );
  });
});
