import { computeCycle, parseCycleInput } from '../../shared/cycle';
import { AppError } from '../../shared/errors';
import type { CliCommand } from './command';

export const cycleCommand: CliCommand = {
  name: 'cycle',
  summary:
    'cycle [FILE|-]: the 3-year certification cycle from the certification decision: surveillance, recertification and expiry dates, windows and states on `today`, and what lateness means for the certificate.',
  needsDatabase: false,
  run: async (_args, io) => {
    const parsed = parseCycleInput(await io.readInput());
    if (!parsed.ok) {
      throw new AppError('VALIDATION', parsed.error.message, parsed.error.field);
    }
    return computeCycle(parsed.value);
  },
};
