import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extendCatalogue } from '../../shared/iso42001/cb-items';
import {
  annexAControls,
  annexAGroups,
  catalogueSummary,
  iso42001Catalogue,
} from '../../shared/iso42001/catalogue';
import { clauses, controls } from '../../shared/iso42001/requirements';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const referencePath = path.resolve(
  repoRoot,
  '..',
  'shared',
  'reference',
  'iso42001-requirements.json',
);

interface ReferenceItem {
  id: string;
  kind: string;
  title: string;
  parent?: string;
  group?: string;
  objective?: string;
  stage?: string[];
  prompt?: string;
  assessable?: boolean;
}
interface Reference {
  standard: string;
  counts: {
    clauseSubclauses: number;
    assessableClauseSubclauses: number;
    controls: number;
    controlsPerGroup: Record<string, number>;
  };
  items: ReferenceItem[];
}

/**
 * The reference lives in ../shared/reference (beside the repo, as CI has it). A copy is checked in
 * under tests/fixtures so a clone on its own tests the same; when both exist they must be equal.
 */
const fixturePath = path.resolve(repoRoot, 'tests', 'fixtures', 'iso42001-requirements.json');

function loadReference(): Reference {
  const fixture = fs.readFileSync(fixturePath, 'utf8');
  if (fs.existsSync(referencePath) && fs.readFileSync(referencePath, 'utf8') !== fixture) {
    throw new Error(
      `tests/fixtures/iso42001-requirements.json differs from ${referencePath}: copy the reference again.`,
    );
  }
  return JSON.parse(fixture) as Reference;
}

const reference = loadReference();
const items = iso42001Catalogue.items;

/** Lower-cased words, punctuation dropped, for comparing wording. */
const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

describe('the ISO/IEC 42001 requirement catalogue', () => {
  it('names the edition and its own catalogue version', () => {
    expect(iso42001Catalogue.standard).toBe(reference.standard);
    expect(iso42001Catalogue.version).toBe('audit-desk-42001-2023.1');
  });

  it('has exactly the 38 Annex A controls, per group as the reference counts them', () => {
    const annexA = annexAControls();
    expect(annexA).toHaveLength(38);
    expect(annexA).toHaveLength(reference.counts.controls);
    const perGroup: Record<string, number> = {};
    for (const c of annexA) perGroup[c.group] = (perGroup[c.group] ?? 0) + 1;
    expect(perGroup).toEqual(reference.counts.controlsPerGroup);
    expect(annexAGroups().map((g) => g.id)).toEqual(Object.keys(reference.counts.controlsPerGroup));
  });

  it('has every clause subclause, with headings marked not assessable', () => {
    const subclauses = items.filter((i) => i.kind === 'clause' && i.parent !== null);
    expect(subclauses).toHaveLength(reference.counts.clauseSubclauses);
    expect(subclauses.filter((i) => i.assessable)).toHaveLength(
      reference.counts.assessableClauseSubclauses,
    );
    for (const heading of items.filter((i) => !i.assessable)) {
      expect(heading.stages).toEqual([]);
      expect(heading.prompt).toBe('');
    }
  });

  it('has unique IDs equal to the reference, with the same short titles', () => {
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(reference.items.map((i) => i.id).sort());
    const titles = new Map(reference.items.map((i) => [i.id, i.title]));
    for (const item of items) expect(item.title, item.id).toBe(titles.get(item.id));
  });

  it('places each item under the same parent and at the same stages as the reference', () => {
    for (const ref of reference.items) {
      const ours = items.find((i) => i.id === ref.id);
      expect(ours, ref.id).toBeDefined();
      if (!ours) continue;
      // A control's `objective` names its Annex A objective (A.6.1, A.6.2); a group's is prose.
      const parent =
        ref.kind === 'control' ? (ref.objective ?? ref.group) : (ref.parent ?? ref.group ?? null);
      expect(ours.parent, ref.id).toBe(parent);
      expect([...ours.stages], ref.id).toEqual(ref.stage ?? []);
    }
  });

  it('writes every prompt in its own words, never copying the reference', () => {
    const referencePrompts = new Map(reference.items.map((i) => [i.id, i.prompt ?? '']));
    for (const item of items.filter((i) => i.assessable)) {
      expect(item.prompt.length, item.id).toBeGreaterThan(20);
      const theirs = referencePrompts.get(item.id) ?? '';
      expect(item.prompt, item.id).not.toBe(theirs);
      // No run of six words in a row taken over from the reference's prompt.
      const ours = words(item.prompt);
      const theirWords = words(theirs).join(' ');
      for (let k = 0; k + 6 <= ours.length; k++) {
        const run = ours.slice(k, k + 6).join(' ');
        expect(theirWords.includes(run), `${item.id}: "${run}"`).toBe(false);
      }
    }
  });

  it('keeps the older exports the audit plan uses in step with the catalogue', () => {
    expect(controls.map((c) => c.id)).toEqual(annexAControls().map((c) => c.id));
    expect(clauses.every((c) => items.some((i) => i.id === c.id))).toBe(true);
  });

  it('prints the CLI shape: standard, version and items with id, kind, title, parent, stages', () => {
    const summary = catalogueSummary();
    expect(Object.keys(summary)).toEqual(['standard', 'version', 'items']);
    expect(summary.items.find((i) => i.id === 'A.6.2.4')).toEqual({
      id: 'A.6.2.4',
      kind: 'control',
      title: 'AI system verification and validation',
      parent: 'A.6.2',
      stages: ['stage2'],
    });
  });
});

describe("a certification body's own items", () => {
  const sector = {
    id: 'CB.HEALTH.1',
    kind: 'clause' as const,
    title: 'Clinical safety case',
    parent: '8.4',
    stages: ['stage2' as const],
    prompt: 'Ask for the clinical safety case of each AI system used in patient care.',
  };

  it('adds them marked as source cb under a new version, leaving the shipped items alone', () => {
    const extended = extendCatalogue(iso42001Catalogue, 'acme-1', [sector]);
    expect(extended.ok).toBe(true);
    if (!extended.ok) return;
    expect(extended.catalogue.version).toBe('audit-desk-42001-2023.1+acme-1');
    expect(extended.catalogue.items.at(-1)).toMatchObject({ source: 'cb', group: '8' });
    expect(iso42001Catalogue.items.every((i) => i.source === 'standard')).toBe(true);
  });

  it('refuses an id already used or a parent that does not exist, naming the field', () => {
    expect(extendCatalogue(iso42001Catalogue, 'x', [sector, sector])).toMatchObject({
      ok: false,
      field: 'items[1].id',
    });
    expect(extendCatalogue(iso42001Catalogue, 'x', [{ ...sector, parent: '11' }])).toMatchObject({
      ok: false,
      field: 'items[0].parent',
    });
  });
});
