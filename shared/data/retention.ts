/**
 * Which backups to keep: a pure rule (no clock, no files), applied after each automatic backup.
 * Every backup takes part in the time buckets: the newest backup of each of the last `hourly`
 * hours that have a backup is kept, likewise for days and months (the scheme of borg and restic:
 * a laptop left unused for a month keeps its older backups instead of losing them). Backups made
 * for a reason (manual, before a migration, before a restore) also keep the newest
 * `perReason` of each reason whatever their age. Hours, days and months are counted in UTC.
 * These numbers and the scheme are an Audit Desk rule, not a standard's.
 */

export interface RetentionPolicy {
  keepHourly: number;
  keepDaily: number;
  keepMonthly: number;
  keepPerReason: number;
}

export interface RetainedBackup {
  file: string;
  /** ISO-8601 UTC instant. */
  createdAt: string;
  reason: string;
}

/** Reasons made on a schedule; they are kept only through the time buckets. */
export const periodicReasons: readonly string[] = ['automatic', 'start'];

export type KeepReason = 'newest' | 'hourly' | 'daily' | 'monthly' | 'per-reason' | 'future';

export interface RetentionDecision {
  keep: Map<string, KeepReason[]>;
  remove: string[];
}

const bucketOf = {
  hourly: (iso: string) => iso.slice(0, 13),
  daily: (iso: string) => iso.slice(0, 10),
  monthly: (iso: string) => iso.slice(0, 7),
} as const;

/** Keeps the newest backup of each of the `count` most recent buckets that have one. */
function keepNewestPerBucket(
  newestFirst: readonly RetainedBackup[],
  count: number,
  bucket: (iso: string) => string,
  mark: (b: RetainedBackup) => void,
): void {
  let kept = 0;
  let last: string | null = null;
  for (const b of newestFirst) {
    if (kept >= count) return;
    const key = bucket(b.createdAt);
    if (key === last) continue;
    last = key;
    mark(b);
    kept++;
  }
}

/**
 * Decides, for backups in any order, which to keep and which to delete. The newest backup is
 * always kept, and so is any backup dated after `now` (the computer's clock was moved back: we
 * cannot tell where it belongs, and deleting the newest state would be the worst mistake).
 */
export function retainBackups(
  backups: readonly RetainedBackup[],
  now: Date,
  policy: RetentionPolicy,
): RetentionDecision {
  const nowIso = now.toISOString();
  const parsed = backups.map((b) => ({ ...b, createdAt: new Date(b.createdAt).toISOString() }));
  const newestFirst = [...parsed].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file),
  );
  const keep = new Map<string, KeepReason[]>();
  const mark = (why: KeepReason) => (b: RetainedBackup) => {
    keep.set(b.file, [...(keep.get(b.file) ?? []), why]);
  };

  const past: RetainedBackup[] = [];
  for (const b of newestFirst) {
    if (b.createdAt > nowIso) mark('future')(b);
    else past.push(b);
  }
  const newest = newestFirst[0];
  if (newest) mark('newest')(newest);

  keepNewestPerBucket(past, policy.keepHourly, bucketOf.hourly, mark('hourly'));
  keepNewestPerBucket(past, policy.keepDaily, bucketOf.daily, mark('daily'));
  keepNewestPerBucket(past, policy.keepMonthly, bucketOf.monthly, mark('monthly'));

  const byReason = new Map<string, RetainedBackup[]>();
  for (const b of past) {
    if (periodicReasons.includes(b.reason)) continue;
    byReason.set(b.reason, [...(byReason.get(b.reason) ?? []), b]);
  }
  for (const list of byReason.values()) {
    for (const b of list.slice(0, policy.keepPerReason)) mark('per-reason')(b);
  }

  const remove = newestFirst.filter((b) => !keep.has(b.file)).map((b) => b.file);
  return { keep, remove };
}
