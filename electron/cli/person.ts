import { peopleCount } from '../services/people';
import type { CliCommand } from './command';
import { invoke, opened } from './invoke';

export const personCommands: CliCommand[] = [
  {
    name: 'person add',
    summary:
      'Adds a person from JSON {name, email, roles, pin?}; on an empty database the first person, who must be an admin.',
    needsDatabase: true,
    run: async (_args, io, runtime) => {
      const app = opened(runtime);
      const input = await io.readInput();
      // The same rule as the app's first start: the first person is an administrator.
      const method = peopleCount(app.database.db) === 0 ? 'setupFirstPerson' : 'createPerson';
      return invoke(app, method, input);
    },
  },
  {
    name: 'person list',
    summary: 'Lists everyone, active or not.',
    needsDatabase: true,
    run: (_args, _io, runtime) => invoke(opened(runtime), 'listPeople', {}),
  },
];
