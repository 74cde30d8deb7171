import { catalogueSummary } from '../../shared/iso42001/catalogue';
import { currentCatalogue } from '../services/catalogue';
import type { CliCommand } from './command';

/**
 * The shipped catalogue needs no database: it is data inside the app. With `--db` it is the
 * catalogue new checklists are prepared from there: the shipped items plus the CB's active items.
 */
export const catalogueCommand: CliCommand = {
  name: 'catalogue',
  summary:
    "catalogue [--db PATH]: prints the ISO/IEC 42001 requirement catalogue: standard, version, clauses and controls; with --db, plus that database's active certification-body items.",
  needsDatabase: 'whenGiven',
  run: (_args, _io, runtime) =>
    Promise.resolve(catalogueSummary(runtime ? currentCatalogue(runtime.database.db) : undefined)),
};
