import { z } from 'zod';

export interface BackupInfo {
  file: string;
  createdAt: string;
  bytes: number;
  reason: string;
}

export interface DataStatus {
  databasePath: string;
  backupDirectory: string;
  lastBackupAt: string | null;
  backups: BackupInfo[];
}

export const restoreBackupSchema = z.object({
  file: z.string().min(1, { message: 'Choose a backup to restore.' }),
});

export interface ChangeLogEntry {
  id: string;
  entity: string;
  entityId: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  actorId: string | null;
  actorName: string | null;
  at: string;
}
