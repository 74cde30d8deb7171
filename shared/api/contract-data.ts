import {
  backupSettingsSchema,
  type BackupSettings,
  type EvidenceCheckReport,
} from '../data/schema';
import { method, noInput } from './method';

/**
 * Contract methods of the data area (issue 9); names also go in method-names-data.ts. The data
 * status, "back up now" and restore are in contract.ts.
 */
export const dataContract = {
  updateBackupSettings: method<BackupSettings>()(backupSettingsSchema),
  verifyEvidenceFiles: method<EvidenceCheckReport>()(noInput),
};
