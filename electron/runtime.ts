import fs from 'node:fs';
import { applyRetention, backupDatabase, evidenceDirectoryFor, listBackups } from '../db/backup';
import { putBackEvidence } from '../db/backup-evidence';
import { DamagedDatabaseError, openDatabase, type OpenDatabase } from '../db/open';
import type { BackupInfo, DataStatus } from '../shared/data/schema';
import { changeMark } from '../db/change-mark';
import { BackupScheduler, type BackupTimer } from './backup-scheduler';
import { backupSettings } from './services/backup-settings';
import { AppError } from '../shared/errors';
import type { Person } from '../shared/people/schema';
import type { Actor, ServiceContext } from './services/context';
import { getPerson } from './services/people';

export interface RuntimeOptions {
  databasePath: string;
  migrationsFolder?: string;
  nativeBinding?: string;
  /** The app backs up at every start; the CLI only before migrations. */
  backupOnOpen?: boolean;
  /** Back up every N minutes while there are changes (the app and the browser harness). */
  automaticBackups?: boolean;
  /** The timer that wakes the automatic backups (tests drive one by hand). */
  backupTimer?: BackupTimer;
  now?: () => Date;
}

/**
 * One open database plus who is working: what the Electron main process, the browser harness and
 * the CLI each hold one of. No Electron here.
 */
export class AppRuntime {
  private current: OpenDatabase | null = null;
  private recoveryState: { reason: string; backups: BackupInfo[] } | null = null;
  private personId: string | null = null;
  private systemActor = false;
  /** Backups, retention and restores run one at a time (retention must not sweep a new copy). */
  private backupQueue: Promise<unknown> = Promise.resolve();
  readonly backupScheduler: BackupScheduler | null;
  readonly now: () => Date;

  private constructor(readonly options: RuntimeOptions) {
    this.now = options.now ?? (() => new Date());
    this.backupScheduler = options.automaticBackups
      ? new BackupScheduler(
          {
            now: this.now,
            connection: () => this.current?.sqlite ?? null,
            intervalMinutes: () =>
              this.current ? backupSettings(this.current.db).intervalMinutes : 0,
            backupAutomatically: () => this.backupAutomatically(),
          },
          options.backupTimer,
        )
      : null;
  }

  static async start(options: RuntimeOptions): Promise<AppRuntime> {
    const runtime = new AppRuntime(options);
    await runtime.open();
    runtime.backupScheduler?.start();
    return runtime;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.backupQueue.then(work, work);
    this.backupQueue = next.catch(() => undefined);
    return next;
  }

  private async open(backupOnOpen = this.options.backupOnOpen ?? false): Promise<void> {
    try {
      this.current = await openDatabase(this.options.databasePath, {
        ...(this.options.migrationsFolder
          ? { migrationsFolder: this.options.migrationsFolder }
          : {}),
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
        backupOnOpen,
      });
      this.recoveryState = null;
      // The start backup was just made: old ones go by the CB's retention settings.
      if (backupOnOpen) {
        try {
          this.retain();
        } catch (error) {
          // Old backups left in place never stop the app from opening; the Data screen says so.
          this.backupScheduler?.recordFailure(this.now(), error);
        }
      }
    } catch (error) {
      if (!(error instanceof DamagedDatabaseError)) throw error;
      this.current = null;
      this.recoveryState = { reason: error.message, backups: error.backups };
    }
  }

  get recovery() {
    return this.recoveryState;
  }

  get database(): OpenDatabase {
    if (!this.current) {
      throw new AppError(
        'CONFLICT',
        'The database failed its integrity check and is not open. Restore a backup first.',
      );
    }
    return this.current;
  }

  /** Acting as a person (the app, `--as`), or as the command line's system actor. */
  actAs(person: Person | null, system = false): void {
    this.personId = person?.id ?? null;
    this.systemActor = system;
  }

