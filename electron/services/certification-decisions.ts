import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { certificationDecisions, clients } from '../../db/schema';
import type { Db } from '../../db/open';
import {
  clientStatusAfter,
  cycleDecisionKinds,
  decisionKindLabels,
  decisionRefusal,
  issuingDecisionKinds,
  scopeDecisionKinds,
  scopeRefusal,
  suggestedDecision,
} from '../../shared/certificates/decision-rules';
import {
  clientDecisionsQuerySchema,
  decisionContextQuerySchema,
  takeCertificationDecisionSchema,
  type CertificationDecisionContext,
  type CertificationDecisionRecord,
  type DecisionContextQuery,
  type TakeCertificationDecisionInput,
  type TakeCertificationDecisionResult,
} from '../../shared/certificates/schema';
import type { Client, ClientStatus } from '../../shared/clients/schema';
import { expiryFor } from '../../shared/cycle';
import { AppError, validationError } from '../../shared/errors';
import { decisionKinds, type DecisionKind } from '../../shared/findings/decisions';
import { hasAnyRole, type Role } from '../../shared/people/schema';
import { clientFor } from './audits';
import { logEvent, logFieldChanges } from './change-log';
import { recordCertificationDecision } from './certification-cycles';
import { certificateRows, serviceToday } from './certificates';
import { decisionRecords } from './certificates-detail';
import { issueCertificate, syncStoredStatuses } from './certificates-issue';
import {
  decisionAudits,
  decisionFindings,
  gatherFacts,
  reviewedReportId,
  teamMembershipRefusal,
  type GatheredFacts,
} from './certificates-decision-facts';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';
import { decisionBlockers, enforceDecisionGates } from './decision-gates';

/** Only a certification decision maker decides (ISO/IEC 17021-1 9.5.1; ISO/IEC 42006 competence). */
export const certificationDeciders: readonly Role[] = ['decision_maker'];

const decisionEntity = (row: { id: string; clientId: string }) => ({
  entity: 'certification_decision',
  entityId: row.id,
  rootId: row.clientId,
});

/** The scope a new certificate states: typed with the decision, else the certificate's, else the client's. */
function certificateScope(
  kind: DecisionKind,
  typed: string,
  gathered: GatheredFacts,
  client: Client,
) {
  if (scopeDecisionKinds.includes(kind)) return typed;
  if (typed !== '') return typed;
  if (kind !== 'grant' && gathered.certificate) return gathered.certificate.scopeText;
  return client.scope.trim();
}

/** The expiry the new certificate would get, by the cycle rules; null when it cannot be told yet. */
function previewExpiry(
  kind: DecisionKind,
  decisionDate: string,
  gathered: GatheredFacts,
): string | null {
  if (kind === 'grant') return expiryFor(decisionDate);
  if (kind === 'renew' || kind === 'restore') return gathered.nextCycleExpiry;
  return gathered.certificate?.expiryDate ?? null;
}

export function listCertificationDecisions(
  ctx: ServiceContext,
  raw: { clientId: string },
): CertificationDecisionRecord[] {
  requireActor(ctx);
  const parsed = clientDecisionsQuerySchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const client = clientFor(ctx.db, parsed.data.clientId);
  return decisionRecords(ctx.db, client.id).reverse();
}

/**
 * What the decision maker sees before deciding: the audits the decision relies on with their
 * reports and findings, the recommendation, which decisions are possible and why not, the gates
 * still unmet, and whether this person may decide at all.
 */
