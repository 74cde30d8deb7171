import { eq } from 'drizzle-orm';
import { clients, people } from '../../db/schema';
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import {
  applicationReviewers,
  type ApplicationReview,
  type ReviewApplicationInput,
} from '../../shared/programme/team-schema';
import type { CompetenceArea } from '../../shared/programme/vocabulary';
import { logFieldChanges } from './change-log';
import { actorId, nowIso, requireActor, requireRole, type ServiceContext } from './context';

/**
 * Application review (ISO/IEC 17021-1 9.1.2): the CB decides which competence areas the client's
 * scope needs, records who decided and when, and every audit team must then cover them.
 */
export function applicationReview(db: Db, clientId: string): ApplicationReview {
  const row = db
    .select({
      clientId: clients.id,
      requiredCompetenceAreas: clients.requiredCompetenceAreas,
      reviewedById: clients.applicationReviewedBy,
      reviewedByName: people.name,
      reviewedAt: clients.applicationReviewedAt,
    })
    .from(clients)
    .leftJoin(people, eq(people.id, clients.applicationReviewedBy))
    .where(eq(clients.id, clientId))
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'That client does not exist.', 'clientId');
  return {
    clientId: row.clientId,
    requiredCompetenceAreas: row.requiredCompetenceAreas as CompetenceArea[],
    reviewedBy:
      row.reviewedById === null
        ? null
        : { id: row.reviewedById, name: row.reviewedByName ?? 'Someone no longer listed' },
    reviewedAt: row.reviewedAt,
  };
}

export function getApplicationReview(ctx: ServiceContext, clientId: string): ApplicationReview {
  requireActor(ctx);
  return applicationReview(ctx.db, clientId);
}

/** Records the review even when the areas do not change: saying "reviewed, still right" counts. */
export function reviewApplication(
  ctx: ServiceContext,
  input: ReviewApplicationInput,
): ApplicationReview {
  requireRole(ctx, applicationReviewers, 'review applications');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const before = applicationReview(tx, input.clientId);
    const after = {
      requiredCompetenceAreas: [...(input.requiredCompetenceAreas ?? [])].sort(),
      applicationReviewedBy: actorId(ctx),
      applicationReviewedAt: at,
    };
    tx.update(clients)
      .set({ ...after, updatedAt: at })
      .where(eq(clients.id, input.clientId))
      .run();
    logFieldChanges(
      ctx,
      tx,
      { entity: 'client', entityId: input.clientId, rootId: input.clientId },
      {
        requiredCompetenceAreas: before.requiredCompetenceAreas,
        applicationReviewedBy: before.reviewedBy?.id ?? null,
        applicationReviewedAt: before.reviewedAt,
      },
      after,
      at,
    );
  });
  return applicationReview(ctx.db, input.clientId);
}
