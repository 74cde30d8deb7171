import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { auditTeamMembers, checklistAnswers } from '../../db/schema';
import type { Db } from '../../db/open';
import { newestAnswer } from '../../shared/checklists/progress';
import type { Checklist, ChecklistItem, ReadinessMark } from '../../shared/checklists/schema';
import { iso42001Edition, clauseGroups } from '../../shared/iso42001/requirements';
import type { Finding, FindingGrade } from '../../shared/findings/schema';
import type { ReportLintInput } from '../../shared/reports/lint';
import {
  confidentialityStatement,
  type ReportConcern,
  type ReportData,
  type ReportFinding,
  type ReportGroupSummary,
  type ReportItemRow,
  type ReportRevision,
} from '../../shared/reports/schema';
import { readAudit } from './audit-records';
import { clientFor } from './audits';
import { certificationBodyNameKey } from './certification-body';
import { readChecklist } from './checklist-read';
import type { ServiceContext } from './context';
import { listAuditFindings } from './findings';
import { qualificationsOf } from './person-profile';
import { readSetting } from './settings';
import { auditedSoaVersion } from './soa';

/** The report's editable parts as they stand, or a blank revision 1 before the first save. */
export type ReportFields = Pick<
  ReportRevision,
  | 'id'
  | 'revision'
  | 'state'
  | 'changeNote'
  | 'effectivenessConclusion'
  | 'recommendation'
  | 'recommendationNotes'
  | 'divergingOpinions'
  | 'samplingBasis'
  | 'daysSpent'
  | 'daysSpentReason'
  | 'acknowledgedWarnings'
  | 'issuedByName'
  | 'issuedAt'
>;

export const blankReportFields: Omit<ReportFields, 'id'> & { id: null } = {
  id: null,
  revision: 1,
  state: 'draft',
  changeNote: '',
  effectivenessConclusion: '',
  recommendation: null,
  recommendationNotes: '',
  divergingOpinions: '',
  samplingBasis: '',
  daysSpent: null,
  daysSpentReason: '',
  acknowledgedWarnings: [],
  issuedByName: null,
  issuedAt: null,
};

const current = (item: ChecklistItem) => item.answers[0]?.result ?? null;

const gradeRank = (grade: FindingGrade | null) =>
  grade === 'major' ? 0 : grade === 'minor' ? 1 : 2;

/** Nonconformities numbered NC-01… (majors, minors, then ungraded), opportunities OFI-01…. */
function numberFindings(findings: readonly Finding[], siteNames: Map<string, string>) {
  const live = findings.filter((f) => f.state !== 'cancelled');
  const toReport = (f: Finding, number: string): ReportFinding => ({
    id: f.id,
    number,
    grade: f.grade,
    requirementRef: f.requirementRef,
    itemKey: f.itemKey,
    statement: f.statement,
    objectiveEvidence: f.objectiveEvidence,
    gradeRationale: f.gradeRationale,
    siteName: f.siteId ? (siteNames.get(f.siteId) ?? null) : null,
    state: f.state,
    raisedOn: f.raisedOn,
    raisedByName: f.raisedByName,
  });
  const pad = (n: number) => String(n).padStart(2, '0');
  const ncs = live
    .filter((f) => f.grade !== 'ofi')
    .sort((a, b) => gradeRank(a.grade) - gradeRank(b.grade))
    .map((f, i) => toReport(f, `NC-${pad(i + 1)}`));
  const ofis = live
    .filter((f) => f.grade === 'ofi')
    .map((f, i) => toReport(f, `OFI-${pad(i + 1)}`));
  return { ncs, ofis };
}

