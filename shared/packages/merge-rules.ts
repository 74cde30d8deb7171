/**
 * How one field of a record that both databases hold is merged (issue 9, section 2), from the
 * change log: a change is "unseen" by the other side when its change-log entry id is not in the
 * other side's log. Pure; the service gathers the facts.
 */
export type FieldOutcome = 'same' | 'mine' | 'theirs' | 'conflict';

export interface FieldFacts {
  /** The two stored values are equal. */
  equal: boolean;
  /** Their log has entries for this field that mine has not. */
  theirsChangedField: boolean;
  /** My log has entries for this field that theirs has not. */
  mineChangedField: boolean;
  /** Their log has entries for this record that mine has not (any field). */
  theirsChangedRecord: boolean;
  /** My log has entries for this record that theirs has not (any field). */
  mineChangedRecord: boolean;
}

/**
 * Changed on one side only: that side's value. Changed on both sides to different values: a
 * conflict for a person to resolve. A difference no change-log entry explains falls back to the
 * record: the side that changed the record wins when only one did, else it is a conflict.
 * Nothing is ever overwritten silently.
 */
export function decideField(f: FieldFacts): FieldOutcome {
  if (f.equal) return 'same';
  if (f.theirsChangedField || f.mineChangedField) {
    if (f.theirsChangedField && f.mineChangedField) return 'conflict';
    return f.theirsChangedField ? 'theirs' : 'mine';
  }
  if (f.theirsChangedRecord && !f.mineChangedRecord) return 'theirs';
  if (f.mineChangedRecord && !f.theirsChangedRecord) return 'mine';
  return 'conflict';
}

/** A record only they have, that my log says was deleted here. */
export function decideDeleted(theirsChangedRecord: boolean): 'mine' | 'conflict' {
  return theirsChangedRecord ? 'conflict' : 'mine';
}
