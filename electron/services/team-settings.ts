import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import type { Db } from '../../db/open';
import { defaultRotationLimit } from '../../shared/programme/team-rules';
import type { TeamSettings } from '../../shared/programme/team-schema';
import { logFieldChanges } from './change-log';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';

// One key in the CB's settings table; a missing or unreadable value means the default.
const rotationKey = 'team.leadAuditorRotationLimit';

export function teamSettings(db: Db): TeamSettings {
  const row = db.select().from(settings).where(eq(settings.key, rotationKey)).get();
  const stored = row ? Number(row.value) : NaN;
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
  ctx.db.transaction((tx) => {
    const before = teamSettings(tx);
    const value = String(input.leadAuditorRotationLimit);
    tx.insert(settings)
      .values({ key: rotationKey, value, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
      .run();
    logFieldChanges(
      ctx,
      tx,
      { entity: 'setting', entityId: rotationKey, rootId: 'settings' },
      before,
      input,
      at,
    );
  });
  return teamSettings(ctx.db);
}
