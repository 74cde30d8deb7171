import { z } from 'zod';

export interface BackupInfo {
  file: string;
  createdAt: string;
  bytes: number;
  reason: string;
  /**
   * Files the backed-up database references (evidence, the CB's logo, issued reports), from the
   * backup's evidence manifest; null for a backup made without one.
   */
  evidenceFiles: number | null;
  /** Of those, how many could not be copied into the backup (missing or altered at the time). */
  evidenceNotCopied: number;
}

const wholeNumber = (label: string, min: number, max: number, unit: string) =>
  z
    .number({ message: `${label}: enter a whole number.` })
    .int({ message: `${label}: enter a whole number.` })
    .min(min, {
      message: min === 0 ? `${label}: 0 or more ${unit}.` : `${label}: at least ${min} ${unit}.`,
    })
    .max(max, { message: `${label}: at most ${max} ${unit}.` });

/**
 * When automatic backups run and which are kept (shared/data/retention.ts). The defaults and the
 * limits are an Audit Desk rule.
 */
export const backupSettingsSchema = z.object({
  intervalMinutes: wholeNumber('Back up every', 5, 1440, 'minutes'),
  keepHourly: wholeNumber('Hourly backups', 0, 1000, 'hours'),
  keepDaily: wholeNumber('Daily backups', 0, 1000, 'days'),
  keepMonthly: wholeNumber('Monthly backups', 0, 1000, 'months'),
  keepPerReason: wholeNumber('Backups per reason', 1, 1000, 'backups'),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const defaultBackupSettings: BackupSettings = {
  intervalMinutes: 15,
  keepHourly: 24,
  keepDaily: 14,
  keepMonthly: 12,
  keepPerReason: 10,
};

export interface AutomaticBackupState {
  /** False in the command line, which never backs up on a timer. */
  enabled: boolean;
  intervalMinutes: number;
  /** The last automatic backup that failed, with why; cleared by the next one that works. */
  lastFailure: { at: string; message: string } | null;
}

export interface DataStatus {
  databasePath: string;
  backupDirectory: string;
  lastBackupAt: string | null;
  backups: BackupInfo[];
  settings: BackupSettings;
  automatic: AutomaticBackupState;
  /** Set on the result of a restore: evidence files put back from the backup's own copies. */
  evidenceRestored?: { putBack: number; unavailable: number };
}

/** A record that refers to a stored file by its SHA-256. */
export interface EvidenceReference {
  kind: 'evidence_file' | 'certification_body_logo' | 'audit_report';
  /** The evidence file's, report's id; the setting's key for the logo. */
  id: string;
  /** The file name, or what the file is ("Certification body logo", "Audit report revision 2"). */
  name: string;
  clientName: string | null;
  auditId: string | null;
  auditType: string | null;
  auditStart: string | null;
  checklistItemId: string | null;
  itemKey: string | null;
  findingId: string | null;
  findingRequirement: string | null;
  removed: boolean;
}

export interface EvidenceProblem {
  sha256: string;
  problem: 'missing' | 'altered' | 'unreadable';
  /** The stored file's SHA-256 now (altered), or null (missing, unreadable). */
  actualSha256: string | null;
  path: string;
  records: EvidenceReference[];
}

export interface EvidenceCheckReport {
  checkedAt: string;
  filesChecked: number;
  problems: EvidenceProblem[];
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
