/**
 * The coverage matrix of a certification cycle: which checklist items each audit of the cycle
 * covered or plans to cover. Audit Desk rule (after ISO/IEC 17021-1 9.6.2.2 and the CB's audit
 * programme): the surveillance audits of a cycle together cover every clause item, every applicable
 * Annex A control and every CB item at least once before recertification. Stage 2 and
 * recertification columns are shown for information only.
 */
import { auditTypeLabels, type AuditState, type AuditType } from '../programme/vocabulary';
import type {
  AnswerValue,
  ChecklistKind,
  ChecklistSection,
  CoverageAudit,
  CoverageRow,
  CycleCoverage,
} from './schema';

export interface CoverageItemInput {
  itemKey: string;
  title: string;
  groupKey: string;
  section: ChecklistSection;
  selected: boolean;
  /** The result of the item's newest answer, null when not answered. */
  currentResult: AnswerValue | null;
}

export interface CoverageAuditInput {
  auditId: string;
  type: AuditType;
  plannedStart: string;
  state: AuditState;
  /** Null while the audit's checklist has not been prepared. */
  checklist: { kind: ChecklistKind; items: readonly CoverageItemInput[] } | null;
}

export interface CoverageInput {
  clientId: string;
  cycleNumber: number;
  audits: readonly CoverageAuditInput[];
  /** Catalogue ids in catalogue order: the order of the rows. */
  catalogueOrder: readonly string[];
}

type Cell = CoverageRow['cells'][string];

/** Requirement items only: readiness, concern, exclusion and surveillance topics are not rows. */
const requirementSections = new Set<ChecklistSection>(['clause', 'control', 'cb']);

/** How many item ids a warning names before "and N more". */
const namedInWarning = 8;

function cellOf(item: CoverageItemInput, state: AuditState): Cell {
  if (!item.selected) return 'absent';
  if (item.currentResult === null) return 'planned';
  if (item.currentResult !== 'not_audited') return 'covered';
  // Marked "not audited": still to do while the audit runs, not done once it is completed.
  return state === 'completed' ? 'absent' : 'planned';
}

function columnsOf(audits: readonly CoverageAuditInput[]): CoverageAudit[] {
  let surveillance = 0;
  return audits.map((a) => {
    const number = a.type === 'surveillance' ? ` ${++surveillance}` : '';
    return {
      auditId: a.auditId,
      type: a.type,
      label: `${auditTypeLabels[a.type]}${number}, ${a.plannedStart}`,
      plannedStart: a.plannedStart,
      state: a.state,
      itemsAudited: a.checklist !== null && a.checklist.kind !== 'readiness',
    };
  });
}

function warningFor(
  uncovered: readonly string[],
  surveillances: readonly CoverageAuditInput[],
  columns: readonly CoverageAudit[],
): string | null {
  if (surveillances.length < 2 || uncovered.length === 0) return null;
  const named = uncovered.slice(0, namedInWarning).join(', ');
  const more =
    uncovered.length > namedInWarning ? ` and ${uncovered.length - namedInWarning} more` : '';
  const unprepared = columns
    .filter((c) => surveillances.some((s) => s.auditId === c.auditId && s.checklist === null))
    .map((c) => c.label);
  const hint =
    unprepared.length > 0
      ? ` No checklist has been prepared yet for: ${unprepared.join('; ')}.`
      : ' Add them to a surveillance audit of this cycle.';
  const items = uncovered.length === 1 ? '1 item is' : `${uncovered.length} items are`;
  return `As planned, ${items} covered by no surveillance audit of this cycle: ${named}${more}.${hint} (Audit Desk rule: the surveillance audits of a cycle together cover every item before recertification.)`;
}

export function cycleCoverage(input: CoverageInput): CycleCoverage {
  const audits = input.audits
    .filter((a) => a.state !== 'cancelled')
    .slice()
    .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart));
  const columns = columnsOf(audits);
  const order = new Map(input.catalogueOrder.map((id, i) => [id, i]));
  const rows = new Map<string, CoverageRow>();
  for (const audit of audits) {
    const checklist = audit.checklist;
    if (!checklist || checklist.kind === 'readiness') continue;
    for (const item of checklist.items) {
      if (!requirementSections.has(item.section)) continue;
      let row = rows.get(item.itemKey);
      if (!row) {
        row = {
          itemKey: item.itemKey,
          title: item.title,
          groupKey: item.groupKey,
          cells: Object.fromEntries(audits.map((x) => [x.auditId, 'absent' as Cell])),
          coveredInCycle: false,
        };
        rows.set(item.itemKey, row);
      }
      const cell = cellOf(item, audit.state);
      row.cells[audit.auditId] = cell;
      if (audit.type === 'surveillance' && cell !== 'absent') row.coveredInCycle = true;
    }
  }
  // Catalogue order; items no longer in the catalogue (retired CB items) after, as first seen.
  const firstSeen = [...rows.keys()];
  const rank = (key: string) => order.get(key) ?? order.size + firstSeen.indexOf(key);
  const sorted = [...rows.values()].sort((a, b) => rank(a.itemKey) - rank(b.itemKey));
  const uncovered = sorted.filter((r) => !r.coveredInCycle).map((r) => r.itemKey);
  const surveillances = audits.filter((a) => a.type === 'surveillance');
  return {
    clientId: input.clientId,
    cycleNumber: input.cycleNumber,
    audits: columns,
    rows: sorted,
    uncovered,
    warning: warningFor(uncovered, surveillances, columns),
  };
}
