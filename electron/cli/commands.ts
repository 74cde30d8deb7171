import { auditTimeCommand } from './audit-time';
import { clientCommands } from './client';
import type { CliCommand } from './command';
import { cycleCommand } from './cycle';
import { dataCommands } from './data';
import { personCommands } from './person';
import { seedCommand } from './seed';

/** Every command `npm run cli` knows, in the order `help` lists them. */
export const commands: readonly CliCommand[] = [
  auditTimeCommand,
  cycleCommand,
  ...clientCommands,
  ...personCommands,
  seedCommand,
  ...dataCommands,
];
