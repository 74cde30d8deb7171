/**
 * The versioned ISO/IEC 42001 requirement catalogue that checklists and the Statement of
 * Applicability are built from. IDs and short titles are the standard's structure (from
 * requirements.ts); prompts are ours (prompts.ts). A saved audit or SoA records `version`, so a
 * later edition or a CB's own items never change what past records meant.
 */
import { auditPrompts } from './prompts';
import {
  clauseGroups,
  clauses,
  controlGroups,
  controls,
  iso42001Edition,
  type RequirementStage,
} from './requirements';

export const catalogueVersion = 'audit-desk-42001-2023.1';

export type CatalogueItemKind = 'clause' | 'control';
/** `standard`: shipped with Audit Desk; `cb`: added by the certification body (e.g. sector questions). */
export type CatalogueItemSource = 'standard' | 'cb';

export interface CatalogueItem {
  id: string;
  kind: CatalogueItemKind;
  title: string;
  /** The heading it sits under; null for clauses 4 to 10 and Annex A groups A.2 to A.10. */
  parent: string | null;
  /** The top-level clause (4 to 10) or Annex A group (A.2 to A.10). */
  group: string;
  /** Empty for headings, which are audited through the items under them. */
  stages: readonly RequirementStage[];
  /** False for headings: nothing is answered against them directly. */
  assessable: boolean;
  /** What the auditor looks for, in our own words; '' for headings. */
  prompt: string;
  source: CatalogueItemSource;
}

export interface Catalogue {
  standard: string;
  version: string;
  items: readonly CatalogueItem[];
}

/** Annex A objectives that group controls below a group (only A.6 has them). */
const controlObjectives = [
  { id: 'A.6.1', title: 'Management guidance for AI system development', group: 'A.6' },
  { id: 'A.6.2', title: 'AI system life cycle', group: 'A.6' },
] as const;

function promptFor(id: string): string {
  const prompt = auditPrompts[id];
  // A shipped assessable item without a prompt is a programming error, caught by the unit tests.
  return prompt ?? '';
}

function clauseItems(): CatalogueItem[] {
  const out: CatalogueItem[] = [];
  for (const g of clauseGroups) {
    const heading = {
      id: g.id,
      kind: 'clause' as const,
      title: g.title,
      parent: null,
      group: g.id,
      stages: [],
      assessable: false,
      prompt: '',
      source: 'standard' as const,
    };
    out.push(heading);
    for (const c of clauses) {
      const topGroup = c.id.split('.')[0] ?? c.parent;
      if (topGroup !== g.id) continue;
      const assessable = c.stages.length > 0;
      out.push({
        id: c.id,
        kind: 'clause',
        title: c.title,
        parent: c.parent,
        group: g.id,
        stages: c.stages,
        assessable,
        prompt: assessable ? promptFor(c.id) : '',
        source: 'standard',
      });
    }
  }
  return out;
}

/** "A.6.2.4" → "A.6.2" when that is an objective, else the group "A.6". */
function controlParent(id: string, group: string): string {
  const objective = controlObjectives.find((o) => id.startsWith(`${o.id}.`));
  return objective ? objective.id : group;
}

function controlItems(): CatalogueItem[] {
  const out: CatalogueItem[] = [];
  for (const g of controlGroups) {
    out.push({
      id: g.id,
      kind: 'control',
      title: g.title,
      parent: null,
      group: g.id,
      stages: [],
      assessable: false,
      prompt: '',
      source: 'standard',
    });
    for (const o of controlObjectives.filter((x) => x.group === g.id)) {
      out.push({
        id: o.id,
        kind: 'control',
        title: o.title,
        parent: g.id,
        group: g.id,
        stages: [],
        assessable: false,
        prompt: '',
        source: 'standard',
      });
    }
    for (const c of controls.filter((x) => x.group === g.id)) {
      out.push({
        id: c.id,
        kind: 'control',
        title: c.title,
        parent: controlParent(c.id, g.id),
        group: g.id,
        stages: c.stages,
        assessable: true,
        prompt: promptFor(c.id),
        source: 'standard',
      });
    }
  }
  return out;
}

/** The catalogue shipped with this version of Audit Desk. */
export const iso42001Catalogue: Catalogue = {
  standard: iso42001Edition,
  version: catalogueVersion,
  items: [...clauseItems(), ...controlItems()],
};

/** The 38 Annex A controls in the standard's order: the rows of a Statement of Applicability. */
export function annexAControls(catalogue: Catalogue = iso42001Catalogue): CatalogueItem[] {
  return catalogue.items.filter(
    (i) => i.kind === 'control' && i.assessable && i.source === 'standard',
  );
}

/** Annex A groups A.2 to A.10, for grouping SoA rows. */
export function annexAGroups(catalogue: Catalogue = iso42001Catalogue): CatalogueItem[] {
  return catalogue.items.filter((i) => i.kind === 'control' && i.parent === null);
}

export function findItem(catalogue: Catalogue, id: string): CatalogueItem | undefined {
  return catalogue.items.find((i) => i.id === id);
}

/** What `npm run cli -- catalogue` prints: the public shape, without prompts. */
export function catalogueSummary(catalogue: Catalogue = iso42001Catalogue) {
  return {
    standard: catalogue.standard,
    version: catalogue.version,
    items: catalogue.items.map(({ id, kind, title, parent, stages }) => ({
      id,
      kind,
      title,
      parent,
      stages: [...stages],
    })),
  };
}
