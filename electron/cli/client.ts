import { AppError } from '../../shared/errors';
import { optionValue, requiredPositional } from './args';
import { clientImportCommand } from './client-import';
import type { CliArgs, CliCommand } from './command';
import { invoke, opened } from './invoke';

const clientId = (args: CliArgs) => requiredPositional(args, 0, 'id', 'client id');

/** One command per client method that takes just `{ id }`. */
function byIdCommand(
  name: string,
  summary: string,
  method: 'getClient' | 'archiveClient' | 'restoreClient' | 'clientHistory',
): CliCommand {
  return {
    name,
    summary,
    needsDatabase: true,
    run: (args, _io, runtime) => invoke(opened(runtime), method, { id: clientId(args) }),
  };
}

/** The patch is the whole input, so its errors name fields as the user wrote them. */
function withoutPatchPrefix(error: unknown): unknown {
  if (!(error instanceof AppError) || error.field === undefined) return error;
  if (error.field === 'patch') return new AppError(error.code, error.message, 'input');
  if (!error.field.startsWith('patch.')) return error;
  return new AppError(error.code, error.message, error.field.slice('patch.'.length));
}

export const clientCommands: CliCommand[] = [
  {
    name: 'client add',
    summary: 'Adds a client from JSON (file or stdin); prints the stored client.',
    needsDatabase: true,
    run: async (_args, io, runtime) =>
      invoke(opened(runtime), 'createClient', await io.readInput()),
  },
  {
    name: 'client list',
    summary: 'Lists clients [--search TEXT] [--status S] [--include-archived] [--sort F] [--desc].',
    needsDatabase: true,
    run: (args, _io, runtime) => {
      const query: Record<string, unknown> = {};
      const search = optionValue(args, 'search', 'lumen');
      const status = optionValue(args, 'status', 'certified');
      const sort = optionValue(args, 'sort', 'reference');
      if (search !== undefined) query.search = search;
      if (status !== undefined) query.status = status;
      if (sort !== undefined) query.sort = sort;
      if (args.options['include-archived'] !== undefined) query.includeArchived = true;
      if (args.options.desc !== undefined) query.direction = 'desc';
      return invoke(opened(runtime), 'listClients', query);
    },
  },
  byIdCommand(
    'client get',
    'Prints one client with its contacts and sites: client get ID.',
    'getClient',
  ),
  {
    name: 'client update',
    summary: 'Changes a client: client update ID, with the changed fields as JSON (file or stdin).',
    needsDatabase: true,
    run: async (args, io, runtime) => {
      const id = clientId(args);
      const patch = await io.readInput(1);
      try {
        return await invoke(opened(runtime), 'updateClient', { id, patch });
      } catch (error) {
        throw withoutPatchPrefix(error);
      }
    },
  },
  byIdCommand('client archive', 'Archives a client: client archive ID.', 'archiveClient'),
  byIdCommand(
    'client restore',
    'Brings an archived client back: client restore ID.',
    'restoreClient',
  ),
  byIdCommand(
    'client history',
    'Prints who changed what and when for a client: client history ID.',
    'clientHistory',
  ),
  clientImportCommand,
];
