import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnswerSaver, storagePrefix } from '../../renderer/features/checklist/answerSaver';
import type { SaveAnswerInput, SavedAnswer } from '../../shared/checklists/schema';

/** localStorage as the browser has it: synchronous, string keys and values. */
class MemoryStorage {
  private readonly data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  key(n: number) {
    return [...this.data.keys()][n] ?? null;
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const prefix = storagePrefix('audit-1', 'person-1');

function answer(input: SaveAnswerInput, at: string): SavedAnswer {
  return {
    answer: {
      id: `answer-${input.checklistItemId}`,
      checklistItemId: input.checklistItemId,
      auditorId: 'person-1',
      auditorName: 'Ana Admin',
      result: input.result ?? null,
      notes: input.notes ?? '',
      answeredAt: at,
    },
    savedAt: at,
  };
}

/** A service that answers when told to, or fails, recording what it was sent. */
function fakeService() {
  const sent: SaveAnswerInput[] = [];
  let fail: Error | null = null;
  return {
    sent,
    failWith(error: Error | null) {
      fail = error;
    },
    send: vi.fn(async (input: SaveAnswerInput) => {
      sent.push(input);
      if (fail) throw fail;
      return answer(input, '2026-03-04T10:00:00.000Z');
    }),
  };
}

function makeSaver(storage: MemoryStorage, service: ReturnType<typeof fakeService>) {
  const saved: SavedAnswer[] = [];
  const saver = new AnswerSaver({
    storage,
    prefix,
    send: service.send,
    onSaved: (s) => saved.push(s),
    isRetryable: (e) => !(e instanceof RangeError),
    describe: (e) => (e instanceof Error ? e.message : String(e)),
    now: () => new Date('2026-03-04T10:00:00.000Z'),
  });
  return { saver, saved };
}

describe('checklist autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps every keystroke on the computer at once and sends the notes 300 ms after the last one', async () => {
    const storage = new MemoryStorage();
    const service = fakeService();
    const { saver } = makeSaver(storage, service);
    saver.editNotes('item-1', 'Inter', null);
    expect(JSON.parse(storage.getItem(`${prefix}item-1`) ?? '{}')).toMatchObject({
      notes: 'Inter',
    });
    await vi.advanceTimersByTimeAsync(200);
    saver.editNotes('item-1', 'Interviewed the CISO', null);
    await vi.advanceTimersByTimeAsync(299);
    expect(service.sent).toEqual([]);
    expect(saver.getStatus().state).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(service.sent).toEqual([{ checklistItemId: 'item-1', notes: 'Interviewed the CISO' }]);
    expect(storage.getItem(`${prefix}item-1`)).toBeNull();
    expect(saver.getStatus().state).toBe('saved');
  });

  it('sends a result at once, with notes typed meanwhile, and flushes on demand', async () => {
    const storage = new MemoryStorage();
    const service = fakeService();
    const { saver } = makeSaver(storage, service);
    saver.editNotes('item-1', 'Policy v3 seen', null);
    saver.setResult('item-1', 'conforming');
    await vi.advanceTimersByTimeAsync(0);
    expect(service.sent).toEqual([
      { checklistItemId: 'item-1', notes: 'Policy v3 seen', result: 'conforming' },
    ]);
    saver.editNotes('item-2', 'Blur', null);
    saver.flushAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(service.sent.at(-1)).toEqual({ checklistItemId: 'item-2', notes: 'Blur' });
  });

  it('keeps the text when a save fails, says so, and retries with backoff until it is saved', async () => {
    const storage = new MemoryStorage();
    const service = fakeService();
    const { saver, saved } = makeSaver(storage, service);
    service.failWith(new Error('The Audit Desk service did not answer.'));
    saver.editNotes('item-1', 'Sampled 5 change records', null);
    await vi.advanceTimersByTimeAsync(300);
    expect(saver.getStatus()).toMatchObject({
      state: 'retrying',
      message: 'The Audit Desk service did not answer.',
    });
    expect(storage.getItem(`${prefix}item-1`)).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    expect(service.sent).toHaveLength(2);
    // Typed while failing: the retry sends the newest text, never an older one.
    saver.editNotes('item-1', 'Sampled 5 change records; 1 lacked approval', null);
    service.failWith(null);
    await vi.advanceTimersByTimeAsync(300);
    expect(saved.at(-1)?.answer.notes).toBe('Sampled 5 change records; 1 lacked approval');
    expect(storage.getItem(`${prefix}item-1`)).toBeNull();
    expect(saver.getStatus().state).toBe('saved');
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('does not send notes over the limit, says why, and keeps them', async () => {
    const storage = new MemoryStorage();
    const service = fakeService();
    const { saver } = makeSaver(storage, service);
    saver.editNotes('item-1', 'x'.repeat(20001), null);
    await vi.advanceTimersByTimeAsync(300);
    expect(service.sent).toEqual([]);
    expect(saver.refusalFor('item-1')).toBe('Notes are limited to 20,000 characters.');
    expect(saver.notesFor('item-1')).toHaveLength(20001);
    saver.editNotes('item-1', 'x'.repeat(20000), null);
    await vi.advanceTimersByTimeAsync(300);
    expect(saver.refusalFor('item-1')).toBeUndefined();
    expect(saver.getStatus().state).toBe('saved');
  });

  it('sends one save per item at a time, then the change made while it was under way', async () => {
    const storage = new MemoryStorage();
    let release: () => void = () => undefined;
    const sent: SaveAnswerInput[] = [];
    const saver = new AnswerSaver({
      storage,
      prefix,
      send: (input) => {
        sent.push(input);
        return new Promise((resolve) => {
          release = () => resolve(answer(input, '2026-03-04T10:00:00.000Z'));
        });
      },
      onSaved: () => undefined,
      isRetryable: () => true,
      describe: String,
    });
    saver.setResult('item-1', 'concern');
    saver.setResult('item-1', 'ready');
    expect(sent).toHaveLength(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([
      { checklistItemId: 'item-1', result: 'concern' },
      { checklistItemId: 'item-1', result: 'ready' },
    ]);
  });

  it('after a crash, restores and saves notes kept on the computer that are newer than the saved answer', async () => {
    const storage = new MemoryStorage();
    const copy = (notes: string, at: string, base: string | null) =>
      JSON.stringify({ notes, at, base });
    storage.setItem(
      `${prefix}never-saved`,
      copy('Typed then crashed', '2026-03-04T09:00:00Z', null),
    );
    storage.setItem(
      `${prefix}edited`,
      copy('Edited after the save', '2026-03-04T09:00:00Z', '2026-03-04T08:00:00Z'),
    );
    storage.setItem(
      `${prefix}overtaken`,
      copy('Old text', '2026-03-04T07:00:00Z', '2026-03-04T06:00:00Z'),
    );
    storage.setItem(`${prefix}same`, copy('Already saved', '2026-03-04T09:00:00Z', null));
    storage.setItem(`${prefix}gone`, copy('Item removed', '2026-03-04T09:00:00Z', null));
    storage.setItem(
      'audit-desk:checklist-notes:other-audit:person-1:x',
      copy('Not ours', 'z', null),
    );
    const service = fakeService();
    const { saver } = makeSaver(storage, service);
    const restored = saver.restore([
      { id: 'never-saved', mine: null },
      { id: 'edited', mine: { notes: 'Saved text', answeredAt: '2026-03-04T08:00:00Z' } },
      { id: 'overtaken', mine: { notes: 'Newer elsewhere', answeredAt: '2026-03-04T08:00:00Z' } },
      { id: 'same', mine: { notes: 'Already saved', answeredAt: '2026-03-04T08:00:00Z' } },
    ]);
    expect(restored.sort()).toEqual(['edited', 'never-saved']);
    expect(saver.notesFor('edited')).toBe('Edited after the save');
    expect(saver.notesFor('overtaken')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(0);
    expect(service.sent.map((s) => [s.checklistItemId, s.notes]).sort()).toEqual([
      ['edited', 'Edited after the save'],
      ['never-saved', 'Typed then crashed'],
    ]);
    for (const gone of ['overtaken', 'same', 'gone', 'edited', 'never-saved']) {
      expect(storage.getItem(`${prefix}${gone}`)).toBeNull();
    }
    expect(storage.getItem('audit-desk:checklist-notes:other-audit:person-1:x')).not.toBeNull();
    // Only once per screen: a refetched checklist does not restore again.
    expect(saver.restore([{ id: 'never-saved', mine: null }])).toEqual([]);
  });

  it('waits for the next change after a refusal instead of repeating it', async () => {
    const storage = new MemoryStorage();
    const service = fakeService();
    const { saver } = makeSaver(storage, service);
    service.failWith(new RangeError('Only members of the audit team answer its checklist.'));
    saver.editNotes('item-1', 'Notes', null);
    await vi.advanceTimersByTimeAsync(300);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(service.sent).toHaveLength(1);
    expect(saver.getStatus()).toMatchObject({
      state: 'refused',
      message: 'Only members of the audit team answer its checklist.',
    });
    expect(saver.notesFor('item-1')).toBe('Notes');
    expect(storage.getItem(`${prefix}item-1`)).not.toBeNull();
  });
});
