import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ReportDraftSaver,
  draftStorageKey,
} from '../../renderer/features/reports/reportDraftSaver';
import type { ReportRevision, UpdateReportDraftInput } from '../../shared/reports/schema';

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

const auditId = 'audit-1';
const key = draftStorageKey(auditId, 1);

function revision(over: Partial<ReportRevision> = {}): ReportRevision {
  return {
    id: 'r1',
    auditId,
    revision: 1,
    state: 'draft',
    changeNote: '',
    effectivenessConclusion: '',
    recommendation: null,
    recommendationNotes: '',
    divergingOpinions: '',
    samplingBasis: '',
    daysSpent: null,
    daysSpentReason: '',
    acknowledgedWarnings: [],
    issuedById: null,
    issuedByName: null,
    issuedAt: null,
    pdfSha256: null,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    ...over,
  };
}

function setUp(latest: ReportRevision | null, fail: Error | null = null) {
  const storage = new MemoryStorage();
  const sent: UpdateReportDraftInput[] = [];
  let stored = latest ?? revision();
  const saved: ReportRevision[] = [];
  const saver = new ReportDraftSaver(
    {
      storage,
      auditId,
      send: vi.fn(async (input: UpdateReportDraftInput) => {
        sent.push(input);
        if (fail) throw fail;
        stored = {
          ...stored,
          ...(input as Partial<ReportRevision>),
          updatedAt: '2026-03-02T09:01:00.000Z',
        };
        return stored;
      }),
      onSaved: (r) => saved.push(r),
      isRetryable: () => false,
      describe: (e) => (e instanceof Error ? e.message : String(e)),
      fieldOf: () => undefined,
      debounceMs: 600,
    },
    latest,
  );
  return { storage, sent, saved, saver };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the report draft autosave', () => {
  it('sends only what changed, 600 ms after the last keystroke, with the revision edited', async () => {
    const { saver, sent, storage } = setUp(revision({ effectivenessConclusion: 'Eff' }));
    saver.edit('effectivenessConclusion', 'Effective.');
    expect(storage.getItem(key)).toContain('Effective.');
    await vi.advanceTimersByTimeAsync(599);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([{ auditId, revision: 1, effectivenessConclusion: 'Effective.' }]);
    expect(saver.getSnapshot().state).toBe('saved');
    expect(storage.getItem(key)).toBeNull();
  });

  it('before the first save sends no revision (the service starts revision 1)', async () => {
    const { saver, sent } = setUp(null);
    saver.edit('daysSpent', 3);
    saver.flush();
    await vi.runAllTimersAsync();
    expect(sent).toEqual([{ auditId, daysSpent: 3 }]);
  });

  it('keeps a value the contract refuses on screen and on this computer, with the message at its field', async () => {
    const { saver, sent, storage } = setUp(revision());
    saver.edit('daysSpent', 2.3);
    saver.flush();
    await vi.runAllTimersAsync();
    expect(sent).toEqual([]);
    expect(saver.getSnapshot()).toMatchObject({
      state: 'refused',
      values: { daysSpent: 2.3 },
      errors: { daysSpent: 'Enter the days spent in half days, e.g. 3 or 3.5.' },
    });
    expect(storage.getItem(key)).toContain('2.3');
  });

  it('keeps the text on this computer when the service refuses it, and brings it back after a reload', async () => {
    const first = setUp(revision(), new Error('Revision 1 of this report was issued'));
    first.saver.edit('divergingOpinions', 'The client disputes NC-01.');
    first.saver.flush();
    await vi.runAllTimersAsync();
    expect(first.saver.getSnapshot()).toMatchObject({
      state: 'refused',
      message: 'Revision 1 of this report was issued',
    });
    const copy = first.storage.getItem(key);
    expect(copy).toContain('The client disputes NC-01.');

    const again = setUp(revision());
    again.storage.setItem(key, copy ?? '');
    again.saver.restore();
    expect(again.saver.getSnapshot()).toMatchObject({
      restored: true,
      values: { divergingOpinions: 'The client disputes NC-01.' },
    });
    await vi.runAllTimersAsync();
    expect(again.sent).toEqual([
      { auditId, revision: 1, divergingOpinions: 'The client disputes NC-01.' },
    ]);
  });

  it('settles only once everything typed is acknowledged', async () => {
    const { saver, sent } = setUp(revision());
    saver.edit('recommendation', 'grant');
    saver.edit('acknowledgedWarnings', ['scopeDiffersFromApplication']);
    const settled = saver.settle();
    await vi.runAllTimersAsync();
    expect(await settled).toBe(true);
    expect(sent).toEqual([
      {
        auditId,
        revision: 1,
        recommendation: 'grant',
        acknowledgedWarnings: ['scopeDiffersFromApplication'],
      },
    ]);
  });
});
