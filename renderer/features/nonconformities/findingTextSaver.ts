import {
  updateFindingSchema,
  type FindingDetail,
  type UpdateFindingInput,
} from '../../../shared/findings/schema';

/**
 * Autosave of a finding's text while it is open (requirement, statement, objective evidence).
 *
 * - Every keystroke is mirrored at once into localStorage; the copy goes only when exactly that
 *   text is acknowledged, so a crash inside the debounce window loses nothing.
 * - A save goes 600 ms after the last keystroke, or at once on `flush` (leaving a field, the page
 *   being hidden or left). One save is in flight at a time; what is typed meanwhile follows it.
 * - A text the contract refuses (an emptied statement) is kept on screen with the message at its
 *   field and not sent until it is valid; a failed save is retried with backoff.
 */

export const findingTextFields = ['requirementRef', 'statement', 'objectiveEvidence'] as const;
export type FindingTextField = (typeof findingTextFields)[number];
export type FindingText = Record<FindingTextField, string>;

export type TextSaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'retrying' | 'refused';

export interface TextSaveSnapshot {
  values: FindingText;
  state: TextSaveState;
  savedAt: Date | null;
  /** Why the last save failed, for a banner when it names no field. */
  message: string | null;
  /** Messages at the fields that caused them. */
  errors: Partial<Record<FindingTextField, string>>;
  /** True when text kept on this computer was brought back at the start. */
  restored: boolean;
}

interface LocalCopy {
  values: FindingText;
  /** When it was typed (ISO instant). */
  at: string;
  /** The finding's updatedAt the typing started from. */
  base: string;
}

/** The part of localStorage the saver uses (a Map-backed copy in tests). */
export interface TextCopyStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface FindingTextSaverDeps {
  storage: TextCopyStore;
  findingId: string;
  send: (input: UpdateFindingInput) => Promise<FindingDetail>;
  onSaved: (detail: FindingDetail) => void;
  /** A refusal (invalid, forbidden, not open) will not change by repeating it. */
  isRetryable: (error: unknown) => boolean;
  describe: (error: unknown) => string;
  fieldOf: (error: unknown) => string | undefined;
  now?: () => Date;
  debounceMs?: number;
  retryDelaysMs?: readonly number[];
}

export const findingTextStorageKey = (findingId: string) => `audit-desk:finding-text:${findingId}`;

export function textOf(detail: Pick<FindingDetail, FindingTextField>): FindingText {
  return {
    requirementRef: detail.requirementRef,
    statement: detail.statement,
    objectiveEvidence: detail.objectiveEvidence,
  };
}

const isTextField = (field: string | undefined): field is FindingTextField =>
  (findingTextFields as readonly string[]).includes(field ?? '');

