import type { Db } from '../../db/open';
import { defaultRotationLimit } from '../../shared/programme/team-rules';
import type { TeamSettings } from '../../shared/programme/team-schema';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';
import { readSetting, writeSetting } from './settings';

// One key in the CB's settings table; a missing or unreadable value means the default.
const rotationKey = 'team.leadAuditorRotationLimit';

export function teamSettings(db: Db): TeamSettings {
  const stored = Number(readSetting(db, rotationKey) ?? NaN);
  return {
    leadAuditorRotationLimit:
      Number.isInteger(stored) && stored >= 1 ? stored : defaultRotationLimit,
  };
}

export function getTeamSettings(ctx: ServiceContext): TeamSettings {
  requireActor(ctx);
  return teamSettings(ctx.db);
}

/** The CB's policy on lead auditor rotation (17021-1 5.2 familiarity threat) is an admin's call. */
export function updateTeamSettings(ctx: ServiceContext, input: TeamSettings): TeamSettings {
  requireRole(ctx, ['admin'], 'change the team assignment settings');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) =>
    writeSetting(ctx, tx, rotationKey, String(input.leadAuditorRotationLimit), at),
  );
  return teamSettings(ctx.db);
}
