import path from 'node:path';
import { beforeEach } from 'vitest';
import type { Client } from '../../shared/clients/schema';
import type { Person } from '../../shared/people/schema';
import type { CreateAuditInput } from '../../shared/programme/audit-schema';
import { concludeStage1Ready } from './checklist-fixtures';
import {
  sampleClient,
  startApp,
  succeed,
  temporaryFolder,
  tickingClock,
  type TestApp,
} from './helpers';

/**
 * A fresh database per test with an administrator and Lumen (150 persons on a central head office
 * and a lab), the clock reading 2026-03-02; and helpers to plan and complete its audits.
 */
export function auditTestBed(name: string) {
  const root = temporaryFolder(name);
  let counter = 0;
  const bed = {} as { app: TestApp; admin: Person; client: Client };
  beforeEach(async () => {
    bed.app?.runtime.close();
    bed.app = await startApp(path.join(root, `db-${++counter}.sqlite`), { now: tickingClock() });
    bed.admin = await succeed(bed.app, 'setupFirstPerson', {
      name: 'Margaret Okafor',
      email: 'margaret@cb.example',
      roles: ['admin'],
    });
    bed.client = await succeed(
      bed.app,
      'createClient',
      sampleClient({ scope: 'Credit-scoring models for retail lending.' }),
    );
  });

  const central = () => bed.client.sites.find((s) => s.isCentral)?.id ?? '';
  const lab = () => bed.client.sites.find((s) => !s.isCentral)?.id ?? '';

  function plan(overrides: Partial<CreateAuditInput> = {}): CreateAuditInput {
    return {
      clientId: bed.client.id,
      type: 'surveillance',
      cycleNumber: 1,
      startDate: '2026-02-16',
      endDate: '2026-02-17',
      onsiteDays: 3,
      remoteDays: 0,
      siteIds: [central(), lab()],
      criteria: 'ISO/IEC 42001:2023',
      ...overrides,
    };
  }

  async function person(name: string, roles: Person['roles']): Promise<Person> {
    await succeed(bed.app, 'signIn', { personId: bed.admin.id });
    const email = `${name.split(' ')[0]?.toLowerCase() ?? 'x'}@cb.example`;
    return succeed(bed.app, 'createPerson', { name, email, roles });
  }

  /** Plans an audit and takes it through confirmed and in progress to completed. */
  async function completed(overrides: Partial<CreateAuditInput>, completedOn: string) {
    const audit = await succeed(bed.app, 'createAudit', plan(overrides));
    // A held Stage 1 concluded "ready", so a Stage 2 of the cycle may start (the Stage 2 gate).
    if (audit.type === 'stage1') concludeStage1Ready(bed.app, audit.id);
    await succeed(bed.app, 'changeAuditState', { id: audit.id, to: 'confirmed' });
    await succeed(bed.app, 'changeAuditState', { id: audit.id, to: 'in_progress' });
    return succeed(bed.app, 'changeAuditState', { id: audit.id, to: 'completed', completedOn });
  }

  return { bed, central, lab, plan, person, completed };
}