export class FindingTextSaver {
  private saved: FindingText;
  private base: string;
  private snapshot: TextSaveSnapshot;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight = false;
  private again = false;
  private attempts = 0;
  private restoreDone = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly deps: FindingTextSaverDeps,
    detail: Pick<FindingDetail, FindingTextField | 'updatedAt'>,
  ) {
    this.saved = textOf(detail);
    this.base = detail.updatedAt;
    this.snapshot = {
      values: this.saved,
      state: 'idle',
      savedAt: null,
      message: null,
      errors: {},
      restored: false,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): TextSaveSnapshot => this.snapshot;

  edit(field: FindingTextField, value: string): void {
    const values = { ...this.snapshot.values, [field]: value };
    this.keepCopy(values);
    const errors = Object.fromEntries(
      Object.entries(this.snapshot.errors).filter(([f]) => f !== field),
    ) as TextSaveSnapshot['errors'];
    this.set({ values, errors, state: 'pending' });
    this.schedule(this.deps.debounceMs ?? 600);
  }

  /** Sends what is typed now (or right after the save in flight). */
  flush = (): void => {
    this.clearTimer();
    if (!this.differs(this.snapshot.values)) {
      if (this.snapshot.state === 'pending') this.set({ state: this.settledState() });
      return;
    }
    if (this.inflight) {
      this.again = true;
      return;
    }
    void this.send();
  };

  dispose(): void {
    this.flush();
    this.listeners.clear();
  }

  // ---- internals ----

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private differs(values: FindingText): boolean {
    return findingTextFields.some((f) => values[f] !== this.saved[f]);
  }

  private settledState(): TextSaveState {
    return this.snapshot.savedAt ? 'saved' : 'idle';
  }

  /**
   * Once, after mounting: brings back text kept on this computer that never reached the database
   * and is newer than what the database holds, and saves it.
   */
  restore(): void {
    if (this.restoreDone) return;
    this.restoreDone = true;
    const serverUpdatedAt = this.base;
    const copy = readCopy(this.deps.storage.getItem(findingTextStorageKey(this.deps.findingId)));
    if (!copy) return;
    const newer = copy.base === serverUpdatedAt || copy.at > serverUpdatedAt;
    if (!newer || !this.differs(copy.values)) {
      this.deps.storage.removeItem(findingTextStorageKey(this.deps.findingId));
      return;
    }
    this.set({ values: copy.values, restored: true, state: 'pending' });
    this.schedule(0);
  }

  private keepCopy(values: FindingText): void {
    const copy: LocalCopy = { values, at: this.now().toISOString(), base: this.base };
    try {
      this.deps.storage.setItem(findingTextStorageKey(this.deps.findingId), JSON.stringify(copy));
    } catch {
      // Storage full or unavailable: the save itself still carries the text.
    }
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async send(): Promise<void> {
    const values = this.snapshot.values;
    const input: UpdateFindingInput = { id: this.deps.findingId };
    for (const f of findingTextFields) if (values[f] !== this.saved[f]) input[f] = values[f];
    const checked = updateFindingSchema.safeParse(input);
    if (!checked.success) {
      const errors: Partial<Record<FindingTextField, string>> = {};
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (isTextField(field)) errors[field] ??= issue.message;
      }
      // Kept on screen and on this computer, not sent: the next change tries again.
      this.set({ state: 'refused', errors, message: checked.error.issues[0]?.message ?? null });
      return;
    }
    this.inflight = true;
    this.set({ state: 'saving' });
    try {
      const detail = await this.deps.send(input);
      this.inflight = false;
      this.attempts = 0;
      this.saved = { ...this.saved, ...pick(input) };
      this.base = detail.updatedAt;
      this.deps.onSaved(detail);
      if (!this.differs(this.snapshot.values)) {
        this.deps.storage.removeItem(findingTextStorageKey(this.deps.findingId));
      } else {
        this.keepCopy(this.snapshot.values);
      }
      this.set({
        state: this.differs(this.snapshot.values) ? 'pending' : 'saved',
        savedAt: this.now(),
        message: null,
        errors: {},
      });
    } catch (error) {
      this.inflight = false;
      const message = this.deps.describe(error);
      if (this.deps.isRetryable(error)) {
        this.attempts += 1;
        const delays = this.deps.retryDelaysMs ?? [1000, 2000, 5000, 10000, 30000];
        this.set({ state: 'retrying', message });
        this.again = false;
        this.schedule(delays[Math.min(this.attempts, delays.length) - 1] ?? 30000);
        return;
      }
      const field = this.deps.fieldOf(error);
      this.again = false;
      this.set({
        state: 'refused',
        message,
        errors: isTextField(field) ? { [field]: message } : {},
      });
      return;
    }
    if (this.again) {
      this.again = false;
      this.flush();
    }
  }

  private set(change: Partial<TextSaveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

function pick(input: UpdateFindingInput): Partial<FindingText> {
  const out: Partial<FindingText> = {};
  for (const f of findingTextFields) {
    const value = input[f];
    if (value !== undefined) out[f] = value;
  }
  return out;
}

function readCopy(raw: string | null): LocalCopy | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<LocalCopy>;
    const v = value.values;
    if (!v || typeof value.at !== 'string' || typeof value.base !== 'string') return null;
    if (!findingTextFields.every((f) => typeof v[f] === 'string')) return null;
    return { values: v, at: value.at, base: value.base };
  } catch {
    return null;
  }
}
