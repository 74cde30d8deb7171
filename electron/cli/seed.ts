import { AppError } from '../../shared/errors';
import { seedClients, seedDemo } from '../services/seed';
import { optionValue } from './args';
import type { CliCommand } from './command';
import { opened } from './invoke';

export const seedCommand: CliCommand = {
  name: 'seed',
  summary:
    'seed --demo [--today YYYY-MM-DD]: the demo certification body (10 people with their competence, 40 clients, their certification cycles and audits dated so that every programme state is present on that day, checklists in every state, findings in every state, some overdue, issued and draft audit reports, and the certification decisions and certificates each client’s status implies: active, suspended, withdrawn, expired and renewed) into a database without clients; seed --clients N: N generated clients.',
  needsDatabase: true,
  run: async (args, _io, runtime) => {
    const context = opened(runtime).context();
    const clients = optionValue(args, 'clients', '10000');
    const demo = args.options.demo === true;
    if (demo === (clients !== undefined)) {
      throw new AppError('VALIDATION', 'Give either --demo or --clients N.', 'demo');
    }
    const today = optionValue(args, 'today', '2026-05-01');
    if (demo) return seedDemo(context, today === undefined ? {} : { today });
    const n = Number(clients);
    return seedClients(context, n);
  },
};
