import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, validationError } from '../../shared/errors';
import { resolutionSchema } from '../../shared/packages/schema';
import { exportAuditPackage, importRead } from '../services/packages';
import { readPackage } from '../services/packages/format';
import { requiredOption, requiredPositional, userPath } from './args';
import { CliExit, type CliCommand } from './command';
import { opened } from './invoke';

function readResolutions(args: Parameters<CliCommand['run']>[0]) {
  const option = args.options.resolutions;
  if (option === undefined) return [];
  if (option === true) {
    throw new AppError(
      'VALIDATION',
      'Give a file after --resolutions, e.g. --resolutions resolutions.json.',
      'resolutions',
    );
  }
  const file = userPath(option);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      `--resolutions ${file} is not a readable JSON file: ${error instanceof Error ? error.message : String(error)}`,
      'resolutions',
    );
  }
  const parsed = z.array(resolutionSchema).safeParse(raw);
  if (!parsed.success) {
    const error = validationError(parsed.error);
    throw new AppError('VALIDATION', `--resolutions: ${error.message}`, 'resolutions');
  }
  return parsed.data;
}

export const packageCommands: CliCommand[] = [
  {
    name: 'package export',
    summary:
      'package export --audit ID [--audit ID…] --out FILE: one signed audit package (client, sites, programme, audit, team, checklist, SoA, findings, evidence files, their change log); prints {file, bytes, packageId, rows, evidenceFiles}.',
    needsDatabase: true,
    run: async (args, _io, runtime) => {
      const auditIds = args.repeated?.audit ?? [];
      if (auditIds.length === 0) requiredOption(args, 'audit', '0192…');
      const file = userPath(requiredOption(args, 'out', 'audit.adpkg'));
      if (fs.existsSync(file)) {
        throw new AppError('CONFLICT', `${file} already exists; choose a new file name.`, 'out');
      }
      const exported = await exportAuditPackage(opened(runtime).context(), { auditIds });
      const bytes = Buffer.from(exported.data, 'base64');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
      return {
        file,
        bytes: bytes.length,
        packageId: exported.packageId,
        rows: exported.rows,
        evidenceFiles: exported.evidenceFiles,
      };
    },
  },
  {
    name: 'package import',
    summary:
      'package import FILE [--dry-run] [--resolutions FILE]: merges a package record by record and field by field; prints {inserted, updated, unchanged, conflicts:[{entity, id, field, mine, theirs}]}. With unresolved conflicts nothing is written and the exit code is 1; --resolutions takes [{entity, id, field, choice: mine|theirs|edit, value}].',
    needsDatabase: true,
    run: async (args, io, runtime) => {
      const file = userPath(
        requiredPositional(
          args,
          0,
          'file',
          'package file to import, e.g. package import audit.adpkg',
        ),
      );
      if (!fs.existsSync(file)) {
        throw new AppError('VALIDATION', `There is no file ${file}.`, 'file');
      }
      const resolutions = readResolutions(args);
      const read = await readPackage(fs.readFileSync(file));
      const dryRun = args.options['dry-run'] === true;
      const outcome = importRead(opened(runtime).context(), read, resolutions, { dryRun });
      const report = {
        ...(dryRun ? { dryRun: true } : {}),
        signer: {
          name: outcome.package.signer.name,
          fingerprint: outcome.package.signer.fingerprint,
          firstSeen: outcome.package.signer.firstSeen,
          nameSeenWithOtherKey: outcome.package.signer.nameSeenWithOtherKey,
        },
        inserted: outcome.inserted,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        deleted: outcome.deleted,
        // Who the package adds here (never as administrators): worth a look before trusting it.
        newPeople: outcome.newPeople,
        conflicts: outcome.conflicts.map(({ entity, id, field, mine, theirs }) => ({
          entity,
          id,
          field,
          mine,
          theirs,
        })),
        ...(outcome.resolved > 0 ? { resolved: outcome.resolved } : {}),
      };
      if (!dryRun && outcome.unresolved.length > 0) {
        io.stderr(
          `${outcome.unresolved.length} conflict(s) need a decision; nothing was imported. Resolve them in the app (Audit packages) or pass --resolutions FILE.`,
        );
        return new CliExit(1, { ...report, imported: false });
      }
      return report;
    },
  },
];
