import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FindingTextSaver,
  findingTextStorageKey,
  type FindingText,
} from '../../renderer/features/nonconformities/findingTextSaver';
import type { FindingDetail, UpdateFindingInput } from '../../shared/findings/schema';

/** localStorage as the browser has it: synchronous, string keys and values. */
class MemoryStorage {
  readonly data = new Map<string, string>();
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

class ApiLikeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const id = 'finding-1';
const key = findingTextStorageKey(id);
const first: FindingText = {
  requirementRef: 'ISO/IEC 42001:2023 6.1.4',
  statement: 'No impact assessment.',
  objectiveEvidence: 'Register IA-REG is empty.',
};

/** The service's view of the finding: the saver only reads its text and updatedAt. */
function detail(text: FindingText, updatedAt: string): FindingDetail {
  return { id, ...text, updatedAt } as unknown as FindingDetail;
}

/** A finding service that stores what it is sent, or fails as told. */
function fakeService() {
  let stored = { ...first };
  let clock = 0;
  let failure: Error | null = null;
  const sent: UpdateFindingInput[] = [];
  return {
    sent,
    stored: () => stored,
    failWith(error: Error | null) {
      failure = error;
    },
    send: vi.fn(async (input: UpdateFindingInput) => {
      sent.push(input);
      if (failure) throw failure;
      stored = {
        requirementRef: input.requirementRef ?? stored.requirementRef,
        statement: input.statement ?? stored.statement,
        objectiveEvidence: input.objectiveEvidence ?? stored.objectiveEvidence,
      };
      clock += 1;
      return detail(stored, `2026-03-04T10:00:0${clock}.000Z`);
    }),
  };
}

function makeSaver(
  storage: MemoryStorage,
  service: ReturnType<typeof fakeService>,
  from = detail(first, '2026-03-04T09:00:00.000Z'),
) {
  const saver = new FindingTextSaver(
    {
      storage,
      findingId: id,
      send: service.send,
      onSaved: () => undefined,
      isRetryable: (e) => !(e instanceof ApiLikeError) || e.code === 'INTERNAL',
      describe: (e) => (e instanceof Error ? e.message : String(e)),
      fieldOf: (e) => (e instanceof ApiLikeError ? e.field : undefined),
      now: () => new Date(Date.now()),
      retryDelaysMs: [1000, 2000],
    },
    from,
  );
  saver.restore();
  return saver;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-04T10:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave of a finding’s text', () => {
  it('sends only the changed field, once, 600 ms after the last keystroke', async () => {
    const storage = new MemoryStorage();
    const service = fakeService();
    const saver = makeSaver(storage, service);
    saver.edit('statement', 'No impact');
    await vi.advanceTimersByTimeAsync(300);
    saver.edit('statement', 'No impact assessment exists for 2 AI systems.');
    await vi.advanceTimersByTimeAsync(599);
    expect(service.sent).toHaveLength(0);
    expect(saver.getSnapshot().state).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(service.sent).toEqual([
      { id, statement: 'No impact assessment exists for 2 AI systems.' },
    ]);
    expect(saver.getSnapshot().state).toBe('saved');
    expect(storage.data.has(key)).toBe(false);
  });

  it('keeps the text on this computer until it is saved, and brings it back after a crash', async () => {
    const storage = new MemoryStorage();
    const service = fakeService();
    const crashed = makeSaver(storage, service);
    crashed.edit('objectiveEvidence', 'Register IA-REG is empty; CTO interviewed.');
    expect(JSON.parse(storage.getItem(key) ?? '{}')).toMatchObject({
      values: { objectiveEvidence: 'Register IA-REG is empty; CTO interviewed.' },
    });
    // The app dies inside the debounce window: nothing was sent.
    expect(service.sent).toHaveLength(0);

    const again = makeSaver(storage, service);
    expect(again.getSnapshot().restored).toBe(true);
    expect(again.getSnapshot().values.objectiveEvidence).toBe(
      'Register IA-REG is empty; CTO interviewed.',
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(service.stored().objectiveEvidence).toBe('Register IA-REG is empty; CTO interviewed.');
    expect(storage.data.has(key)).toBe(false);
  });

  it('drops a kept copy older than what the database holds', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      key,
      JSON.stringify({
        values: { ...first, statement: 'An old draft.' },
        at: '2026-03-04T08:00:00.000Z',
        base: '2026-03-04T07:00:00.000Z',
      }),
    );
    const saver = makeSaver(storage, fakeService());
    expect(saver.getSnapshot().values.statement).toBe(first.statement);
    expect(saver.getSnapshot().restored).toBe(false);
    expect(storage.data.has(key)).toBe(false);
  });

