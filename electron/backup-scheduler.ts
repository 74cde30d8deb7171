import type Database from 'better-sqlite3';
import { changedSince, changeMark, type ChangeMark } from '../db/change-mark';
import type { AutomaticBackupState, BackupInfo } from '../shared/data/schema';

/**
 * Automatic backups every N minutes while there are changes. No Electron here: the main process
 * and the browser harness start it through the runtime (`automaticBackups: true`); the command
 * line never does.
 */

/** How the scheduler is woken: a real interval timer, or a test's hand-driven one. */
export interface BackupTimer {
  every(ms: number, run: () => Promise<unknown>): { stop(): void };
}

/** setInterval, unref'd so a pending check never keeps a process (the CLI, a test) alive. */
export const systemTimer: BackupTimer = {
  every(ms, run) {
    const handle = setInterval(() => void run(), ms);
    handle.unref();
    return { stop: () => clearInterval(handle) };
  },
};

export interface SchedulerHost {
  now(): Date;
  /** The open connection, or null while the database is not open (recovery). */
  connection(): Database.Database | null;
  intervalMinutes(): number;
  /** Makes an 'automatic' backup (and applies retention); calls `recordBackup` itself. */
  backupAutomatically(): Promise<BackupInfo>;
}

/** Checks once a minute whether a backup is due; the interval itself is read at every check. */
export const checkEveryMs = 60_000;

export class BackupScheduler {
  private mark: ChangeMark | null = null;
  private lastBackupMs = 0;
  private running = false;
  private handle: { stop(): void } | null = null;
  private lastFailure: AutomaticBackupState['lastFailure'] = null;

  constructor(
    private readonly host: SchedulerHost,
    private readonly timer: BackupTimer = systemTimer,
  ) {}

  start(): void {
    this.restart();
    this.handle ??= this.timer.every(checkEveryMs, () => this.tick());
  }

  /** A new connection (open, restore): nothing has changed in it yet; the interval starts now. */
  restart(): void {
    const sqlite = this.host.connection();
    this.mark = sqlite ? changeMark(sqlite) : null;
    this.lastBackupMs = this.host.now().getTime();
  }

  stop(): void {
    this.handle?.stop();
    this.handle = null;
  }

  /** Any backup of the open database (manual, automatic) restarts the wait for changes. */
  recordBackup(mark: ChangeMark, at: Date): void {
    this.mark = mark;
    this.lastBackupMs = at.getTime();
  }

  recordFailure(at: Date, error: unknown): void {
    this.lastFailure = {
      at: at.toISOString(),
      message: error instanceof Error ? error.message : String(error),
    };
  }

  state(): AutomaticBackupState {
    return {
      enabled: this.handle !== null,
      intervalMinutes: this.host.intervalMinutes(),
      lastFailure: this.lastFailure,
    };
  }

  /** One check: backs up when the database changed since the last backup and the interval passed. */
  async tick(): Promise<BackupInfo | null> {
    const sqlite = this.host.connection();
    if (this.running || !sqlite) return null;
    if (!this.mark || this.mark.connection !== sqlite) {
      this.restart();
      return null;
    }
    if (!changedSince(this.mark, sqlite)) return null;
    const now = this.host.now();
    if (now.getTime() - this.lastBackupMs < this.host.intervalMinutes() * 60_000) return null;
    this.running = true;
    try {
      const backup = await this.host.backupAutomatically();
      this.lastFailure = null;
      return backup;
    } catch (error) {
      this.recordFailure(now, error);
      return null;
    } finally {
      this.running = false;
    }
  }
}
