import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import {
  auditSoaLinks,
  checklistAnswers,
  checklistItems,
  checklists,
  soaControls,
  soaVersions,
} from '../../db/schema';
import type { Db } from '../../db/open';
import {
  generateChecklist,
  type SoaForChecklist,
  type Stage1Concern,
} from '../../shared/checklists/generate';
import { currentAnswer } from '../../shared/checklists/progress';
import {
  prepareChecklistSchema,
  type Checklist,
  type PrepareChecklistInput,
  type ReadinessMark,
} from '../../shared/checklists/schema';
import { AppError, validationError } from '../../shared/errors';
import { currentCatalogue } from './catalogue';
import { logEvent } from './change-log';
import {
  checklistAccess,
  checklistAudit,
  refuseCancelled,
  requireAnswering,
  type ChecklistAudit,
} from './checklist-access';
import { readyStage1, stage2GateProblem } from './checklist-gate';
import { readChecklist } from './checklist-read';
import { actorId, nowIso, requireActor, type ServiceContext } from './context';

/** Checklist records sit under their audit: its history shows who prepared and answered what. */
export const checklistEntity = (entity: string, entityId: string, auditId: string) => ({
  entity,
  entityId,
  rootId: auditId,
});

/** The audit's checklist, or null until it has been prepared. */
export function getChecklist(ctx: ServiceContext, auditId: string): Checklist | null {
  requireActor(ctx);
  checklistAudit(ctx.db, auditId);
  return readChecklist(ctx.db, auditId, checklistAccess(ctx, ctx.db, auditId));
}

/**
 * The SoA version the checklist audits: the one recorded for the audit if any (then a different
 * one asked for is refused), else the one asked for, else the client's newest; null when the
 * client has none.
 */
function soaVersionFor(tx: Db, audit: ChecklistAudit, asked: string | null): string | null {
  const linked = tx
    .select({ soaVersionId: auditSoaLinks.soaVersionId, versionNumber: soaVersions.versionNumber })
    .from(auditSoaLinks)
    .innerJoin(soaVersions, eq(soaVersions.id, auditSoaLinks.soaVersionId))
    .where(eq(auditSoaLinks.auditId, audit.id))
    .get();
  if (linked) {
    if (asked !== null && asked !== linked.soaVersionId) {
      throw new AppError(
        'VALIDATION',
        `This audit already records version ${linked.versionNumber} of the Statement of Applicability as the one audited; prepare the checklist from it, or change the recorded version first.`,
        'soaVersionId',
      );
    }
    return linked.soaVersionId;
  }
  if (asked !== null) {
    const own = tx
      .select({ id: soaVersions.id })
      .from(soaVersions)
      .where(and(eq(soaVersions.id, asked), eq(soaVersions.clientId, audit.clientId)))
      .get();
    if (!own) {
      throw new AppError(
        'VALIDATION',
        "Choose a version of this audit's client's Statement of Applicability.",
        'soaVersionId',
      );
    }
    return asked;
  }
  const newest = tx
    .select({ id: soaVersions.id })
    .from(soaVersions)
    .where(eq(soaVersions.clientId, audit.clientId))
    .orderBy(desc(soaVersions.versionNumber))
    .get();
  return newest?.id ?? null;
}

function soaControlsOf(tx: Db, soaVersionId: string): SoaForChecklist {
  return {
    controls: tx
      .select({
        controlId: soaControls.controlId,
        applicable: soaControls.applicable,
        justification: soaControls.justification,
      })
      .from(soaControls)
      .where(eq(soaControls.soaVersionId, soaVersionId))
      .orderBy(asc(soaControls.position))
      .all(),
  };
}