export function certificationDecisionContext(
  ctx: ServiceContext,
  raw: DecisionContextQuery,
): CertificationDecisionContext {
  const actor = requireActor(ctx);
  const parsed = decisionContextQuerySchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const query = parsed.data;
  const client = clientFor(ctx.db, query.clientId);
  const today = serviceToday(ctx, query.today);
  const decisionDate = query.decisionDate ?? today;
  const gathered = gatherFacts(ctx.db, client, decisionDate, today);
  const suggestedKind = suggestedDecision(gathered.facts);
  const kind = query.kind ?? suggestedKind;
  const blockers = decisionBlockers(ctx, { clientId: client.id, decisionDate, decision: kind });

  let decider: CertificationDecisionContext['decider'] = { allowed: true, reason: null };
  if (actor.kind === 'person') {
    const reason = !hasAnyRole(actor.person, certificationDeciders)
      ? `${actor.person.name} cannot take certification decisions: that needs the role decision maker.`
      : teamMembershipRefusal(ctx.db, gathered.relied, actor.person);
    decider = { allowed: reason === null, reason };
  }

  const audits = decisionAudits(ctx.db, gathered.relied);
  const withReport = [...audits].reverse().find((a) => a.report !== null);
  const issuing = issuingDecisionKinds.includes(kind);
  return {
    client: {
      id: client.id,
      legalName: client.legalName,
      reference: client.reference,
      status: client.status,
      scope: client.scope,
      country: client.country,
    },
    today,
    decisionDate,
    kind,
    suggestedKind,
    kinds: decisionKinds.map((k) => {
      const refusal = decisionRefusal(k, gathered.facts);
      return { kind: k, allowed: refusal === null, reason: refusal?.message ?? null };
    }),
    audits,
    findings: decisionFindings(
      ctx.db,
      audits.map((a) => a.id),
    ),
    recommendation:
      withReport?.report != null
        ? {
            auditId: withReport.id,
            reportId: withReport.report.reportId,
            kind: withReport.report.recommendation,
            notes: withReport.report.recommendationNotes,
          }
        : null,
    unmet: blockers.unmet,
    decider,
    currentCertificate: gathered.certificate,
    newCertificate: issuing
      ? {
          expiryDate: previewExpiry(kind, decisionDate, gathered),
          scopeText:
            certificateScope(kind, '', gathered, client) || (gathered.certificate?.scopeText ?? ''),
          replacesNumber: kind === 'grant' ? null : (gathered.certificate?.number ?? null),
        }
      : null,
    decisions: decisionRecords(ctx.db, client.id).reverse(),
  };
}

/** A decision is not dated before the client's last one: statuses follow the order they were taken in. */
function checkOrder(db: Db, clientId: string, decisionDate: string): void {
  const last = decisionRecords(db, clientId).at(-1);
  if (last && decisionDate < last.decisionDate) {
    throw new AppError(
      'VALIDATION',
      `The last decision (${decisionKindLabels[last.kind].toLowerCase()}) was taken on ${last.decisionDate}: a later decision cannot be dated before it.`,
      'decisionDate',
    );
  }
}

function updateClientStatus(
  ctx: ServiceContext,
  tx: Db,
  client: Client,
  status: ClientStatus,
  at: string,
): void {
  if (status === client.status) return;
  tx.update(clients).set({ status, updatedAt: at }).where(eq(clients.id, client.id)).run();
  logFieldChanges(
    ctx,
    tx,
    { entity: 'client', entityId: client.id, rootId: client.id },
    { status: client.status },
    { status },
    at,
  );
}

/**
 * Takes a certification decision: only a decision maker who was on none of the relied-on audit
 * teams (FORBIDDEN otherwise), only when the certificate and the cycle allow that decision, and
 * never while a gate G1–G5 is unmet. A grant, renewal or restoration goes through the cycle
 * (recordCertificationDecision, in this transaction); decisions that issue a certificate issue it
 * (replacing the previous one), and the client's status follows. Everything in one transaction,
 * with its change log.
 */
