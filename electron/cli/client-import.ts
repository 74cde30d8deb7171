import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { requiredPositional, userPath } from './args';
import type { CliCommand } from './command';
import { invoke, opened } from './invoke';

/**
 * `client import FILE [--dry-run]`: the same reading, checks and one-transaction import as the
 * Import clients screen, with the columns its headers suggest; duplicates are always skipped.
 */
export const clientImportCommand: CliCommand = {
  name: 'client import',
  summary:
    'Imports clients from a CSV or XLSX file: client import FILE [--dry-run]. Columns are chosen by their headers; duplicates are skipped.',
  needsDatabase: true,
  run: async (args, _io, runtime) => {
    const app = opened(runtime);
    const dryRunOption = args.options['dry-run'];
    // `--dry-run FILE` reads FILE as the option's value: it is the file all the same.
    const file =
      typeof dryRunOption === 'string'
        ? dryRunOption
        : requiredPositional(args, 0, 'file', 'CSV or XLSX file to import');
    const filePath = userPath(file);
    if (!fs.existsSync(filePath) || fs.statSync(filePath).isDirectory()) {
      throw new AppError('VALIDATION', `No file at ${filePath}.`, 'file');
    }
    const fileName = path.basename(filePath);
    const data = fs.readFileSync(filePath).toString('base64');
    const read = await invoke(app, 'readClientImportFile', { fileName, data });
    try {
      return await invoke(app, 'importClients', {
        fileName,
        data,
        mapping: read.suggestedMapping,
        dryRun: dryRunOption !== undefined,
      });
    } catch (error) {
      if (!(error instanceof AppError) || !error.field?.startsWith('mapping.')) throw error;
      throw new AppError(
        error.code,
        `${error.message} Name a column after it; the file's columns are: ${read.headers.join(', ')}.`,
        error.field,
      );
    }
  },
};
