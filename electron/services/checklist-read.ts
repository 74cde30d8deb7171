import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  checklistAnswers,
  checklistEvidence,
  checklistItems,
  checklists,
  evidenceFiles,
  findings,
  people,
  readinessConclusions,
  soaVersions,
} from '../../db/schema';
import type { Db } from '../../db/open';
import { topicGroupTitles } from '../../shared/checklists/readiness-topics';
import { checklistProgress } from '../../shared/checklists/progress';
import type {
  AnswerValue,
  Checklist,
  ChecklistAnswer,
  ChecklistItem,
  ChecklistKind,
  ChecklistScale,
  ChecklistSection,
  EvidenceEntry,
  EvidenceKind,
  ReadinessConclusion,
  ReadinessConclusionValue,
} from '../../shared/checklists/schema';
import { iso42001Catalogue } from '../../shared/iso42001/catalogue';
import type { ChecklistAccess } from './checklist-access';

/** Catalogue groups (4 to 10, A.2 to A.10) by number and title, and our own groups by title. */
const groupTitles = new Map<string, string>([
  ...iso42001Catalogue.items
    .filter((i) => i.parent === null)
    .map((i): [string, string] => [i.id, `${i.id} ${i.title}`]),
  ...Object.entries(topicGroupTitles),
]);

export const groupTitle = (key: string) => groupTitles.get(key) ?? key;

type ItemRow = typeof checklistItems.$inferSelect;

export function toAnswer(
  row: typeof checklistAnswers.$inferSelect,
  auditorName: string,
): ChecklistAnswer {
  return {
    id: row.id,
    checklistItemId: row.checklistItemId,
    auditorId: row.auditorId,
    auditorName,
    result: row.result as AnswerValue | null,
    notes: row.notes,
    answeredAt: row.answeredAt,
  };
}

export function toEvidence(
  row: typeof checklistEvidence.$inferSelect,
  auditorName: string,
): EvidenceEntry {
  return {
    id: row.id,
    checklistItemId: row.checklistItemId,
    auditorId: row.auditorId,
    auditorName,
    kind: row.kind as EvidenceKind,
    description: row.description,
    detail: row.detail,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Groups rows by the item they belong to, keeping their order. */
function byItem<T extends { checklistItemId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.checklistItemId);
    if (list) list.push(row);
    else out.set(row.checklistItemId, [row]);
  }
  return out;
}

/** Answers with a result first, newest first: the first is the current answer (currentAnswer). */
function answersOf(db: Db, checklistId: string): ChecklistAnswer[] {
  return db
    .select({ answer: checklistAnswers, name: people.name })
    .from(checklistAnswers)
    .innerJoin(checklistItems, eq(checklistItems.id, checklistAnswers.checklistItemId))
    .innerJoin(people, eq(people.id, checklistAnswers.auditorId))
    .where(eq(checklistItems.checklistId, checklistId))
    .orderBy(
      sql`${checklistAnswers.result} IS NULL`,
      desc(checklistAnswers.answeredAt),
      desc(checklistAnswers.id),
    )
    .all()
    .map((r) => toAnswer(r.answer, r.name));
}

function evidenceOf(db: Db, checklistId: string): EvidenceEntry[] {
  return db
    .select({ entry: checklistEvidence, name: people.name })
    .from(checklistEvidence)
    .innerJoin(checklistItems, eq(checklistItems.id, checklistEvidence.checklistItemId))
    .innerJoin(people, eq(people.id, checklistEvidence.auditorId))
    .where(and(eq(checklistItems.checklistId, checklistId), isNull(checklistEvidence.removedAt)))
    .orderBy(asc(checklistEvidence.createdAt), asc(checklistEvidence.id))
    .all()
    .map((r) => toEvidence(r.entry, r.name));
}

function fileCounts(db: Db, auditId: string): Map<string, number> {
  const rows = db
    .select({ itemId: evidenceFiles.checklistItemId, n: count() })
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.auditId, auditId),
        isNull(evidenceFiles.removedAt),
        isNotNull(evidenceFiles.checklistItemId),
      ),
    )
    .groupBy(evidenceFiles.checklistItemId)
    .all();
  return new Map(rows.flatMap((r) => (r.itemId ? [[r.itemId, r.n] as const] : [])));
}

