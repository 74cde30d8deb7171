import { catalogueSummary } from '../../shared/iso42001/catalogue';
import type { CliCommand } from './command';

/** The shipped catalogue needs no database: it is data inside the app. */
export const catalogueCommand: CliCommand = {
  name: 'catalogue',
  summary:
    'Prints the ISO/IEC 42001 requirement catalogue: standard, version, clauses and controls.',
  needsDatabase: false,
  run: () => Promise.resolve(catalogueSummary()),
};
