import type { Db } from '../../db/open';
import {
  backupSettingsSchema,
  defaultBackupSettings,
  type BackupSettings,
} from '../../shared/data/schema';
import { nowIso, requireRole, type ServiceContext } from './context';
import { readSetting, writeSetting } from './settings';

/** One settings key per value, so the change log records each change on its own. */
const keys: Record<keyof BackupSettings, string> = {
  intervalMinutes: 'backup.intervalMinutes',
  keepHourly: 'backup.keepHourly',
  keepDaily: 'backup.keepDaily',
  keepMonthly: 'backup.keepMonthly',
  keepPerReason: 'backup.keepPerReason',
};

const fields = Object.keys(keys) as (keyof BackupSettings)[];

/** The stored settings; a value never set, or no longer valid, reads as its default. */
export function backupSettings(db: Db): BackupSettings {
  const out = { ...defaultBackupSettings };
  for (const field of fields) {
    const stored = readSetting(db, keys[field]);
    if (stored === null) continue;
    const value = Number(stored);
    const parsed = backupSettingsSchema.shape[field].safeParse(value);
    if (parsed.success) out[field] = parsed.data;
  }
  return out;
}

/** How often the app backs up and which backups it keeps: an administrator's decision. */
export function updateBackupSettings(ctx: ServiceContext, input: BackupSettings): BackupSettings {
  requireRole(ctx, ['admin'], 'change the backup settings');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const before = backupSettings(tx);
    for (const field of fields) {
      if (before[field] !== input[field])
        writeSetting(ctx, tx, keys[field], String(input[field]), at);
    }
  });
  return backupSettings(ctx.db);
}