function findingIdsOf(db: Db, auditId: string): Map<string, string[]> {
  const rows = db
    .select({ id: findings.id, checklistItemId: findings.checklistItemId })
    .from(findings)
    .where(and(eq(findings.auditId, auditId), isNotNull(findings.checklistItemId)))
    .orderBy(asc(findings.createdAt), asc(findings.id))
    .all();
  const out = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.checklistItemId) continue;
    out.set(r.checklistItemId, [...(out.get(r.checklistItemId) ?? []), r.id]);
  }
  return out;
}

export function readReadinessConclusion(db: Db, auditId: string): ReadinessConclusion | null {
  const row = db
    .select({ conclusion: readinessConclusions, name: people.name })
    .from(readinessConclusions)
    .leftJoin(people, eq(people.id, readinessConclusions.concludedBy))
    .where(eq(readinessConclusions.auditId, auditId))
    .get();
  if (!row) return null;
  const c = row.conclusion;
  return {
    auditId: c.auditId,
    conclusion: c.conclusion as ReadinessConclusionValue,
    summary: c.summary,
    concludedById: c.concludedBy,
    concludedByName: row.name,
    concludedAt: c.concludedAt,
  };
}

function toItem(
  row: ItemRow,
  parts: {
    answers: ChecklistAnswer[];
    evidence: EvidenceEntry[];
    fileCount: number;
    findingIds: string[];
  },
): ChecklistItem {
  return {
    id: row.id,
    itemKey: row.itemKey,
    section: row.section as ChecklistSection,
    groupKey: row.groupKey,
    parentKey: row.parentKey,
    position: row.position,
    title: row.title,
    prompt: row.prompt,
    requirementRef: row.requirementRef,
    scale: row.scale as ChecklistScale,
    mandatory: row.mandatory,
    selected: row.selected,
    carriedFromItemId: row.carriedFromItemId,
    carriedNote: row.carriedNote,
    ...parts,
  };
}

/**
 * An audit's checklist with every item's answers, evidence, file count and findings: one query per
 * table, however many items (an audit has a few hundred).
 */
export function readChecklist(db: Db, auditId: string, access: ChecklistAccess): Checklist | null {
  const checklist = db.select().from(checklists).where(eq(checklists.auditId, auditId)).get();
  if (!checklist) return null;
  const rows = db
    .select()
    .from(checklistItems)
    .where(eq(checklistItems.checklistId, checklist.id))
    .orderBy(asc(checklistItems.position))
    .all();
  const answers = byItem(answersOf(db, checklist.id));
  const evidence = byItem(evidenceOf(db, checklist.id));
  const files = fileCounts(db, auditId);
  const findingIds = findingIdsOf(db, auditId);
  const items = rows.map((row) =>
    toItem(row, {
      answers: answers.get(row.id) ?? [],
      evidence: evidence.get(row.id) ?? [],
      fileCount: files.get(row.id) ?? 0,
      findingIds: findingIds.get(row.id) ?? [],
    }),
  );
  const soa = checklist.soaVersionId
    ? db
        .select({ versionNumber: soaVersions.versionNumber })
        .from(soaVersions)
        .where(eq(soaVersions.id, checklist.soaVersionId))
        .get()
    : undefined;
  const { groups, progress } = checklistProgress(
    items.map((i) => ({
      groupKey: i.groupKey,
      selected: i.selected,
      currentResult: i.answers[0]?.result ?? null,
    })),
    groupTitle,
  );
  return {
    id: checklist.id,
    auditId,
    kind: checklist.kind as ChecklistKind,
    catalogueVersion: checklist.catalogueVersion,
    soaVersionId: checklist.soaVersionId,
    soaVersionNumber: soa?.versionNumber ?? null,
    createdAt: checklist.createdAt,
    items,
    groups,
    progress,
    readinessConclusion: readReadinessConclusion(db, auditId),
    canAnswer: access.canAnswer,
    canPlan: access.canPlan,
  };
}
