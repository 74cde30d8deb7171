import { computeDeadlines, parseDeadlineInput } from '../../shared/findings/deadlines';
import { AppError } from '../../shared/errors';
import type { CliCommand } from './command';

export const findingDeadlinesCommand: CliCommand = {
  name: 'finding-deadlines',
  summary:
    'finding-deadlines [FILE|-]: response and verification due dates, the hard limit and overdue flags of a finding (reference/nonconformities.md section 4).',
  needsDatabase: false,
  run: async (_args, io) => {
    const parsed = parseDeadlineInput(await io.readInput());
    if (!parsed.ok) {
      throw new AppError('VALIDATION', parsed.error.message, parsed.error.field);
    }
    return computeDeadlines(parsed.value);
  },
};
