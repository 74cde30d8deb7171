import { formatISO } from 'date-fns';
import { optionValue } from './args';
import type { CliCommand } from './command';
import { invoke, opened } from './invoke';

export const programmeCommand: CliCommand = {
  name: 'programme',
  summary:
    'programme [--today YYYY-MM-DD]: every client’s next event in its certification programme (Stage 1/2, surveillance, recertification, expiry) with due date, window, state and what lateness means, most urgent first.',
  needsDatabase: true,
  run: async (args, _io, runtime) => {
    const app = opened(runtime);
    // The caller's calendar day, as on the dashboard; --today looks ahead or back.
    const today =
      optionValue(args, 'today', '2026-05-01') ?? formatISO(app.now(), { representation: 'date' });
    const overview = await invoke(app, 'programmeOverview', { today });
    return overview.events;
  },
};
