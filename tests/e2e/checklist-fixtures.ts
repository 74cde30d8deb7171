import { addDays, format } from 'date-fns';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { Checklist } from '../../shared/checklists/schema';
import type { AssignTeamInput } from '../../shared/programme/team-schema';
import type { AuditType } from '../../shared/programme/vocabulary';
import type { Harness } from '../harness/server';

/**
 * Data for the checklist screens, made through the same services and contract methods the app
 * uses (the screens that create clients, SoAs, audits and teams are tested elsewhere).
 *
 * Call after `setUpFirstAdmin`: the signed-in person becomes a qualified lead auditor (keeping the
 * administrator role) and sits on every audit made here, so the checklist is theirs to answer.
 */

const day = (date: Date) => format(date, 'yyyy-MM-dd');

export interface ChecklistSetupOptions {
  type: AuditType;
  /** The signed-in person's role on the team (default lead_auditor; 'auditor' makes Lena lead). */
  myRole?: 'lead_auditor' | 'auditor';
  /** Excluded Annex A controls with their justification (default: A.10.4 excluded). */
  exclusions?: { controlId: string; justification: string }[];
  /**
   * For Stage 2: the cycle's Stage 1 audit is planned with the same team and, unless this is
   * false, its checklist is marked and concluded "ready" (see `concludeStage1`). Default true.
   */
  concludedStage1?: boolean;
  /** Stage 1 items marked "concern" with this note (carried into Stage 2); the rest "ready". */
  stage1Concerns?: Record<string, string>;
  /** Prepare the audit's checklist before the test opens it (default false). */
  prepare?: boolean;
  /** Days from today to the audit's first day (default 1). */
  startsInDays?: number;
  /** Second site besides the central function (default false). */
  secondSite?: boolean;
}

export interface ChecklistSetup {
  clientId: string;
  clientName: string;
  siteIds: string[];
  soaVersionId: string;
  auditId: string;
  /** The Stage 1 audit made for a Stage 2 (null otherwise). */
  stage1AuditId: string | null;
  /** The signed-in person. */
  meId: string;
  /** Lena Lead: a second qualified lead auditor (on the team as auditor unless myRole is 'auditor'). */
  colleagueId: string;
  /** The prepared checklist when `prepare` was asked for. */
  checklist: Checklist | null;
  /**
   * Plans another audit of the same client and cycle with the same team, starting this many
   * days from today (two days long), e.g. a second surveillance for a coverage matrix.
   */
  planAudit: (type: AuditType, startsInDays: number) => string;
}

/** Calls a contract method as the app would (validated input, typed errors), failing loudly. */
export async function invoke<M extends MethodName>(
  harness: Harness,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const { createHandlers } = await import('../../electron/ipc/handlers');
  const handlers = createHandlers(harness.runtime, { error: (...args) => console.error(...args) });
  const result = await handlers[method](input);
  if (!result.ok) {
    throw new Error(
      `${method} failed: ${result.error.code} ${result.error.message}${result.error.field ? ` (${result.error.field})` : ''}`,
    );
  }
  return result.value as MethodOutput<M>;
}

/** Answers every item of an audit's checklist with one value (only selected items of a surveillance). */
export async function answerAll(
  harness: Harness,
  auditId: string,
  value: (item: Checklist['items'][number]) => { result: string; notes?: string } | null,
): Promise<Checklist> {
  const checklist = await invoke(harness, 'getChecklist', { auditId });
  if (!checklist) throw new Error('answerAll: the checklist is not prepared');
  for (const item of checklist.items) {
    if (checklist.kind === 'selection' && !item.selected) continue;
    const answer = value(item);
    if (!answer) continue;
    await invoke(harness, 'saveChecklistAnswer', {
      checklistItemId: item.id,
      result: answer.result as MethodInput<'saveChecklistAnswer'>['result'],
      notes: answer.notes,
    });
  }
  const after = await invoke(harness, 'getChecklist', { auditId });
  if (!after) throw new Error('answerAll: the checklist disappeared');
  return after;
}

/**
 * Prepares a Stage 1 checklist, marks every item (those in `concerns` as "concern" with the note,
 * the rest "ready") and records the readiness conclusion "ready", as its lead auditor would.
 */
export async function concludeStage1(
  harness: Harness,
  stage1AuditId: string,
  concerns: Record<string, string> = {},
): Promise<void> {
  const existing = await invoke(harness, 'getChecklist', { auditId: stage1AuditId });
  if (!existing) await invoke(harness, 'prepareChecklist', { auditId: stage1AuditId });
  await answerAll(harness, stage1AuditId, (item) =>
    concerns[item.itemKey] !== undefined
      ? { result: 'concern', notes: concerns[item.itemKey] }
      : { result: 'ready' },
  );
  await invoke(harness, 'recordReadinessConclusion', {
    auditId: stage1AuditId,
    conclusion: 'ready',
    summary: 'Documented information is in place; the organisation is ready for Stage 2.',
  });
}

