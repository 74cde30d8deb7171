import {
  saveAnswerSchema,
  type AnswerValue,
  type SaveAnswerInput,
  type SavedAnswer,
} from '../../../shared/checklists/schema';

/**
 * Autosave of one auditor's checklist answers (issue 6, "impossible to lose work in").
 *
 * - A result is sent at once; notes 300 ms after the last keystroke, or sooner on `flush`
 *   (blur, switching item, the page being hidden or closed).
 * - Every keystroke is first mirrored synchronously into localStorage, and the copy is removed
 *   only once the save of exactly that text is acknowledged. A crash inside the debounce window,
 *   or a save that never arrives, leaves the copy to be restored and saved at the next start.
 * - A failed save is put back (under anything typed since) and retried with backoff; text is
 *   never dropped. A save the service refuses as invalid waits for the next change instead.
 * - One save per item is in flight at a time, so answers arrive in the order they were made.
 */

type Timer = ReturnType<typeof setTimeout>;

interface Pending {
  result?: AnswerValue | null;
  notes?: string;
}

/** What is kept on the computer for an item until its notes are saved. */
export interface LocalCopy {
  notes: string;
  /** When it was typed (ISO instant). */
  at: string;
  /** The saved answer's answeredAt the typing started from; null when there was none. */
  base: string | null;
}

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'retrying' | 'refused';

export interface SaveStatus {
  state: SaveState;
  /** When the last save was acknowledged in this session. */
  savedAt: Date | null;
  /** Why the last save failed ('retrying' or 'refused'). */
  message: string | null;
}

export interface SavedMine {
  id: string;
  /** This auditor's saved answer to the item, if any. */
  mine: { notes: string; answeredAt: string } | null;
}

/** The part of the browser's Storage (localStorage) the saver uses; a plain object in tests. */
export interface KeyValueStore {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
  removeItem: (key: string) => void;
  key: (index: number) => string | null;
  readonly length: number;
}

export interface AnswerSaverDeps {
  storage: KeyValueStore;
  /** Storage key prefix for this audit and person; the item id is appended. */
  prefix: string;
  send: (input: SaveAnswerInput) => Promise<SavedAnswer>;
  onSaved: (saved: SavedAnswer) => void;
  /** Whether a failed save is worth repeating (not a refusal such as invalid input). */
  isRetryable: (error: unknown) => boolean;
  describe: (error: unknown) => string;
  now?: () => Date;
  debounceMs?: number;
  retryDelaysMs?: readonly number[];
}

export function storagePrefix(auditId: string, personId: string): string {
  return `audit-desk:checklist-notes:${auditId}:${personId}:`;
}

export class AnswerSaver {
  private readonly local = new Map<string, string>();
  private readonly pending = new Map<string, Pending>();
  private readonly timers = new Map<string, Timer>();
  private readonly inflight = new Set<string>();
  private readonly again = new Set<string>();
  private readonly attempts = new Map<string, number>();
  private readonly failing = new Map<string, string>();
  private readonly refused = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private savedAt: Date | null = null;
  private status: SaveStatus = { state: 'idle', savedAt: null, message: null };
  private restored = false;

  constructor(private readonly deps: AnswerSaverDeps) {}

  // ---- what the screen reads (useSyncExternalStore) ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = (): SaveStatus => this.status;

  /** The notes typed on this computer this session (saved or not); undefined if none. */
  notesFor(itemId: string): string | undefined {
    return this.local.get(itemId);
  }

  /** Why the item's last save was refused, to show at its notes field. */
  refusalFor(itemId: string): string | undefined {
    return this.refused.get(itemId);
  }

  hasUnsaved(): boolean {
    return this.pending.size > 0 || this.inflight.size > 0;
  }

  // ---- changes ----

  editNotes(itemId: string, notes: string, base: string | null): void {
    this.local.set(itemId, notes);
    const copy: LocalCopy = { notes, at: this.now().toISOString(), base };
    try {
      this.deps.storage.setItem(this.deps.prefix + itemId, JSON.stringify(copy));
    } catch {
      // Storage full or unavailable: the save below still carries the text.
    }
    this.merge(itemId, { notes });
    this.schedule(itemId, this.deps.debounceMs ?? 300);
    this.emit();
  }

  setResult(itemId: string, result: AnswerValue | null): void {
    this.merge(itemId, { result });
    this.flush(itemId);
  }

  /** Sends the item's pending change now (or right after the save in flight). */
  flush(itemId: string): void {
    this.clearTimer(itemId);
    if (!this.pending.has(itemId)) return;
    if (this.inflight.has(itemId)) {
      this.again.add(itemId);
      return;
    }
    void this.send(itemId);
  }

  flushAll(): void {
    for (const itemId of [...this.pending.keys()]) this.flush(itemId);
  }

