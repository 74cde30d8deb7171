/**
 * Generating an audit's checklist from the requirement catalogue, the audit type, the audited
 * Statement of Applicability and (for a Stage 2) the concerns of Stage 1. Titles, prompts and
 * requirement references are copied into each item, so a later catalogue never changes what a past
 * audit asked.
 */
import type { Catalogue, CatalogueItem } from '../iso42001/catalogue';
import type { AuditType } from '../programme/vocabulary';
import {
  mandatorySurveillanceKeys,
  readinessTopics,
  surveillanceTopics,
  type ChecklistTopic,
} from './readiness-topics';
import type { ChecklistKind, ChecklistScale, ChecklistSection, ReadinessMark } from './schema';

/** Stage 1 reviews readiness; Stage 2, recertification and transfer audit everything; surveillance and special audits a selection. */
export function checklistKindFor(type: AuditType): ChecklistKind {
  switch (type) {
    case 'stage1':
      return 'readiness';
    case 'stage2':
    case 'recertification':
    case 'transfer':
      return 'full';
    case 'surveillance':
    case 'special':
      return 'selection';
  }
}

/** The part of an SoA version a checklist needs. */
export interface SoaForChecklist {
  controls: readonly { controlId: string; applicable: boolean; justification: string }[];
}

/** A Stage 1 item whose current mark is concern or not ready, carried into Stage 2. */
export interface Stage1Concern {
  itemId: string;
  itemKey: string;
  title: string;
  requirementRef: string;
  mark: ReadinessMark;
  notes: string;
}

export interface ChecklistGenerationInput {
  auditType: AuditType;
  catalogue: Catalogue;
  /** Null when the client has recorded no SoA (allowed for a Stage 1 only). */
  soa: SoaForChecklist | null;
  /** Used for a Stage 2 only. */
  stage1Concerns: readonly Stage1Concern[];
}

export interface GeneratedItem {
  itemKey: string;
  section: ChecklistSection;
  groupKey: string;
  parentKey: string | null;
  position: number;
  title: string;
  prompt: string;
  requirementRef: string;
  scale: ChecklistScale;
  mandatory: boolean;
  selected: boolean;
  carriedFromItemId: string | null;
  carriedNote: string;
}

export type ChecklistGeneration =
  | { ok: true; kind: ChecklistKind; catalogueVersion: string; items: GeneratedItem[] }
  | { ok: false; field: string; message: string };

export const noSoaMessage =
  "Record the client's Statement of Applicability first: this checklist audits every applicable Annex A control and reviews each exclusion.";

type Draft = Omit<GeneratedItem, 'position'>;

const plain = {
  parentKey: null,
  mandatory: false,
  selected: true,
  carriedFromItemId: null,
  carriedNote: '',
} as const;

/** Someone's words quoted as a sentence: “…” and a full stop, unless the words end one already. */
export function quoted(text: string): string {
  const words = text.trim();
  return /[.!?…]$/.test(words) ? `“${words}”` : `“${words}”.`;
}

/** How a finding against an item names its requirement. */
export function requirementRefFor(item: Pick<CatalogueItem, 'id' | 'kind' | 'source'>): string {
  if (item.source === 'cb') return `CB item ${item.id}`;
  return item.kind === 'control'
    ? `ISO/IEC 42001:2023 Annex A ${item.id}`
    : `ISO/IEC 42001:2023 ${item.id}`;
}

function topicItem(topic: ChecklistTopic, section: ChecklistSection, group: string): Draft {
  return {
    ...plain,
    itemKey: topic.key,
    section,
    groupKey: group,
    title: topic.title,
    prompt: topic.prompt,
    requirementRef: '',
    scale: section === 'readiness' ? 'readiness' : 'result',
  };
}

function catalogueItem(item: CatalogueItem, section: ChecklistSection, scale: ChecklistScale) {
  return {
    ...plain,
    itemKey: item.id,
    section,
    groupKey: item.group,
    parentKey: item.parent,
    title: item.title,
    prompt: item.prompt,
    requirementRef: requirementRefFor(item),
    scale,
  };
}

const atStage = (item: CatalogueItem, stage: 'stage1' | 'stage2') =>
  item.assessable && item.stages.includes(stage);

