import { requirementRefFor } from '../../../shared/checklists/generate';
import type { Catalogue } from '../../../shared/iso42001/catalogue';

/**
 * The requirement picker's choices: every assessable item of the current catalogue (clauses,
 * Annex A controls and the CB's own items), named as a finding cites it — the same reference a
 * checklist item prefills (requirementRefFor) — with its title to find it by. Free text stays
 * allowed for legal or other CB requirements.
 */
export interface RequirementOption {
  /** What the finding stores, e.g. "ISO/IEC 42001:2023 Annex A A.6.2.4". */
  ref: string;
  title: string;
  /** Lower-cased "ref title", what a search looks in. */
  haystack: string;
}

export function requirementOptions(catalogue: Pick<Catalogue, 'items'>): RequirementOption[] {
  const seen = new Set<string>();
  const out: RequirementOption[] = [];
  for (const item of catalogue.items) {
    if (!item.assessable) continue;
    const ref = requirementRefFor(item);
    if (seen.has(ref)) continue;
    seen.add(ref);
    out.push({ ref, title: item.title, haystack: `${ref} ${item.title}`.toLowerCase() });
  }
  return out;
}

/**
 * The options matching what is typed: every word must appear in the reference or the title
 * ("impact 6.1" finds 6.1.4). When the field already holds exactly one option's reference (e.g.
 * prefilled from a checklist item), that option and the ones after it are offered, so opening the
 * list shows where it is and a neighbouring requirement is one arrow key away.
 */
export function matchRequirements(
  options: readonly RequirementOption[],
  typed: string,
  limit: number,
): RequirementOption[] {
  const text = typed.trim().toLowerCase();
  if (text === '') return options.slice(0, limit);
  const exact = options.findIndex((o) => o.ref.toLowerCase() === text);
  if (exact >= 0) return [...options.slice(exact), ...options.slice(0, exact)].slice(0, limit);
  const words = text.split(/\s+/);
  return options.filter((o) => words.every((w) => o.haystack.includes(w))).slice(0, limit);
}
