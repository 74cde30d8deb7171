import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import {
  checklistItems,
  checklists,
  clientSites,
  findingEvents,
  findings,
  people,
} from '../../db/schema';
import type { Db } from '../../db/open';
import { findingAuditTypes } from '../../shared/findings/deadlines';
import {
  raiseFindingSchema,
  type Finding,
  type FindingGrade,
  type FindingState,
  type RaiseFindingInput,
} from '../../shared/findings/schema';
import { AppError, validationError } from '../../shared/errors';
import { auditTypeLabels } from '../../shared/programme/vocabulary';
import { logEvent } from './change-log';
import {
  checklistAccess,
  checklistAudit,
  refuseCancelled,
  requireAnswering,
} from './checklist-access';
import { nowIso, requireActor, type ServiceContext } from './context';
import { newFindingDeadlines } from './finding-deadline-columns';

/** Findings sit under the client, so its history shows every finding raised. */
const findingEntity = (id: string, clientId: string) => ({
  entity: 'finding',
  entityId: id,
  rootId: clientId,
});

function findingsWhere(db: Db, where: ReturnType<typeof eq>): Finding[] {
  return db
    .select({ finding: findings, itemKey: checklistItems.itemKey, raisedByName: people.name })
    .from(findings)
    .leftJoin(checklistItems, eq(checklistItems.id, findings.checklistItemId))
    .leftJoin(people, eq(people.id, findings.raisedBy))
    .where(where)
    .orderBy(asc(findings.createdAt), asc(findings.id))
    .all()
    .map(({ finding: f, itemKey, raisedByName }) => ({
      id: f.id,
      auditId: f.auditId,
      checklistItemId: f.checklistItemId,
      itemKey,
      siteId: f.siteId,
      requirementRef: f.requirementRef,
      grade: f.grade as FindingGrade | null,
      gradeRationale: f.gradeRationale,
      statement: f.statement,
      objectiveEvidence: f.objectiveEvidence,
      raisedById: f.raisedBy,
      raisedByName,
      raisedOn: f.raisedOn,
      state: f.state as FindingState,
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
    }));
}

/** The findings raised in an audit, oldest first. */
export function listAuditFindings(ctx: ServiceContext, auditId: string): Finding[] {
  requireActor(ctx);
  checklistAudit(ctx.db, auditId);
  return findingsWhere(ctx.db, eq(findings.auditId, auditId));
}

function checkItemOfAudit(tx: Db, checklistItemId: string, auditId: string): void {
  const item = tx
    .select({
      id: checklistItems.id,
      itemKey: checklistItems.itemKey,
      title: checklistItems.title,
      selected: checklistItems.selected,
    })
    .from(checklistItems)
    .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
    .where(and(eq(checklistItems.id, checklistItemId), eq(checklists.auditId, auditId)))
    .get();
  if (!item) {
    throw new AppError(
      'VALIDATION',
      'That checklist item is not on this audit’s checklist.',
      'checklistItemId',
    );
  }
  if (!item.selected) {
    throw new AppError(
      'CONFLICT',
      `${item.itemKey} ${item.title} is not selected for this audit; the lead auditor adds it to the selection first.`,
      'checklistItemId',
    );
  }
}

function checkSiteOfClient(tx: Db, siteId: string, clientId: string): void {
  const site = tx
    .select({ id: clientSites.id })
    .from(clientSites)
    .where(and(eq(clientSites.id, siteId), eq(clientSites.clientId, clientId)))
    .get();
  if (!site) {
    throw new AppError('VALIDATION', 'Choose one of the client’s sites.', 'siteId');
  }
}

/**
 * Raises a finding in an audit, usually from a checklist item. Any auditor on the team raises it;
 * only the audit's lead auditor grades it (reference/nonconformities.md 1: the lead auditor decides
 * and records why), so a grade from anyone else is refused. The nonconformity issue adds its life
 * cycle and the deadlines that follow from a grade.
 */
export function raiseFinding(ctx: ServiceContext, raw: RaiseFindingInput): Finding {
  requireActor(ctx);
  const parsed = raiseFindingSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const at = nowIso(ctx);
  const id = uuidv7();
  ctx.db.transaction((tx) => {
    const audit = checklistAudit(tx, input.auditId);
    const access = checklistAccess(ctx, tx, audit.id);
    const person = requireAnswering(ctx, access, 'raise findings in this audit');
    refuseCancelled(audit, 'change');
    if (!(findingAuditTypes as readonly string[]).includes(audit.type)) {
      throw new AppError(
        'CONFLICT',
        `A ${auditTypeLabels[audit.type]} records areas of concern on its checklist, not findings (ISO/IEC 17021-1 9.3.1.2).`,
      );
    }
    if (input.grade !== null && access.teamRole !== 'lead_auditor') {
      throw new AppError(
        'VALIDATION',
        'The lead auditor grades findings; raise it without a grade and the lead auditor grades it.',
        'grade',
      );
    }
    if (input.checklistItemId !== null) checkItemOfAudit(tx, input.checklistItemId, audit.id);
    if (input.siteId !== null) checkSiteOfClient(tx, input.siteId, audit.clientId);
    const raisedOn = at.slice(0, 10);
    const row = {
      id,
      auditId: audit.id,
      checklistItemId: input.checklistItemId,
      siteId: input.siteId,
      requirementRef: input.requirementRef,
      grade: input.grade,
      gradeRationale: input.gradeRationale,
      statement: input.statement,
      objectiveEvidence: input.objectiveEvidence,
      raisedBy: person.id,
      raisedOn,
      state: 'open',
      // Deadlines (nonconformities.md 4) computed from the audit's last day, never typed.
      ...newFindingDeadlines(tx, audit, input.grade, raisedOn),
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(findings).values(row).run();
    tx.insert(findingEvents)
      .values({
        id: uuidv7(),
        findingId: id,
        event: 'raise',
        fromState: null,
        toState: 'open',
        byPerson: person.id,
        onDate: raisedOn,
        details: input.grade === null ? {} : { grade: input.grade },
        createdAt: at,
        updatedAt: at,
      })
      .run();
    logEvent(ctx, tx, findingEntity(id, audit.clientId), 'created', row, at);
  });
  const [finding] = findingsWhere(ctx.db, eq(findings.id, id));
  if (!finding) throw new AppError('INTERNAL', 'The finding was not stored.');
  return finding;
}