  currentPerson(): Person | null {
    if (!this.personId || !this.current) return null;
    try {
      return getPerson(this.current.db, this.personId);
    } catch {
      return null;
    }
  }

  context(): ServiceContext {
    const { db, sqlite } = this.database;
    const person = this.currentPerson();
    const actor: Actor | null = person
      ? { kind: 'person', person }
      : this.systemActor
        ? { kind: 'system' }
        : null;
    return {
      db,
      sqlite,
      actor,
      now: this.now,
      evidenceDirectory: evidenceDirectoryFor(this.options.databasePath),
    };
  }

  dataStatus(): DataStatus {
    const { path, backupDirectory, db } = this.database;
    const backups = listBackups(backupDirectory);
    const settings = backupSettings(db);
    return {
      databasePath: path,
      backupDirectory,
      lastBackupAt: backups[0]?.createdAt ?? null,
      backups,
      settings,
      automatic: this.backupScheduler?.state() ?? {
        enabled: false,
        intervalMinutes: settings.intervalMinutes,
        lastFailure: null,
      },
    };
  }

  /** A backup of the open database; any backup restarts the automatic backups' wait for changes. */
  private async backupOpenDatabase(reason: string): Promise<BackupInfo> {
    const { sqlite, backupDirectory } = this.database;
    const mark = changeMark(sqlite);
    const backup = await backupDatabase(
      sqlite,
      backupDirectory,
      reason,
      this.now(),
      evidenceDirectoryFor(this.options.databasePath),
    );
    this.backupScheduler?.recordBackup(mark, new Date(backup.createdAt));
    return backup;
  }

  private retain(): void {
    if (!this.current) return;
    try {
      applyRetention(this.current.backupDirectory, this.now(), backupSettings(this.current.db));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`The backup was made, but old backups could not be removed: ${why}`);
    }
  }

  async backupNow(reason = 'manual'): Promise<BackupInfo> {
    return this.serially(() => this.backupOpenDatabase(reason));
  }

  /** What the scheduler runs: a backup, then the retention rule. */
  backupAutomatically(): Promise<BackupInfo> {
    return this.serially(async () => {
      const backup = await this.backupOpenDatabase('automatic');
      this.retain();
      return backup;
    });
  }

  /**
   * Replaces the database with a backup. The current file is backed up first (when it can be
   * opened), so a restore can itself be undone.
   */
  restore(file: string): Promise<DataStatus> {
    return this.serially(() => this.restoreNow(file));
  }

  private async restoreNow(file: string): Promise<DataStatus> {
    const databasePath = this.options.databasePath;
    const known = this.current
      ? listBackups(this.current.backupDirectory)
      : (this.recoveryState?.backups ?? []);
    if (!known.some((b) => b.file === file)) {
      throw new AppError('NOT_FOUND', 'That backup is not in the backup folder.', 'file');
    }
    if (this.current) {
      await this.backupOpenDatabase('before-restore');
      this.current.sqlite.close();
      this.current = null;
    } else if (fs.existsSync(databasePath)) {
      // The damaged file is kept with its WAL, which may hold its last transactions.
      const kept = `${databasePath}.damaged-${Date.now()}`;
      fs.renameSync(databasePath, kept);
      if (fs.existsSync(`${databasePath}-wal`)) fs.renameSync(`${databasePath}-wal`, `${kept}-wal`);
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(databasePath + suffix, { force: true });
    fs.copyFileSync(file, databasePath);
    // Evidence the restored database refers to and the evidence folder lacks comes back from the
    // backup folder's own copies (before opening: nothing may prune that backup first).
    const evidenceRestored = putBackEvidence(file, evidenceDirectoryFor(databasePath));
    // No start backup: the restored file is that backup.
    await this.open(false);
    this.backupScheduler?.restart();
    return { ...this.dataStatus(), evidenceRestored };
  }

  close(): void {
    this.backupScheduler?.stop();
    this.current?.sqlite.close();
    this.current = null;
  }
}