function groupSummaries(items: readonly ChecklistItem[]): ReportGroupSummary[] {
  const groups = new Map<string, ReportGroupSummary>();
  for (const g of clauseGroups) {
    groups.set(g.id, {
      key: g.id,
      title: g.title,
      total: 0,
      conforming: 0,
      nonconformity: 0,
      opportunity: 0,
      notAudited: 0,
      notApplicable: 0,
      ready: 0,
      concern: 0,
      notReady: 0,
      unanswered: 0,
    });
  }
  for (const item of items) {
    const group = groups.get(item.groupKey);
    if (!group) continue;
    group.total++;
    const result = current(item);
    if (result === null) group.unanswered++;
    else if (result === 'not_audited') group.notAudited++;
    else if (result === 'not_applicable') group.notApplicable++;
    else if (result === 'not_ready') group.notReady++;
    else group[result]++;
  }
  return [...groups.values()].filter((g) => g.total > 0);
}

function itemRows(items: readonly ChecklistItem[], numbers: Map<string, string>): ReportItemRow[] {
  return items.map((item) => ({
    key: item.itemKey,
    title: item.title,
    result: current(item),
    findingNumbers: item.findingIds.flatMap((id) => {
      const n = numbers.get(id);
      return n ? [n] : [];
    }),
  }));
}

const isConcernMark = (r: string | null): r is ReadinessMark =>
  r === 'concern' || r === 'not_ready';

/** Stage 1: items marked concern or not ready; Stage 2: the concerns carried, with their follow-up. */
function concernsOf(
  db: Db,
  checklist: Checklist,
  items: readonly ChecklistItem[],
): ReportConcern[] {
  if (checklist.kind === 'readiness') {
    return items.flatMap((item) => {
      const answer = item.answers[0];
      const mark = answer?.result ?? null;
      if (!isConcernMark(mark)) return [];
      return [
        { key: item.itemKey, title: item.title, mark, notes: answer?.notes ?? '', followUp: null },
      ];
    });
  }
  const carried = items.filter((i) => i.section === 'concern' && i.carriedFromItemId !== null);
  const originIds = carried.flatMap((i) => (i.carriedFromItemId ? [i.carriedFromItemId] : []));
  const originAnswers =
    originIds.length === 0
      ? []
      : db
          .select()
          .from(checklistAnswers)
          .where(
            and(
              inArray(checklistAnswers.checklistItemId, originIds),
              isNotNull(checklistAnswers.result),
            ),
          )
          .all();
  return carried.map((item) => {
    const origin = newestAnswer(
      originAnswers.filter((a) => a.checklistItemId === item.carriedFromItemId),
    );
    const followUp = current(item);
    return {
      key: item.itemKey.replace(/^CONCERN\./, ''),
      title: item.title.replace(/^Stage 1 concern: /, ''),
      mark: isConcernMark(origin?.result ?? null) ? (origin?.result as ReadinessMark) : 'concern',
      notes: item.carriedNote,
      followUp: followUp === null || isConcernMark(followUp) ? null : followUp,
    };
  });
}

export interface AssembledReport {
  data: ReportData;
  lint: ReportLintInput;
}

/**
 * Everything the report of an audit says, read from the audit's own records (never retyped): the
 * CB, the client, the plan, the team, the audited SoA version, the checklist results and the
 * findings, with the lead auditor's own parts from `fields`.
 */
