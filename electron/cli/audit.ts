import { optionValue } from './args';
import type { CliCommand } from './command';
import { invoke, opened } from './invoke';

export const auditCommands: CliCommand[] = [
  {
    name: 'audit list',
    summary:
      'Lists audits with their team, newest start first [--client ID] [--type stage1|stage2|surveillance|recertification|special|transfer] [--state planned|confirmed|in_progress|completed|cancelled].',
    needsDatabase: true,
    run: (args, _io, runtime) => {
      const query: Record<string, unknown> = {};
      const clientId = optionValue(args, 'client', 'CLIENT_ID');
      const type = optionValue(args, 'type', 'surveillance');
      const state = optionValue(args, 'state', 'planned');
      if (clientId !== undefined) query.clientId = clientId;
      if (type !== undefined) query.type = type;
      if (state !== undefined) query.state = state;
      return invoke(opened(runtime), 'listAudits', query);
    },
  },
];
