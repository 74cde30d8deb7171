import { uuidv7 } from 'uuidv7';
import { audits } from '../../db/schema';
import type { Person, Role } from '../../shared/people/schema';
import type { AuditState, AuditType, CompetenceArea } from '../../shared/programme/vocabulary';
import { sampleClient, startApp, succeed, tickingClock, type TestApp } from './helpers';

/**
 * A fresh database with an administrator-scheduler, one client whose application review needs
 * AI system life cycle and health-sector competence, and helpers to add people and audits.
 * Audits are inserted directly: the audits area's own rules are not what these tests check.
 */
export class TeamWorld {
  private constructor(
    readonly app: TestApp,
    readonly admin: Person,
    readonly clientId: string,
  ) {}

  static async start(databasePath: string): Promise<TeamWorld> {
    const app = await startApp(databasePath, { now: tickingClock() });
    const admin = await succeed(app, 'setupFirstPerson', {
      name: 'Ana Admin',
      email: 'ana@cb.example',
      roles: ['admin', 'scheduler'],
    });
    const clientId = (await succeed(app, 'createClient', sampleClient())).id;
    await succeed(app, 'reviewApplication', {
      clientId,
      requiredCompetenceAreas: ['aiLifecycle', 'sectorHealth'],
    });
    return new TeamWorld(app, admin, clientId);
  }

  get db() {
    return this.app.runtime.database.db;
  }

  async addPerson(name: string, roles: Role[], areas: CompetenceArea[] = []): Promise<Person> {
    const email = `${name.split(' ')[0]?.toLowerCase()}@cb.example`;
    const p = await succeed(this.app, 'createPerson', { name, email, roles });
    if (areas.length > 0) {
      await succeed(this.app, 'updatePersonCompetence', {
        id: p.id,
        competenceAreas: areas,
        languages: ['en'],
      });
    }
    return p;
  }

  async qualify(
    personId: string,
    kind: 'iso42001LeadAuditor' | 'iso42001Auditor',
    validUntil: string | null = null,
  ) {
    return succeed(this.app, 'addQualification', {
      personId,
      kind,
      title: kind === 'iso42001LeadAuditor' ? '42001 Lead Auditor' : '42001 Auditor',
      issuer: 'Exemplar Global',
      validFrom: '2024-01-01',
      validUntil,
    });
  }

  insertAudit(
    start: string,
    end: string,
    over: { cycle?: number; type?: AuditType; state?: AuditState } = {},
  ): string {
    const id = uuidv7();
    const at = '2026-03-01T00:00:00.000Z';
    this.db
      .insert(audits)
      .values({
        id,
        clientId: this.clientId,
        type: over.type ?? 'surveillance',
        cycleNumber: over.cycle ?? 1,
        state: over.state ?? 'planned',
        plannedStart: start,
        plannedEnd: end,
        onsiteDays: 2,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    return id;
  }

  async actAs(person: Person): Promise<void> {
    await succeed(this.app, 'signIn', { personId: person.id });
  }
}
