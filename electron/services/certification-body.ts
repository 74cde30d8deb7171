import type { CertificationBody } from '../../shared/settings/certification-body';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';
import { readSetting, writeSetting } from './settings';

export const certificationBodyNameKey = 'cb.name';

export function getCertificationBody(ctx: ServiceContext): CertificationBody {
  requireActor(ctx);
  return { name: readSetting(ctx.db, certificationBodyNameKey) ?? '' };
}

export function updateCertificationBody(
  ctx: ServiceContext,
  input: CertificationBody,
): CertificationBody {
  requireRole(ctx, ['admin'], 'change the certification body’s details');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => writeSetting(ctx, tx, certificationBodyNameKey, input.name, at));
  return getCertificationBody(ctx);
}
