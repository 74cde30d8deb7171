import fs from 'node:fs';
import { backupDatabase, evidenceDirectoryFor, listBackups } from '../db/backup';
import { DamagedDatabaseError, openDatabase, type OpenDatabase } from '../db/open';
import type { BackupInfo, DataStatus } from '../shared/data/schema';
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
  readonly now: () => Date;

  private constructor(readonly options: RuntimeOptions) {
    this.now = options.now ?? (() => new Date());
  }

  static async start(options: RuntimeOptions): Promise<AppRuntime> {
    const runtime = new AppRuntime(options);
    await runtime.open();
    return runtime;
  }

  private async open(): Promise<void> {
    try {
      this.current = await openDatabase(this.options.databasePath, {
        ...(this.options.migrationsFolder
          ? { migrationsFolder: this.options.migrationsFolder }
          : {}),
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
        backupOnOpen: this.options.backupOnOpen ?? false,
      });
      this.recoveryState = null;
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
    const { path, backupDirectory } = this.database;
    const backups = listBackups(backupDirectory);
    return {
      databasePath: path,
      backupDirectory,
      lastBackupAt: backups[0]?.createdAt ?? null,
      backups,
    };
  }

  async backupNow(reason = 'manual'): Promise<BackupInfo> {
    const { sqlite, backupDirectory } = this.database;
    return backupDatabase(sqlite, backupDirectory, reason, this.now());
  }

  /**
   * Replaces the database with a backup. The current file is backed up first (when it can be
   * opened), so a restore can itself be undone.
   */
  async restore(file: string): Promise<DataStatus> {
    const databasePath = this.options.databasePath;
    const known = this.current
      ? listBackups(this.current.backupDirectory)
      : (this.recoveryState?.backups ?? []);
    if (!known.some((b) => b.file === file)) {
      throw new AppError('NOT_FOUND', 'That backup is not in the backup folder.', 'file');
    }
    if (this.current) {
      await backupDatabase(this.current.sqlite, this.current.backupDirectory, 'before-restore');
      this.current.sqlite.close();
      this.current = null;
    } else if (fs.existsSync(databasePath)) {
      fs.renameSync(databasePath, `${databasePath}.damaged-${Date.now()}`);
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(databasePath + suffix, { force: true });
    fs.copyFileSync(file, databasePath);
    await this.open();
    return this.dataStatus();
  }

  close(): void {
    this.current?.sqlite.close();
    this.current = null;
  }
}
