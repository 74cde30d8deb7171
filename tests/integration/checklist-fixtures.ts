import { uuidv7 } from 'uuidv7';
import { auditTeamMembers, readinessConclusions } from '../../db/schema';
import type { TeamRole } from '../../shared/programme/vocabulary';
import type { TestApp } from './helpers';

const at = '2026-03-01T00:00:00.000Z';

/**
 * Records a Stage 1 readiness conclusion "ready" straight in the database, for tests whose subject
 * is not the Stage 1 checklist but which start a Stage 2 (the Stage 2 gate needs one).
 */
export function concludeStage1Ready(app: TestApp, stage1AuditId: string): void {
  app.runtime.database.db
    .insert(readinessConclusions)
    .values({
      auditId: stage1AuditId,
      conclusion: 'ready',
      summary: 'Ready for Stage 2 (test set-up).',
      concludedBy: null,
      concludedAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .run();
}

/**
 * Puts a person on an audit team straight in the database: team selection has its own rules and
 * tests (team.test.ts); checklist tests only need someone on the team.
 */
export function addToTeam(app: TestApp, auditId: string, personId: string, role: TeamRole): void {
  app.runtime.database.db
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