export function takeCertificationDecision(
  ctx: ServiceContext,
  raw: TakeCertificationDecisionInput,
): TakeCertificationDecisionResult {
  const actor = requireRole(ctx, certificationDeciders, 'take certification decisions');
  const parsed = takeCertificationDecisionSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const today = serviceToday(ctx, input.today);
  if (input.decisionDate > today) {
    throw new AppError(
      'VALIDATION',
      `A decision is recorded once taken: choose ${today} or an earlier day.`,
      'decisionDate',
    );
  }
  const client = clientFor(ctx.db, input.clientId);
  const at = nowIso(ctx);
  const decisionId = uuidv7();
  let certificateId: string | null = null;

  ctx.db.transaction((tx) => {
    const gathered = gatherFacts(tx, client, input.decisionDate, today);
    if (actor.kind === 'person') {
      const refusal = teamMembershipRefusal(tx, gathered.relied, actor.person);
      if (refusal) throw new AppError('FORBIDDEN', refusal);
    }
    checkOrder(tx, client.id, input.decisionDate);
    const refusal =
      decisionRefusal(input.kind, gathered.facts) ??
      scopeRefusal(input.kind, gathered.facts, input.scopeText);
    if (refusal) throw new AppError('VALIDATION', refusal.message, refusal.field);

    const issuing = issuingDecisionKinds.includes(input.kind);
    const scopeText = certificateScope(input.kind, input.scopeText, gathered, client);
    if (issuing && scopeText === '') {
      throw new AppError(
        'VALIDATION',
        `${client.legalName} has no scope of certification recorded: enter the scope the certificate states.`,
        'scopeText',
      );
    }

    let expiryDate = gathered.certificate?.expiryDate ?? null;
    if (cycleDecisionKinds.includes(input.kind)) {
      // Starts cycle 1 (or a new one after a lapse), or closes the cycle and opens the next, as
      // the cycle rules say; it also enforces the gates G1–G5 for that decision.
      const programme = recordCertificationDecision(ctx, {
        clientId: client.id,
        decisionDate: input.decisionDate,
        today,
        notes: `${decisionKindLabels[input.kind]}: decision of ${input.decisionDate}.`,
      });
      expiryDate = programme.current?.output.expiryDate ?? null;
    } else {
      enforceDecisionGates(ctx, tx, {
        clientId: client.id,
        decision: input.kind,
        decisionDate: input.decisionDate,
      });
    }

    const row = {
      id: decisionId,
      clientId: client.id,
      kind: input.kind,
      decisionDate: input.decisionDate,
      decidedBy: actor.kind === 'person' ? actor.person.id : null,
      reasons: input.reasons,
      conditions: input.conditions,
      auditIds: gathered.relied.map((a) => a.id),
      reportId: reviewedReportId(tx, gathered.relied),
      scopeText: issuing ? scopeText : null,
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(certificationDecisions).values(row).run();
    const { id: _id, createdAt: _c, updatedAt: _u, ...snapshot } = row;
    logEvent(
      ctx,
      tx,
      decisionEntity(row),
      'created',
      { name: `${decisionKindLabels[input.kind]} on ${input.decisionDate}`, ...snapshot },
      at,
    );

    if (issuing) {
      if (expiryDate === null) {
        throw new AppError(
          'INTERNAL',
          'The expiry date of the new certificate could not be worked out.',
        );
      }
      certificateId = issueCertificate(
        ctx,
        tx,
        {
          clientId: client.id,
          decisionId,
          issueDate: input.decisionDate,
          expiryDate,
          scopeText,
          siteIds: client.sites.map((s) => s.id),
          replacesId: input.kind === 'grant' ? null : (gathered.certificate?.id ?? null),
        },
        at,
      ).id;
    }

    // Reducing the scope of a suspended certificate leaves out what did not meet the requirements
    // and ends the suspension for the rest (ISO/IEC 17021-1 9.6.5, Audit Desk reading).
    const status =
      clientStatusAfter[input.kind] ?? (input.kind === 'reduceScope' ? 'certified' : undefined);
    if (status) updateClientStatus(ctx, tx, client, status, at);
    syncStoredStatuses(ctx, tx, client.id, today, at);
  });

  const decision = decisionRecords(ctx.db, client.id).find((d) => d.id === decisionId);
  if (!decision) throw new AppError('INTERNAL', 'The decision was not stored.');
  const certificate = certificateId
    ? (certificateRows(ctx.db, today, client.id).find((c) => c.id === certificateId) ?? null)
    : null;
  return { decision, certificate, clientStatus: clientFor(ctx.db, client.id).status };
}
