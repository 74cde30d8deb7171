import fs from 'node:fs';
import path from 'node:path';
import { evidenceDirectoryFor } from '../../db/backup';
import { checkDatabase } from '../../db/open';
import { checkEvidenceFiles } from '../services/evidence-integrity';
import { AppError } from '../../shared/errors';
import { requiredOption, userPath } from './args';
import { CliExit, type CliCommand } from './command';
import { opened } from './invoke';

export const dataCommands: CliCommand[] = [
  {
    name: 'backup',
    summary: 'Online backup of the database to a new file: backup --out FILE.',
    needsDatabase: true,
    run: async (args, _io, runtime) => {
      const file = userPath(requiredOption(args, 'out', 'audit-desk-backup.sqlite'));
      if (fs.existsSync(file)) {
        throw new AppError('CONFLICT', `${file} already exists; choose a new file name.`, 'out');
      }
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // SQLite's backup API: consistent while others write, and includes what is in the WAL.
      await opened(runtime).database.sqlite.backup(file);
      return { file, bytes: fs.statSync(file).size };
    },
  },
  {
    name: 'check',
    summary:
      'Runs quick_check and foreign_key_check and verifies every evidence file against its ' +
      'SHA-256; exit 1 when any finds a problem.',
    needsDatabase: true,
    run: async (_args, _io, runtime) => {
      const app = opened(runtime);
      const recovery = app.recovery;
      if (recovery) {
        return new CliExit(1, {
          ok: false,
          quickCheck: [recovery.reason],
          foreignKeyViolations: [],
          evidence: null,
          backups: recovery.backups,
        });
      }
      const { quickCheck, foreignKeyViolations } = checkDatabase(app.database.sqlite);
      const { db, path: databasePath } = app.database;
      const evidence = checkEvidenceFiles(db, evidenceDirectoryFor(databasePath), app.now());
      const ok =
        quickCheck.length === 1 &&
        quickCheck[0] === 'ok' &&
        foreignKeyViolations.length === 0 &&
        evidence.problems.length === 0;
      const report = {
        ok,
        quickCheck,
        foreignKeyViolations,
        evidence: { filesChecked: evidence.filesChecked, problems: evidence.problems },
      };
      return ok ? report : new CliExit(1, report);
    },
  },
];