  it('does not send an emptied statement: the message is at the field and the rest is kept', async () => {
    const storage = new MemoryStorage();
    const service = fakeService();
    const saver = makeSaver(storage, service);
    saver.edit('requirementRef', 'ISO/IEC 42001:2023 8.4');
    saver.edit('statement', '   ');
    await vi.advanceTimersByTimeAsync(600);
    expect(service.sent).toHaveLength(0);
    const snapshot = saver.getSnapshot();
    expect(snapshot.state).toBe('refused');
    expect(snapshot.errors.statement).toBe('State what is not fulfilled, in one or two sentences.');
    expect(snapshot.values.requirementRef).toBe('ISO/IEC 42001:2023 8.4');
    expect(storage.data.has(key)).toBe(true);

    saver.edit('statement', 'Impact assessments are missing.');
    expect(saver.getSnapshot().errors.statement).toBeUndefined();
    await vi.advanceTimersByTimeAsync(600);
    expect(service.sent).toEqual([
      {
        id,
        requirementRef: 'ISO/IEC 42001:2023 8.4',
        statement: 'Impact assessments are missing.',
      },
    ]);
    expect(saver.getSnapshot().state).toBe('saved');
  });

  it('shows a refusal from the service at its field and does not repeat it', async () => {
    const service = fakeService();
    const saver = makeSaver(new MemoryStorage(), service);
    service.failWith(
      new ApiLikeError('CONFLICT', 'The finding is closed: its text can no longer change.'),
    );
    saver.edit('statement', 'Edited after closing.');
    await vi.advanceTimersByTimeAsync(600);
    expect(saver.getSnapshot()).toMatchObject({
      state: 'refused',
      message: 'The finding is closed: its text can no longer change.',
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(service.sent).toHaveLength(1);
    expect(saver.getSnapshot().values.statement).toBe('Edited after closing.');
  });

  it('retries a save that failed for another reason until it goes through', async () => {
    const storage = new MemoryStorage();
    const service = fakeService();
    const saver = makeSaver(storage, service);
    service.failWith(new Error('database is locked'));
    saver.edit('statement', 'Saved on the third try.');
    await vi.advanceTimersByTimeAsync(600);
    expect(saver.getSnapshot().state).toBe('retrying');
    await vi.advanceTimersByTimeAsync(1000);
    expect(service.sent).toHaveLength(2);
    service.failWith(null);
    await vi.advanceTimersByTimeAsync(2000);
    expect(service.sent).toHaveLength(3);
    expect(service.stored().statement).toBe('Saved on the third try.');
    expect(saver.getSnapshot().state).toBe('saved');
    expect(storage.data.has(key)).toBe(false);
  });

  it('sends what was typed during a save right after it, in order', async () => {
    const service = fakeService();
    let release: () => void = () => undefined;
    const slow = vi.fn(
      (input: UpdateFindingInput) =>
        new Promise<FindingDetail>((resolve) => {
          release = () => void service.send(input).then(resolve);
        }),
    );
    const storage = new MemoryStorage();
    const saver = new FindingTextSaver(
      {
        storage,
        findingId: id,
        send: slow,
        onSaved: () => undefined,
        isRetryable: () => true,
        describe: String,
        fieldOf: () => undefined,
      },
      detail(first, '2026-03-04T09:00:00.000Z'),
    );
    saver.edit('statement', 'First version.');
    saver.flush();
    expect(saver.getSnapshot().state).toBe('saving');
    saver.edit('statement', 'Second version.');
    saver.flush();
    expect(slow).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(slow).toHaveBeenCalledTimes(2);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(service.sent.map((s) => s.statement)).toEqual(['First version.', 'Second version.']);
    expect(saver.getSnapshot().state).toBe('saved');
    expect(storage.data.has(key)).toBe(false);
  });
});
