import { AppError } from '../../shared/errors';
import { seedClients, seedDemo } from '../services/seed';
import { optionValue } from './args';
import type { CliCommand } from './command';
import { opened } from './invoke';

export const seedCommand: CliCommand = {
  name: 'seed',
  summary:
    'seed --demo: the demo certification body (10 people, 40 clients) into a database without clients; seed --clients N: N generated clients.',
  needsDatabase: true,
  run: async (args, _io, runtime) => {
    const context = opened(runtime).context();
    const clients = optionValue(args, 'clients', '10000');
    const demo = args.options.demo === true;
    if (demo === (clients !== undefined)) {
      throw new AppError('VALIDATION', 'Give either --demo or --clients N.', 'demo');
    }
    if (demo) return seedDemo(context);
    const n = Number(clients);
    return seedClients(context, n);
  },
};