/** One review item per excluded control: Stage 1 reviews the justification, later audits re-check it. */
function exclusionItems(catalogue: Catalogue, soa: SoaForChecklist, stage1: boolean): Draft[] {
  const titles = new Map(catalogue.items.map((i) => [i.id, i.title]));
  return soa.controls
    .filter((c) => !c.applicable)
    .map((c) => {
      const title = titles.get(c.controlId) ?? c.controlId;
      const given = `The client's justification: ${quoted(c.justification)}`;
      const ask = stage1
        ? 'Is the exclusion documented and plausible for the scope, the AI systems in it and the risk treatment?'
        : 'Re-check it against the scope, the risk treatment and the impact assessment results seen on site: does any of them need this control after all?';
      return {
        ...plain,
        itemKey: `EXCL.${c.controlId}`,
        section: 'exclusion' as const,
        groupKey: 'SOA',
        title: `Exclusion of ${c.controlId} ${title}`,
        prompt: `${given} ${ask}`,
        requirementRef: 'ISO/IEC 42001:2023 6.1.3',
        scale: stage1 ? ('readiness' as const) : ('result' as const),
      };
    });
}

const markWords: Record<ReadinessMark, string> = {
  ready: 'ready',
  concern: 'a concern',
  not_ready: 'not ready',
};

function concernItem(concern: Stage1Concern): Draft {
  const noted = concern.notes.trim() === '' ? '' : ` Stage 1 noted: ${quoted(concern.notes)}`;
  return {
    ...plain,
    itemKey: `CONCERN.${concern.itemKey}`,
    section: 'concern',
    groupKey: 'CONCERNS',
    title: `Stage 1 concern: ${concern.title}`,
    prompt: `Stage 1 marked this as ${markWords[concern.mark]}.${noted} Check how the client has dealt with it and whether it still affects the AI management system.`,
    requirementRef: concern.requirementRef,
    scale: 'result',
    carriedFromItemId: concern.itemId,
    carriedNote: concern.notes,
  };
}

/** Every clause item, applicable control, exclusion and CB item audited at Stage 2. */
function stage2Items(catalogue: Catalogue, soa: SoaForChecklist): Draft[] {
  const excluded = new Set(soa.controls.filter((c) => !c.applicable).map((c) => c.controlId));
  const standard = catalogue.items.filter((i) => i.source === 'standard' && atStage(i, 'stage2'));
  return [
    ...standard.filter((i) => i.kind === 'clause').map((i) => catalogueItem(i, 'clause', 'result')),
    // A control the SoA does not list (a later catalogue) is audited rather than silently skipped.
    ...standard
      .filter((i) => i.kind === 'control' && !excluded.has(i.id))
      .map((i) => catalogueItem(i, 'control', 'result')),
    ...exclusionItems(catalogue, soa, false),
    ...catalogue.items
      .filter((i) => i.source === 'cb' && atStage(i, 'stage2'))
      .map((i) => catalogueItem(i, 'cb', 'result')),
  ];
}

function readinessItems(catalogue: Catalogue, soa: SoaForChecklist | null): Draft[] {
  return [
    ...readinessTopics.map((t) => topicItem(t, 'readiness', 'S1')),
    ...(soa ? exclusionItems(catalogue, soa, true) : []),
    ...catalogue.items
      .filter((i) => i.source === 'cb' && atStage(i, 'stage1'))
      .map((i) => catalogueItem(i, 'cb', 'readiness')),
  ];
}

/** Surveillance topics first, then everything a Stage 2 audits; the mandatory items selected. */
function selectionItems(catalogue: Catalogue, soa: SoaForChecklist): Draft[] {
  const mandatory = new Set(mandatorySurveillanceKeys);
  return [
    ...surveillanceTopics.map((t) => topicItem(t, 'surveillance', 'SURV')),
    ...stage2Items(catalogue, soa),
  ].map((item) => {
    const required = mandatory.has(item.itemKey);
    return { ...item, mandatory: required, selected: required };
  });
}

/** The items of an audit's checklist in their order, or why it cannot be generated. */
export function generateChecklist(input: ChecklistGenerationInput): ChecklistGeneration {
  const kind = checklistKindFor(input.auditType);
  const { catalogue, soa } = input;
  let drafts: Draft[];
  if (kind === 'readiness') {
    drafts = readinessItems(catalogue, soa);
  } else if (!soa) {
    return { ok: false, field: 'soaVersionId', message: noSoaMessage };
  } else if (kind === 'full') {
    const carried = input.auditType === 'stage2' ? input.stage1Concerns : [];
    const concerns = carried.filter((c) => c.mark !== 'ready').map(concernItem);
    drafts = [...concerns, ...stage2Items(catalogue, soa)];
  } else {
    drafts = selectionItems(catalogue, soa);
  }
  return {
    ok: true,
    kind,
    catalogueVersion: catalogue.version,
    items: drafts.map((d, position) => ({ ...d, position })),
  };
}
