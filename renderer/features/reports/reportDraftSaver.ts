import {
  reportDraftFieldNames,
  updateReportDraftSchema,
  type ReportDraftFieldName,
  type ReportRevision,
  type UpdateReportDraftInput,
} from '../../../shared/reports/schema';

/**
 * Autosave of the report draft's parts the lead auditor writes.
 *
 * - Every change is mirrored at once into localStorage; the copy goes only when exactly that text
 *   is acknowledged, so a crash inside the debounce window loses nothing.
 * - A save goes 600 ms after the last keystroke, or at once on `flush` (leaving a field, choosing
 *   from a list, ticking a box, the page being hidden or left). One save is in flight at a time.
 * - A value the contract refuses stays on screen with the message at its field and is not sent
 *   until it is valid; a failed save is retried with backoff.
 */

/** The draft's editable parts as the form holds them (every field present). */
export type DraftValues = Pick<ReportRevision, ReportDraftFieldName>;

export type DraftSaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'retrying' | 'refused';

export interface DraftSnapshot {
  values: DraftValues;
  state: DraftSaveState;
  savedAt: Date | null;
  message: string | null;
  errors: Partial<Record<ReportDraftFieldName, string>>;
  restored: boolean;
}

export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface DraftSaverDeps {
  storage: DraftStore;
  auditId: string;
  send: (input: UpdateReportDraftInput) => Promise<ReportRevision>;
  onSaved: (revision: ReportRevision) => void;
  isRetryable: (error: unknown) => boolean;
  describe: (error: unknown) => string;
  fieldOf: (error: unknown) => string | undefined;
  now?: () => Date;
  debounceMs?: number;
  retryDelaysMs?: readonly number[];
}

interface LocalCopy {
  values: DraftValues;
  at: string;
  base: string;
}

export const draftStorageKey = (auditId: string, revision: number) =>
  `audit-desk:report-draft:${auditId}:${revision}`;

export function draftValuesOf(revision: ReportRevision | null): DraftValues {
  return {
    effectivenessConclusion: revision?.effectivenessConclusion ?? '',
    recommendation: revision?.recommendation ?? null,
    recommendationNotes: revision?.recommendationNotes ?? '',
    divergingOpinions: revision?.divergingOpinions ?? '',
    samplingBasis: revision?.samplingBasis ?? '',
    daysSpent: revision?.daysSpent ?? null,
    daysSpentReason: revision?.daysSpentReason ?? '',
    acknowledgedWarnings: revision?.acknowledgedWarnings ?? [],
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isField = (f: string | undefined): f is ReportDraftFieldName =>
  (reportDraftFieldNames as readonly string[]).includes(f ?? '');

export class ReportDraftSaver {
  private saved: DraftValues;
  private base: string;
  private readonly revision: number | undefined;
  private snapshot: DraftSnapshot;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private again = false;
  private attempts = 0;
  private restoreDone = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly deps: DraftSaverDeps,
    latest: ReportRevision | null,
  ) {
    this.saved = draftValuesOf(latest);
    this.base = latest?.updatedAt ?? '';
    this.revision = latest?.revision;
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

  getSnapshot = (): DraftSnapshot => this.snapshot;

  private get key(): string {
    return draftStorageKey(this.deps.auditId, this.revision ?? 1);
  }

  edit<K extends ReportDraftFieldName>(field: K, value: DraftValues[K]): void {
    const values = { ...this.snapshot.values, [field]: value };
    this.keepCopy(values);
    const errors = Object.fromEntries(
      Object.entries(this.snapshot.errors).filter(([f]) => f !== field),
    ) as DraftSnapshot['errors'];
    this.set({ values, errors, state: 'pending' });
    this.schedule(this.deps.debounceMs ?? 600);
  }

  /** Sends what is typed now (or right after the save in flight). */
  flush = (): void => {
    this.clearTimer();
    if (!this.differs(this.snapshot.values)) {
      if (this.snapshot.state === 'pending')
        this.set({ state: this.snapshot.savedAt ? 'saved' : 'idle' });
      return;
    }
    if (this.inflight) {
      this.again = true;
      return;
    }
    this.inflight = this.send();
  };

  /** Resolves once everything typed has been sent and acknowledged (or refused). */
  async settle(): Promise<boolean> {
    this.flush();
    while (this.inflight) await this.inflight;
    return !this.differs(this.snapshot.values);
  }

  /** Once, after mounting: brings back changes kept on this computer that never reached the database. */
  restore(): void {
    if (this.restoreDone) return;
    this.restoreDone = true;
    const copy = readCopy(this.deps.storage.getItem(this.key));
    if (!copy) return;
    const newer = copy.base === this.base || copy.at > this.base;
    if (!newer || !this.differs(copy.values)) {
      this.deps.storage.removeItem(this.key);
      return;
    }
    this.set({ values: copy.values, restored: true, state: 'pending' });
    this.schedule(0);
  }

  dispose(): void {
    this.flush();
    this.listeners.clear();
  }

  private differs(values: DraftValues): boolean {
    return reportDraftFieldNames.some((f) => !same(values[f], this.saved[f]));
  }

  private keepCopy(values: DraftValues): void {
    const copy: LocalCopy = {
      values,
      at: (this.deps.now?.() ?? new Date()).toISOString(),
      base: this.base,
    };
    try {
      this.deps.storage.setItem(this.key, JSON.stringify(copy));
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
    const input: UpdateReportDraftInput = { auditId: this.deps.auditId };
    if (this.revision !== undefined) input.revision = this.revision;
    const changed: Partial<DraftValues> = {};
    for (const f of reportDraftFieldNames) {
      if (!same(values[f], this.saved[f])) Object.assign(changed, { [f]: values[f] });
    }
    Object.assign(input, changed);
    const checked = updateReportDraftSchema.safeParse(input);
    if (!checked.success) {
      const errors: DraftSnapshot['errors'] = {};
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (isField(field)) errors[field] ??= issue.message;
      }
      this.inflight = null;
      this.set({ state: 'refused', errors, message: checked.error.issues[0]?.message ?? null });
      return;
    }
    this.set({ state: 'saving' });
    try {
      const revision = await this.deps.send(input);
      this.attempts = 0;
      this.saved = { ...this.saved, ...changed };
      this.base = revision.updatedAt;
      this.deps.onSaved(revision);
      const more = this.differs(this.snapshot.values);
      if (more) this.keepCopy(this.snapshot.values);
      else this.deps.storage.removeItem(this.key);
      this.set({
        state: more ? 'pending' : 'saved',
        savedAt: this.deps.now?.() ?? new Date(),
        message: null,
        errors: {},
      });
    } catch (error) {
      const message = this.deps.describe(error);
      this.again = false;
      if (this.deps.isRetryable(error)) {
        this.attempts += 1;
        const delays = this.deps.retryDelaysMs ?? [1000, 2000, 5000, 10000, 30000];
        this.set({ state: 'retrying', message });
        this.schedule(delays[Math.min(this.attempts, delays.length) - 1] ?? 30000);
      } else {
        const field = this.deps.fieldOf(error);
        this.set({ state: 'refused', message, errors: isField(field) ? { [field]: message } : {} });
      }
    }
    this.inflight = null;
    if (this.again) {
      this.again = false;
      this.flush();
    }
  }

  private set(change: Partial<DraftSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

function readCopy(raw: string | null): LocalCopy | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<LocalCopy>;
    if (!value.values || typeof value.at !== 'string' || typeof value.base !== 'string')
      return null;
    return { values: { ...draftValuesOf(null), ...value.values }, at: value.at, base: value.base };
  } catch {
    return null;
  }
}