/** Items of the ready Stage 1 whose current mark is concern or not ready (carried into Stage 2). */
function stage1Concerns(tx: Db, audit: ChecklistAudit): Stage1Concern[] {
  const stage1 = readyStage1(tx, audit.clientId, audit.cycleNumber);
  if (!stage1) return [];
  const checklist = tx
    .select({ id: checklists.id })
    .from(checklists)
    .where(eq(checklists.auditId, stage1.id))
    .get();
  if (!checklist) return [];
  const items = tx
    .select()
    .from(checklistItems)
    .where(eq(checklistItems.checklistId, checklist.id))
    .orderBy(asc(checklistItems.position))
    .all();
  const answers = tx
    .select({
      id: checklistAnswers.id,
      checklistItemId: checklistAnswers.checklistItemId,
      result: checklistAnswers.result,
      notes: checklistAnswers.notes,
      answeredAt: checklistAnswers.answeredAt,
    })
    .from(checklistAnswers)
    .where(
      inArray(
        checklistAnswers.checklistItemId,
        items.map((i) => i.id),
      ),
    )
    .all();
  return items.flatMap((item) => {
    const current = currentAnswer(answers.filter((a) => a.checklistItemId === item.id));
    if (current?.result !== 'concern' && current?.result !== 'not_ready') return [];
    return [
      {
        itemId: item.id,
        itemKey: item.itemKey,
        title: item.title,
        requirementRef: item.requirementRef,
        mark: current.result as ReadinessMark,
        notes: current.notes,
      },
    ];
  });
}

/** SQLite takes a limited number of bound values per statement; insert items in slices. */
const insertSlice = 100;

/**
 * Generates the audit's checklist from the current catalogue, the audit type and the audited SoA
 * (recording which SoA version the audit audits when none is recorded yet), in one transaction.
 */
export function prepareChecklist(ctx: ServiceContext, raw: PrepareChecklistInput): Checklist {
  requireActor(ctx);
  const parsed = prepareChecklistSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const audit = checklistAudit(tx, input.auditId);
    const access = checklistAccess(ctx, tx, audit.id);
    if (!access.canPlan) requireAnswering(ctx, access, 'prepare its checklist');
    refuseCancelled(audit, 'be prepared');
    const existing = tx
      .select({ id: checklists.id })
      .from(checklists)
      .where(eq(checklists.auditId, audit.id))
      .get();
    if (existing) {
      throw new AppError('CONFLICT', 'The checklist of this audit is already prepared.');
    }
    const gate = stage2GateProblem(tx, audit, 'prepare');
    if (gate) throw new AppError('CONFLICT', gate);
    const soaVersionId = soaVersionFor(tx, audit, input.soaVersionId);
    const generated = generateChecklist({
      auditType: audit.type,
      catalogue: currentCatalogue(tx),
      soa: soaVersionId ? soaControlsOf(tx, soaVersionId) : null,
      stage1Concerns: audit.type === 'stage2' ? stage1Concerns(tx, audit) : [],
    });
    if (!generated.ok) throw new AppError('VALIDATION', generated.message, generated.field);
    const checklist = {
      id: uuidv7(),
      auditId: audit.id,
      kind: generated.kind,
      catalogueVersion: generated.catalogueVersion,
      soaVersionId,
      generatedBy: actorId(ctx),
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(checklists).values(checklist).run();
    const rows = generated.items.map((item) => ({
      id: uuidv7(),
      checklistId: checklist.id,
      ...item,
      createdAt: at,
      updatedAt: at,
    }));
    for (let i = 0; i < rows.length; i += insertSlice) {
      tx.insert(checklistItems)
        .values(rows.slice(i, i + insertSlice))
        .run();
    }
    logEvent(
      ctx,
      tx,
      checklistEntity('checklist', checklist.id, audit.id),
      'created',
      { ...checklist, items: rows.map((r) => r.itemKey) },
      at,
    );
    const linked = tx
      .select({ auditId: auditSoaLinks.auditId })
      .from(auditSoaLinks)
      .where(eq(auditSoaLinks.auditId, audit.id))
      .get();
    if (soaVersionId && !linked) {
      const link = {
        auditId: audit.id,
        soaVersionId,
        recordedBy: actorId(ctx),
        createdAt: at,
        updatedAt: at,
      };
      tx.insert(auditSoaLinks).values(link).run();
      const target = { entity: 'audit_soa_link', entityId: audit.id, rootId: audit.clientId };
      logEvent(ctx, tx, target, 'created', link, at);
    }
  });
  const prepared = getChecklist(ctx, input.auditId);
  if (!prepared) throw new AppError('INTERNAL', 'The checklist was not stored.');
  return prepared;
}
