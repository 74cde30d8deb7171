import fs from 'node:fs';
import path from 'node:path';
import type { CertificateListQuery } from '../../shared/certificates/schema';
import { AppError } from '../../shared/errors';
import { exportCertificateRegister } from '../services/certificates-export';
import { optionValue, requiredOption, userPath } from './args';
import type { CliArgs, CliCommand } from './command';
import { invoke, opened } from './invoke';

const filters =
  '[--status active|suspended|withdrawn|expired] [--search TEXT] [--expiring-within DAYS] [--include-replaced] [--today YYYY-MM-DD]';

/** The register's filters from the command line (the contract's schema checks the values). */
function registerQuery(args: CliArgs): CertificateListQuery {
  const query: CertificateListQuery = {};
  const status = optionValue(args, 'status', 'active');
  const search = optionValue(args, 'search', 'AD-42001-2026');
  const within = optionValue(args, 'expiring-within', '90');
  const today = optionValue(args, 'today', '2026-05-01');
  if (status !== undefined) query.status = status as CertificateListQuery['status'];
  if (search !== undefined) query.search = search;
  if (today !== undefined) query.today = today;
  if (within !== undefined) {
    if (!/^\d+$/.test(within)) {
      throw new AppError(
        'VALIDATION',
        `--expiring-within takes a whole number of days, e.g. --expiring-within 90 (not ${within}).`,
        'expiring-within',
      );
    }
    query.expiringWithinDays = Number(within);
  }
  if (args.options['include-replaced'] !== undefined) query.includeReplaced = true;
  return query;
}

/** Errors name the command line's option, not the contract's field. */
async function namingOptions<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.field === 'expiringWithinDays') {
      throw new AppError(error.code, error.message, 'expiring-within');
    }
    throw error;
  }
}

export const certificateCommands: CliCommand[] = [
  {
    name: 'certificates',
    summary: `certificates ${filters}: the certificate register as JSON (number, organisation, country, scope, standard, issue and expiry dates, status derived on today, sites), newest issue first; replaced certificates only with --include-replaced.`,
    needsDatabase: true,
    run: (args, _io, runtime) =>
      namingOptions(
        async () => (await invoke(opened(runtime), 'listCertificates', registerQuery(args))).rows,
      ),
  },
  {
    name: 'certificates export',
    summary: `certificates export --format csv|xlsx --out FILE ${filters}: writes the register in the columns of a public register of certifications; prints {file, rows}.`,
    needsDatabase: true,
    run: async (args, _io, runtime) => {
      const format = requiredOption(args, 'format', 'csv');
      if (format !== 'csv' && format !== 'xlsx') {
        throw new AppError('VALIDATION', `--format is csv or xlsx, not ${format}.`, 'format');
      }
      const file = userPath(requiredOption(args, 'out', `certificates.${format}`));
      if (fs.existsSync(file)) {
        throw new AppError('CONFLICT', `${file} already exists; choose a new file name.`, 'out');
      }
      const app = opened(runtime);
      const exported = await namingOptions(() =>
        exportCertificateRegister(app.context(), { ...registerQuery(args), format }),
      );
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, Buffer.from(exported.file.data, 'base64'));
      return { file, rows: exported.rows };
    },
  },
];