/**
 * A client with a Statement of Applicability, the signed-in person qualified and on the team of
 * an audit of the given type (with a concluded Stage 1 first when the type is stage2).
 */
export async function setUpAuditWithTeam(
  harness: Harness,
  options: ChecklistSetupOptions,
): Promise<ChecklistSetup> {
  const ctx = harness.runtime.context();
  const me = harness.runtime.currentPerson();
  if (!me) throw new Error('setUpAuditWithTeam: sign someone in first (setUpFirstAdmin)');
  const { createClient } = await import('../../electron/services/clients');
  const { createPerson, updatePerson } = await import('../../electron/services/people');
  const { addQualification } = await import('../../electron/services/person-profile');
  const { saveSoaVersion } = await import('../../electron/services/soa');
  const { createAudit } = await import('../../electron/services/audits');
  const { assignTeam } = await import('../../electron/services/team');
  const { clientInputSchema } = await import('../../shared/clients/schema');
  const { createAuditSchema } = await import('../../shared/programme/audit-schema');
  const { annexAControls } = await import('../../shared/iso42001/catalogue');

  const roles = [...new Set([...me.roles, 'lead_auditor' as const, 'auditor' as const])];
  updatePerson(ctx, { id: me.id, roles });
  const qualification = { issuer: 'Exemplar Global', validFrom: '2024-01-01', validUntil: null };
  const fresh = harness.runtime.context();
  addQualification(fresh, {
    ...qualification,
    personId: me.id,
    kind: 'iso42001LeadAuditor',
    title: '42001 Lead Auditor',
  });
  const colleague = createPerson(fresh, {
    name: 'Lena Lead',
    email: 'lena@cb.example',
    roles: ['lead_auditor', 'auditor'],
  });
  addQualification(fresh, {
    ...qualification,
    personId: colleague.id,
    kind: 'iso42001LeadAuditor',
    title: '42001 Lead Auditor',
  });

  const clientName = 'Nordlys Analytics AS';
  const client = createClient(
    fresh,
    clientInputSchema.parse({
      legalName: clientName,
      country: 'NO',
      status: options.type === 'stage1' || options.type === 'stage2' ? 'applicant' : 'certified',
      aiRoles: ['developer'],
      scope: 'Design and operation of demand-forecasting AI systems for utilities.',
      contacts: [{ name: 'Siri Dahl', email: 'siri@nordlys.example', primary: true }],
      sites: [
        { name: 'Oslo HQ', country: 'NO', isCentral: true, fullTimePersonnel: 80 },
        ...(options.secondSite
          ? [{ name: 'Bergen data centre', country: 'NO', fullTimePersonnel: 12 }]
          : []),
      ],
    }),
  );
  const siteIds = client.sites.map((s) => s.id);

  const exclusions = options.exclusions ?? [
    { controlId: 'A.10.4', justification: 'Nordlys supplies no AI products to customers.' },
  ];
  const soa = saveSoaVersion(fresh, {
    clientId: client.id,
    documentReference: 'NORD-SOA-01 v1',
    basedOnVersionId: null,
    controls: annexAControls().map((c) => {
      const excluded = exclusions.find((e) => e.controlId === c.id);
      return excluded
        ? { controlId: c.id, applicable: false, justification: excluded.justification }
        : { controlId: c.id, applicable: true, implementationStatus: 'implemented' as const };
    }),
  });

  const team = (myRole: 'lead_auditor' | 'auditor'): AssignTeamInput['members'] => [
    { personId: me.id, role: myRole },
    { personId: colleague.id, role: myRole === 'lead_auditor' ? 'auditor' : 'lead_auditor' },
  ];
  const plan = (type: AuditType, startsInDays: number) => {
    const start = addDays(new Date(), startsInDays);
    const audit = createAudit(
      harness.runtime.context(),
      createAuditSchema.parse({
        clientId: client.id,
        type,
        cycleNumber: 1,
        startDate: day(start),
        endDate: day(addDays(start, 1)),
        onsiteDays: 2,
        siteIds,
        criteria: 'ISO/IEC 42001:2023',
      }),
    );
    assignTeam(harness.runtime.context(), {
      auditId: audit.id,
      members: team(options.myRole ?? 'lead_auditor'),
      overrides: [],
    });
    return audit.id;
  };

  const startsInDays = options.startsInDays ?? 1;
  let stage1AuditId: string | null = null;
  if (options.type === 'stage2') {
    stage1AuditId = plan('stage1', startsInDays - 30);
    if (options.concludedStage1 !== false) {
      await concludeStage1(harness, stage1AuditId, options.stage1Concerns ?? {});
    }
  }
  const auditId = plan(options.type, startsInDays);
  const checklist = options.prepare
    ? await invoke(harness, 'prepareChecklist', { auditId, soaVersionId: soa.id })
    : null;

  return {
    clientId: client.id,
    clientName,
    siteIds,
    soaVersionId: soa.id,
    auditId,
    stage1AuditId,
    meId: me.id,
    colleagueId: colleague.id,
    checklist,
    planAudit: plan,
  };
}
