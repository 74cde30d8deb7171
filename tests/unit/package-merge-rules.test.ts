import { describe, expect, it } from 'vitest';
import { decideDeleted, decideField, type FieldFacts } from '../../shared/packages/merge-rules';

const facts = (over: Partial<FieldFacts>): FieldFacts => ({
  equal: false,
  theirsChangedField: false,
  mineChangedField: false,
  theirsChangedRecord: false,
  mineChangedRecord: false,
  ...over,
});

describe('merging one field of a record both databases hold', () => {
  it('leaves equal values alone, whoever changed them', () => {
    expect(
      decideField(facts({ equal: true, theirsChangedField: true, mineChangedField: true })),
    ).toBe('same');
  });

  it('takes the change of the only side that changed the field', () => {
    expect(decideField(facts({ theirsChangedField: true, mineChangedRecord: true }))).toBe(
      'theirs',
    );
    expect(decideField(facts({ mineChangedField: true, theirsChangedRecord: true }))).toBe('mine');
  });

  it('calls a field changed on both sides to different values a conflict', () => {
    expect(decideField(facts({ theirsChangedField: true, mineChangedField: true }))).toBe(
      'conflict',
    );
  });

  it('falls back to the record when no change-log entry explains the difference', () => {
    expect(decideField(facts({ theirsChangedRecord: true }))).toBe('theirs');
    expect(decideField(facts({ mineChangedRecord: true }))).toBe('mine');
    expect(decideField(facts({ theirsChangedRecord: true, mineChangedRecord: true }))).toBe(
      'conflict',
    );
    // Different with no history on either side: never overwritten silently.
    expect(decideField(facts({}))).toBe('conflict');
  });
});

describe('a record deleted here that the package still has', () => {
  it('stays deleted unless they changed it since, which is a conflict', () => {
    expect(decideDeleted(false)).toBe('mine');
    expect(decideDeleted(true)).toBe('conflict');
  });
});
