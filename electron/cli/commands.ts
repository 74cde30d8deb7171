import { auditCommands } from './audit';
import { auditTimeCommand } from './audit-time';
import { benchCommand } from './bench';
import { catalogueCommand } from './catalogue';
import { certificateCommands } from './certificates';
import { clientCommands } from './client';
import type { CliCommand } from './command';
import { cycleCommand } from './cycle';
import { findingDeadlinesCommand } from './finding-deadlines';
import { dataCommands } from './data';
import { packageCommands } from './package';
import { personCommands } from './person';
import { programmeCommand } from './programme';
import { reportCommands } from './report';
import { seedCommand } from './seed';

/** Every command `npm run cli` knows, in the order `help` lists them. */
export const commands: readonly CliCommand[] = [
  auditTimeCommand,
  cycleCommand,
  findingDeadlinesCommand,
  ...clientCommands,
  ...auditCommands,
  ...reportCommands,
  programmeCommand,
  ...personCommands,
  seedCommand,
  catalogueCommand,
  ...certificateCommands,
  ...dataCommands,
  ...packageCommands,
  benchCommand,
];
