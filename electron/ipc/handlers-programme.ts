import type { programmeContract } from '../../shared/api/contract-programme';
import * as calendar from '../services/calendar';
import * as programme from '../services/programme';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The programme area's contract methods mapped onto services (see handlers.ts). */
export function programmeImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof programmeContract> {
  const ctx = () => runtime.context();
  return {
    programmeOverview: (input) => programme.programmeOverview(ctx(), input),
    programmeCalendar: (input) => programme.programmeCalendar(ctx(), input.month),
    programmeUtilisation: (input) => programme.programmeUtilisation(ctx(), input),
    auditCalendarFile: (input) => calendar.auditCalendarFile(ctx(), input.id),
    personCalendarFile: (input) => calendar.personCalendarFile(ctx(), input.id),
  };
}
