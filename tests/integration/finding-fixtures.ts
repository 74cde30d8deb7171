import path from 'node:path';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeEach } from 'vitest';
import { audits, auditTeamMembers, changeLog, findings } from '../../db/schema';
import {
  createFindingRecord,
  type NewFindingValues,
} from '../../electron/services/finding-lifecycle';
import type { FindingRecord } from '../../electron/services/finding-records';
import type { Client } from '../../shared/clients/schema';
import type { FindingTransitionInput } from '../../shared/findings/schema';
import type { Person, Role } from '../../shared/people/schema';
import type { AuditState, AuditType, TeamRole } from '../../shared/programme/vocabulary';
import {
  sampleClient,
  startApp,
  succeed,
  temporaryFolder,
  tickingClock,
  type TestApp,
} from './helpers';

/** The cast of every findings test: who raises, grades, reviews and decides. */
export interface Cast {
  admin: Person;
  lead: Person;
  auditor: Person;
  decider: Person;
}

interface Bed extends Cast {
  app: TestApp;
  client: Client;
}

/**
 * A fresh database per test with an administrator, a lead auditor, an auditor and a decision
 * maker, and the Lumen client; the clock reads `clock` (default 2026-10-01, so the worked
 * examples of nonconformities.md up to September 2026 lie in the past), or is the clock given. Audits are inserted
 * straight in the database with their team: planning rules are tested elsewhere.
 */
export function findingTestBed(
  name: string,
  clock: string | (() => Date) = '2026-10-01T09:00:00.000Z',
) {
  const root = temporaryFolder(name);
  let counter = 0;
  const bed = {} as Bed;
  beforeEach(async () => {
    bed.app?.runtime.close();
    bed.app = await startApp(path.join(root, `db-${++counter}.sqlite`), {
      now: typeof clock === 'string' ? tickingClock(clock) : clock,
    });
    bed.admin = await succeed(bed.app, 'setupFirstPerson', {
      name: 'Margaret Okafor',
      email: 'margaret@cb.example',
      roles: ['admin'],
    });
    const person = (name: string, roles: Role[]) =>
      succeed(bed.app, 'createPerson', {
        name,
        email: `${name.split(' ')[0]?.toLowerCase() ?? 'x'}@cb.example`,
        roles,
      });
    bed.lead = await person('Lena Lead', ['lead_auditor', 'auditor']);
    bed.auditor = await person('Aaron Auditor', ['auditor']);
    bed.decider = await person('Dora Decider', ['decision_maker']);
    bed.client = await succeed(bed.app, 'createClient', sampleClient());
  });

  const db = () => bed.app.runtime.database.db;

  async function as(person: Person): Promise<void> {
    await succeed(bed.app, 'signIn', { personId: person.id });
  }

  function addToTeam(auditId: string, personId: string, role: TeamRole): void {
    const at = '2025-01-01T00:00:00.000Z';
    db()
      .insert(auditTeamMembers)
      .values({
        id: uuidv7(),
        auditId,
        personId,
        role,
        overriddenChecks: [],
        overrideReason: null,
        createdAt: at,
        updatedAt: at,
      })
      .run();
  }

  /**
   * An audit of Lumen held from `start` to `end` (completed on `end` unless another state is
   * given), with Lena leading and Aaron auditing unless another team is given.
   */
  function audit(
    type: AuditType,
    start: string,
    end: string,
    over: {
      state?: AuditState;
      cycle?: number;
      clientId?: string;
      team?: [Person, TeamRole][];
    } = {},
  ): string {
    const id = uuidv7();
    const state = over.state ?? 'completed';
    const at = `${start}T00:00:00.000Z`;
    db()
      .insert(audits)
      .values({
        id,
        clientId: over.clientId ?? bed.client.id,
        type,
        cycleNumber: over.cycle ?? 1,
        state,
        plannedStart: start,
        plannedEnd: end,
        onsiteDays: 2,
        completedOn: state === 'completed' ? end : null,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    const team = over.team ?? [
      [bed.lead, 'lead_auditor'],
      [bed.auditor, 'auditor'],
    ];
    for (const [person, role] of team) addToTeam(id, person.id, role);
    return id;
  }

  /** Raises a finding through the service function raiseFinding and escalation share. */
  function raise(values: Partial<NewFindingValues> & { auditId: string }): FindingRecord {
    const ctx = bed.app.runtime.context();
    const at = ctx.now().toISOString();
    return ctx.db.transaction((tx) =>
      createFindingRecord(
        ctx,
        tx,
        {
          checklistItemId: null,
          siteId: null,
          requirementRef: 'ISO/IEC 42001:2023 6.1.4',
          grade: 'major',
          gradeRationale: 'Two in-scope AI systems were never assessed for their impact.',
          statement: 'No AI system impact assessment was performed for 2 in-scope AI systems.',
          objectiveEvidence: 'AI system register v3; interview with the AI governance lead.',
          raisedBy: bed.auditor.id,
          raisedOn: '2025-03-14',
          ...values,
        },
        at.slice(0, 10),
        at,
      ),
    );
  }

  function row(id: string): FindingRecord {
    const found = db().select().from(findings).where(eq(findings.id, id)).get();
    if (!found) throw new Error(`finding ${id} not found`);
    return found;
  }

  function changes(entityId: string) {
    return db()
      .select()
      .from(changeLog)
      .where(eq(changeLog.entityId, entityId))
      .all()
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  }

  /** findingTransition as the given person; returns the finding detail. */
  async function step(person: Person, input: FindingTransitionInput) {
    await as(person);
    return succeed(bed.app, 'findingTransition', input);
  }

  const response = {
    correction: 'Impact assessments started for both systems.',
    rootCause: 'No owner was named for impact assessments when the systems were introduced.',
    correctiveAction: 'The AI governance lead owns the procedure; the release gate checks it.',
  };

  return { bed, db, as, addToTeam, audit, raise, row, changes, step, response };
}