  /**
   * Once, when the checklist has loaded: brings back notes kept on this computer that never
   * reached the database and are newer than what it holds, and saves them.
   */
  restore(items: readonly SavedMine[]): string[] {
    if (this.restored) return [];
    this.restored = true;
    const byId = new Map(items.map((i) => [i.id, i]));
    const keys: string[] = [];
    for (let n = 0; n < this.deps.storage.length; n++) {
      const key = this.deps.storage.key(n);
      if (key?.startsWith(this.deps.prefix)) keys.push(key);
    }
    const restoredIds: string[] = [];
    for (const key of keys) {
      const itemId = key.slice(this.deps.prefix.length);
      const copy = readCopy(this.deps.storage.getItem(key));
      const item = byId.get(itemId);
      if (!copy || !item) {
        this.deps.storage.removeItem(key);
        continue;
      }
      const serverNotes = item.mine?.notes ?? '';
      const newer =
        item.mine === null || copy.base === item.mine.answeredAt || copy.at > item.mine.answeredAt;
      if (copy.notes === serverNotes || !newer) {
        this.deps.storage.removeItem(key);
        continue;
      }
      this.local.set(itemId, copy.notes);
      this.merge(itemId, { notes: copy.notes });
      this.flush(itemId);
      restoredIds.push(itemId);
    }
    this.emit();
    return restoredIds;
  }

  // ---- internals ----

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private merge(itemId: string, change: Pending): void {
    this.pending.set(itemId, { ...this.pending.get(itemId), ...change });
  }

  private schedule(itemId: string, ms: number): void {
    this.clearTimer(itemId);
    this.timers.set(
      itemId,
      setTimeout(() => {
        this.timers.delete(itemId);
        this.flush(itemId);
      }, ms),
    );
  }

  private clearTimer(itemId: string): void {
    const timer = this.timers.get(itemId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(itemId);
  }

  private async send(itemId: string): Promise<void> {
    const fields = this.pending.get(itemId) ?? {};
    this.pending.delete(itemId);
    const input: SaveAnswerInput = { checklistItemId: itemId, ...fields };
    const checked = saveAnswerSchema.safeParse(input);
    if (!checked.success) {
      // Kept, not sent: the next change to the item tries again.
      this.merge(itemId, { ...fields, ...this.pending.get(itemId) });
      this.refused.set(itemId, checked.error.issues[0]?.message ?? 'Not valid.');
      this.emit();
      return;
    }
    this.inflight.add(itemId);
    this.emit();
    try {
      const saved = await this.deps.send(input);
      this.inflight.delete(itemId);
      this.attempts.delete(itemId);
      this.failing.delete(itemId);
      this.refused.delete(itemId);
      this.savedAt = this.now();
      this.deps.onSaved(saved);
      if (fields.notes !== undefined) this.forgetCopyIfSaved(itemId, fields.notes);
    } catch (error) {
      this.inflight.delete(itemId);
      this.merge(itemId, { ...fields, ...this.pending.get(itemId) });
      const message = this.deps.describe(error);
      if (this.deps.isRetryable(error)) {
        const attempt = (this.attempts.get(itemId) ?? 0) + 1;
        this.attempts.set(itemId, attempt);
        this.failing.set(itemId, message);
        const delays = this.deps.retryDelaysMs ?? [1000, 2000, 5000, 10000, 30000];
        this.again.delete(itemId);
        this.schedule(itemId, delays[Math.min(attempt, delays.length) - 1] ?? 30000);
      } else {
        this.refused.set(itemId, message);
        this.again.delete(itemId);
      }
    }
    if (this.again.delete(itemId)) this.flush(itemId);
    this.emit();
  }

  private forgetCopyIfSaved(itemId: string, savedNotes: string): void {
    const key = this.deps.prefix + itemId;
    const copy = readCopy(this.deps.storage.getItem(key));
    if (copy && copy.notes === savedNotes) this.deps.storage.removeItem(key);
  }

  private emit(): void {
    const next = this.computeStatus();
    const prev = this.status;
    if (
      next.state !== prev.state ||
      next.savedAt !== prev.savedAt ||
      next.message !== prev.message
    ) {
      this.status = next;
    }
    for (const listener of this.listeners) listener();
  }

  private computeStatus(): SaveStatus {
    const savedAt = this.savedAt;
    const refused = [...this.refused.values()][0];
    if (refused !== undefined) return { state: 'refused', savedAt, message: refused };
    const failing = [...this.failing.values()][0];
    if (failing !== undefined) return { state: 'retrying', savedAt, message: failing };
    if (this.inflight.size > 0) return { state: 'saving', savedAt, message: null };
    if (this.pending.size > 0) return { state: 'pending', savedAt, message: null };
    return { state: savedAt ? 'saved' : 'idle', savedAt, message: null };
  }
}

function readCopy(raw: string | null): LocalCopy | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<LocalCopy>;
    if (typeof value.notes !== 'string' || typeof value.at !== 'string') return null;
    return { notes: value.notes, at: value.at, base: value.base ?? null };
  } catch {
    return null;
  }
}
