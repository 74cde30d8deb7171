/**
 * How a checklist item's key is shown to people. Catalogue items (clauses, Annex A controls, the
 * certification body's own items) are cited by their id: 4.1, A.6.2.4, CB.SECTOR-1. The other keys
 * are Audit Desk's own bookkeeping (S1.SCOPE, SURV.CHANGES, EXCL.A.10.4, CONCERN.S1.IMPACT, see
 * generate.ts) and cite no requirement, so they are never shown as if they did.
 */

const concernPrefix = 'CONCERN.';
const exclusionPrefix = 'EXCL.';
/** Stage 1 readiness topics and surveillance topics (readiness-topics.ts). */
const topicPrefixes = ['S1.', 'SURV.'] as const;

/**
 * The key as shown: a catalogue id as it is; an SoA exclusion as "Exclusion A.10.4"; nothing for a
 * readiness or surveillance topic (its title says what it is); a Stage 1 concern as the item it
 * was carried from would be shown (its title says it is a Stage 1 concern).
 */
export function itemKeyLabel(itemKey: string): string | null {
  if (itemKey.startsWith(concernPrefix)) return itemKeyLabel(itemKey.slice(concernPrefix.length));
  if (itemKey.startsWith(exclusionPrefix)) {
    return `Exclusion ${itemKey.slice(exclusionPrefix.length)}`;
  }
  if (topicPrefixes.some((prefix) => itemKey.startsWith(prefix))) return null;
  return itemKey;
}

/** Whether the key is a catalogue requirement's id (4.1, A.6.2.4, CB.X). */
export function isCatalogueKey(itemKey: string): boolean {
  return itemKeyLabel(itemKey) === itemKey;
}

/**
 * An item named on one line: a catalogue item's id before its title ("6.1.2 AI risk assessment");
 * any other item by its title alone, which already says what it is ("Exclusion of A.10.4 …",
 * "Stage 1 concern: …", a topic's name).
 */
export function itemName(item: { itemKey: string; title: string }): string {
  return isCatalogueKey(item.itemKey) ? `${item.itemKey} ${item.title}` : item.title;
}