export function assembleReport(
  ctx: ServiceContext,
  auditId: string,
  fields: ReportFields | typeof blankReportFields,
): AssembledReport {
  const db = ctx.db;
  const audit = readAudit(db, auditId);
  const client = clientFor(db, audit.clientId);
  const cbName = readSetting(db, certificationBodyNameKey)?.trim() ?? '';
  const checklist = readChecklist(db, auditId, {
    teamRole: null,
    canAnswer: false,
    canPlan: false,
  });
  const findings = listAuditFindings(ctx, auditId);
  const siteNames = new Map(client.sites.map((s) => [s.id, s.name]));
  const { ncs, ofis } = numberFindings(findings, siteNames);
  const numbers = new Map([...ncs, ...ofis].map((f) => [f.id, f.number]));
  const items = (checklist?.items ?? []).filter((i) => i.selected);
  const section = (...sections: string[]) => items.filter((i) => sections.includes(i.section));
  const audited = auditedSoaVersion(ctx, auditId)?.soaVersion ?? null;
  const contact = client.contacts.find((c) => c.primary) ?? client.contacts[0];

  const data: ReportData = {
    reportId: fields.id,
    revision: fields.revision,
    state: fields.state,
    changeNote: fields.changeNote,
    issuedByName: fields.issuedByName,
    issuedAt: fields.issuedAt,
    preparedAt: ctx.now().toISOString(),
    certificationBodyName: cbName,
    client: {
      id: client.id,
      legalName: client.legalName,
      tradingName: client.tradingName ?? '',
      reference: client.reference,
      country: client.country,
      scope: client.scope ?? '',
      primaryContact: contact ? [contact.name, contact.role].filter((p) => p).join(', ') : '',
    },
    audit: {
      id: audit.id,
      type: audit.type,
      cycleNumber: audit.cycleNumber,
      state: audit.state,
      startDate: audit.startDate,
      endDate: audit.endDate,
      completedOn: audit.completedOn,
      objectives: audit.objectives,
      scope: audit.scope,
      criteria: audit.criteria,
    },
    standard: iso42001Edition,
    soa: audited
      ? {
          versionNumber: audited.versionNumber,
          documentReference: audited.documentReference,
          excludedCount: audited.excludedCount,
        }
      : null,
    sites: audit.sites.map((s) => ({ ...s })),
    clientSiteCount: client.sites.length,
    team: audit.team.map((m) => ({ personId: m.personId, name: m.name, role: m.role })),
    time: {
      onsiteDays: audit.onsiteDays,
      remoteDays: audit.remoteDays,
      calculatedDays: audit.calculatedDays,
      planDeviationReason: audit.daysDeviationReason ?? '',
    },
    checklist: checklist
      ? {
          kind: checklist.kind,
          answered: checklist.progress.answered,
          total: checklist.progress.total,
          readinessConclusion: checklist.readinessConclusion
            ? {
                conclusion: checklist.readinessConclusion.conclusion,
                summary: checklist.readinessConclusion.summary,
              }
            : null,
        }
      : null,
    clauseSummary: groupSummaries(section('clause')),
    controls: itemRows(section('control'), numbers),
    exclusions: itemRows(section('exclusion'), numbers).map((row) => ({
      ...row,
      key: row.key.replace(/^EXCL\./, ''),
    })),
    otherItems: itemRows(section('readiness', 'surveillance', 'cb'), numbers),
    nonconformities: ncs,
    opportunities: ofis,
    concerns: checklist ? concernsOf(db, checklist, items) : [],
    effectivenessConclusion: fields.effectivenessConclusion,
    recommendation: fields.recommendation,
    recommendationNotes: fields.recommendationNotes,
    divergingOpinions: fields.divergingOpinions,
    samplingBasis: fields.samplingBasis,
    daysSpent: fields.daysSpent,
    daysSpentReason: fields.daysSpentReason,
    confidentiality: confidentialityStatement(client.legalName, cbName),
  };

  const unansweredItems = items
    .filter((i) => current(i) === null)
    .map((i) => ({ itemKey: i.itemKey, title: i.title }));
  return {
    data,
    lint: {
      data,
      unansweredItems,
      team: lintTeam(db, auditId, data.team),
      acknowledgedWarnings: fields.acknowledgedWarnings,
    },
  };
}

function lintTeam(db: Db, auditId: string, team: ReportData['team']): ReportLintInput['team'] {
  const rows = db
    .select({
      personId: auditTeamMembers.personId,
      overriddenChecks: auditTeamMembers.overriddenChecks,
    })
    .from(auditTeamMembers)
    .where(eq(auditTeamMembers.auditId, auditId))
    .all();
  const qualifications = qualificationsOf(
    db,
    team.map((m) => m.personId),
  );
  return team.map((m) => ({
    personId: m.personId,
    name: m.name,
    role: m.role,
    qualifications: qualifications.filter((q) => q.personId === m.personId),
    overriddenChecks: rows.find((r) => r.personId === m.personId)?.overriddenChecks ?? [],
  }));
}
