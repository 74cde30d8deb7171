import type Database from 'better-sqlite3';
import { addCalendarDays } from '../../../shared/cycle';
import { generateChecklist, type GeneratedItem } from '../../../shared/checklists/generate';
import { extendCatalogue } from '../../../shared/iso42001/cb-items';
import { iso42001Catalogue } from '../../../shared/iso42001/catalogue';
import type { FindingGrade, FindingState } from '../../../shared/findings/schema';
import type { AuditType } from '../../../shared/programme/vocabulary';
import { searchText } from '../clients';
import { certificationBodyNameKey } from '../certification-body';
import { deadlineColumnsOf, type DeadlineBasis } from '../finding-deadline-columns';
import { seededRandom, type Random } from '../seed-random';
import { planBench, benchToday, type BenchPlan, type PlanAudit } from './bench-plan';
import { benchId, IdCounter } from './ids';
import type { BenchScale } from './scale';

/**
 * Writes the benchmark plan into a migrated database with prepared statements in large
 * transactions, respecting every foreign key and unique constraint of the schema, then adds
 * checklists (copied from the real catalogue's templates), answers and findings to exactly the
 * scale's numbers. The caller chooses the pragmas (the benchmark turns synchronous off while
 * seeding only).
 */

export interface SeedCounts {
  people: number;
  clients: number;
  multiSiteClients: number;
  sites: number;
  cycles: number;
  audits: number;
  teamMembers: number;
  checklists: number;
  checklistItems: number;
  answers: number;
  findings: number;
}

export interface SeededBench {
  plan: BenchPlan;
  counts: SeedCounts;
  /** Person id of the scheduler the reads run as. */
  schedulerId: string;
  showcase: {
    auditId: string;
    clientId: string;
    leadId: string;
    /** The second team member, whose answers the bare statement writes. */
    auditorId: string;
    itemIds: string[];
  };
}

export type SeedProgress = (done: number, total: number, what: string) => void;

const BENCH_SEED = 42_001;
const ROWS_PER_TRANSACTION = 25_000;

const instant = (day: string, minutes = 0) =>
  new Date(Date.parse(`${day}T09:00:00.000Z`) + minutes * 60_000).toISOString();

/** Counts rows and commits every ROWS_PER_TRANSACTION of them, reporting progress. */
class Writer {
  private inTransaction = false;
  private sinceCommit = 0;
  done = 0;
  constructor(
    private readonly sqlite: Database.Database,
    /** Rows to write in all (an estimate until the checklists are planned). */
    public total: number,
    private readonly progress: SeedProgress,
  ) {}

  statement(table: string, columns: readonly string[]) {
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const prepared = this.sqlite.prepare(sql);
    return (...values: unknown[]) => {
      if (!this.inTransaction) {
        this.sqlite.exec('BEGIN');
        this.inTransaction = true;
      }
      prepared.run(...values);
      this.done++;
      if (++this.sinceCommit >= ROWS_PER_TRANSACTION) this.commit(table);
    };
  }

  commit(what: string): void {
    if (this.inTransaction) this.sqlite.exec('COMMIT');
    this.inTransaction = false;
    this.sinceCommit = 0;
    this.progress(this.done, this.total, what);
  }
}

interface Template {
  kind: string;
  catalogueVersion: string;
  items: GeneratedItem[];
}

function allApplicableSoa() {
  return {
    controls: iso42001Catalogue.items
      .filter((i) => i.kind === 'control' && i.parent !== null)
      .map((i) => ({ controlId: i.id, applicable: true, justification: '' })),
  };
}

function template(type: AuditType, catalogue = iso42001Catalogue): Template {
  const generated = generateChecklist({
    auditType: type,
    catalogue,
    soa: allApplicableSoa(),
    stage1Concerns: [],
  });
  if (!generated.ok) throw new Error(`No ${type} checklist: ${generated.message}`);
  return {
    kind: generated.kind,
    catalogueVersion: generated.catalogueVersion,
    items: generated.items,
  };
}

/** A CB with many sector items of its own: the showcase recertification's long checklist. */
function showcaseTemplate(items: number): Template {
  const base = template('recertification');
  const extra = Math.max(0, items - base.items.length);
  const parents = iso42001Catalogue.items.filter((i) => i.kind === 'clause' && i.assessable);
  const extended = extendCatalogue(
    iso42001Catalogue,
    'cb.bench',
    Array.from({ length: extra }, (_, i) => ({
      id: `CB.SECTOR.${i + 1}`,
      kind: 'clause' as const,
      title: `Sector requirement ${i + 1}: records of AI system monitoring at each site`,
      parent: (parents[i % parents.length] ?? parents[0])?.id ?? '4.1',
      stages: ['stage2' as const],
      prompt:
        'Sample the monitoring records of the AI systems operated at the site: are deviations recorded, assessed and acted on as the procedure requires?',
    })),
  );
  if (!extended.ok) throw new Error(`Showcase catalogue: ${extended.message}`);
  const full = template('recertification', extended.catalogue);
  return { ...full, items: full.items.slice(0, items) };
}

const statements = [
  {
    ref: 'ISO/IEC 42001:2023 6.1.4',
    statement: 'No AI system impact assessment was performed for a model in scope.',
    evidence: 'AI system register v4; interview with the AI governance lead.',
  },
  {
    ref: 'ISO/IEC 42001:2023 8.2',
    statement: 'AI risk assessments were not repeated after the last model releases.',
    evidence: 'Release log; risk register last updated before the releases.',
  },
  {
    ref: 'ISO/IEC 42001:2023 9.2',
    statement: 'The internal audit programme did not cover the AI lifecycle processes.',
    evidence: 'Internal audit programme 2025; audit reports IA-3 and IA-4.',
  },
  {
    ref: 'ISO/IEC 42001:2023 Annex A A.6.2.4',
    statement: 'Verification and validation records are missing for two deployed models.',
    evidence: 'Model cards MC-12 and MC-15; deployment tickets.',
  },
  {
    ref: 'ISO/IEC 42001:2023 7.2',
    statement: 'Competence records of data labelling staff are incomplete.',
    evidence: 'Training matrix; interview with the HR partner.',
  },
];

const findingTypes = new Set<AuditType>([
  'stage2',
  'surveillance',
  'recertification',
  'special',
  'transfer',
]);

function answerResult(random: Random, scale: string): string {
  if (scale === 'readiness') return random.chance(0.85) ? 'ready' : 'concern';
  const r = random.next();
  if (r < 0.85) return 'conforming';
  if (r < 0.89) return 'nonconformity';
  if (r < 0.94) return 'opportunity';
  if (r < 0.97) return 'not_applicable';
  return 'not_audited';
}

function gradeOf(random: Random): FindingGrade {
  const r = random.next();
  return r < 0.12 ? 'major' : r < 0.67 ? 'minor' : 'ofi';
}

interface FindingFacts {
  state: FindingState;
  responseSubmittedOn: string | null;
  responseAcceptedOn: string | null;
  verifiedOn: string | null;
  closedOn: string | null;
}

const notAfterToday = (d: string) => (d > benchToday ? benchToday : d);

/** A state that fits the finding's age: old ones mostly closed, a few forgotten and overdue. */
function findingFacts(random: Random, grade: FindingGrade, lastDay: string): FindingFacts {
  const age = (Date.parse(benchToday) - Date.parse(lastDay)) / 86_400_000;
  const submitted = notAfterToday(addCalendarDays(lastDay, random.int(5, 28)));
  const accepted = notAfterToday(addCalendarDays(submitted, random.int(1, 10)));
  const verified = notAfterToday(addCalendarDays(accepted, random.int(10, 60)));
  const none: FindingFacts = {
    state: 'open',
    responseSubmittedOn: null,
    responseAcceptedOn: null,
    verifiedOn: null,
    closedOn: null,
  };
  const closed: FindingFacts = {
    state: 'closed',
    responseSubmittedOn: grade === 'ofi' ? null : submitted,
    responseAcceptedOn: grade === 'ofi' ? null : accepted,
    verifiedOn: grade === 'major' ? verified : null,
    closedOn: grade === 'major' ? verified : grade === 'ofi' ? lastDay : accepted,
  };
  if (grade === 'ofi') return age > 60 ? closed : none;
  const r = random.next();
  if (age > 180) {
    if (r < 0.93) return closed;
    if (r < 0.96) return none;
    if (r < 0.98) return { ...none, state: 'responseSubmitted', responseSubmittedOn: submitted };
    return { ...none, state: 'cancelled', closedOn: null };
  }
  if (age > 30) {
    if (r < 0.2) return none;
    if (r < 0.45) return { ...none, state: 'responseSubmitted', responseSubmittedOn: submitted };
    if (r < 0.75) {
      return {
        ...none,
        state: 'responseAccepted',
        responseSubmittedOn: submitted,
        responseAcceptedOn: accepted,
      };
    }
    if (grade === 'major' && r < 0.85) {
      return {
        ...none,
        state: 'verified',
        responseSubmittedOn: submitted,
        responseAcceptedOn: accepted,
        verifiedOn: verified,
      };
    }
    return closed;
  }
  if (r < 0.7 || submitted >= benchToday) return none;
  return { ...none, state: 'responseSubmitted', responseSubmittedOn: submitted };
}

/** Seeds the whole benchmark data set into an open, migrated database. */
export function seedBench(
  sqlite: Database.Database,
  scale: BenchScale,
  progress: SeedProgress = () => {},
): SeededBench {
  const random = seededRandom(BENCH_SEED);
  const ids = new IdCounter();
  const plan = planBench(scale, random, ids);
  const id = benchId;
  const clientRows = plan.clients.length;
  const siteRows = plan.clients.reduce((s, c) => s + c.sites.length, 0);
  const total =
    plan.people.length +
    clientRows * 2 +
    siteRows +
    plan.audits.length * 4 +
    scale.answers * 1.5 +
    scale.findings * 2;
  const w = new Writer(sqlite, Math.round(total), progress);
  const counts: SeedCounts = {
    people: plan.people.length,
    clients: clientRows,
    multiSiteClients: plan.clients.filter((c) => c.sites.length > 1).length,
    sites: siteRows,
    cycles: 0,
    audits: plan.audits.length,
    teamMembers: 0,
    checklists: 0,
    checklistItems: 0,
    answers: 0,
    findings: 0,
  };

  // People, clients, contacts, sites, cycles.
  const at0 = instant('2020-01-01');
  const person = w.statement('people', [
    'id',
    'name',
    'email',
    'roles',
    'active',
    'languages',
    'created_at',
    'updated_at',
  ]);
  for (const p of plan.people) {
    person(id(p.n), p.name, p.email, JSON.stringify(p.roles), 1, '["en"]', at0, at0);
  }
  const client = w.statement('clients', [
    'id',
    'reference',
    'legal_name',
    'trading_name',
    'country',
    'address',
    'status',
    'scope',
    'ai_roles',
    'ai_system_count',
    'other_certifications',
    'notes',
    'required_competence_areas',
    'search_text',
    'archived_at',
    'created_at',
    'updated_at',
  ]);
  const contact = w.statement('client_contacts', [
    'id',
    'client_id',
    'position',
    'name',
    'role',
    'email',
    'phone',
    'is_primary',
    'created_at',
    'updated_at',
  ]);
  const site = w.statement('client_sites', [
    'id',
    'client_id',
    'position',
    'name',
    'address',
    'country',
    'is_central',
    'full_time_personnel',
    'part_time_personnel',
    'part_time_average_hours',
    'ai_personnel',
    'created_at',
    'updated_at',
  ]);
  const cycle = w.statement('certification_cycles', [
    'id',
    'client_id',
    'cycle_number',
    'decision_date',
    'previous_expiry_date',
    'previous_audit_date',
    'recertification_decision_date',
    'notes',
    'created_at',
    'updated_at',
  ]);
  let contactNumber = ids.takeMany(clientRows);
  for (const c of plan.clients) {
    const at = instant(c.createdDay);
    client(
      id(c.n),
      c.reference,
      c.legalName,
      c.tradingName,
      c.country,
      `${1 + (c.index % 200)} Market Street`,
      c.status,
      'Design, development and operation of AI systems for its customers',
      JSON.stringify(c.aiRoles),
      1 + (c.index % 12),
      c.index % 4 === 0
        ? JSON.stringify([{ standard: 'ISO/IEC 27001', certificateNumber: `IS-${c.index}` }])
        : '[]',
      '',
      '[]',
      searchText(c),
      c.archived ? instant(benchToday, -60 * 24 * 30) : null,
      at,
      at,
    );
    contact(
      id(contactNumber++),
      id(c.n),
      0,
      `Contact of ${c.reference}`,
      'AI governance lead',
      `ai-governance-${c.index}@client.example`,
      '',
      1,
      at,
      at,
    );
    c.sites.forEach((s, position) => {
      site(
        id(s.n),
        id(c.n),
        position,
        s.name,
        `${position + 1} Industrial Way`,
        s.country,
        s.isCentral ? 1 : 0,
        s.fullTime,
        s.partTime,
        s.partTime > 0 ? 20 : 0,
        s.aiPersonnel,
        at,
        at,
      );
    });
    for (const y of c.cycles) {
      const cAt = instant(y.decisionDate);
      cycle(
        id(y.n),
        id(c.n),
        y.cycleNumber,
        y.decisionDate,
        y.previousExpiryDate,
        y.previousAuditDate,
        y.recertificationDecisionDate,
        '',
        cAt,
        cAt,
      );
      counts.cycles++;
    }
  }
  w.commit('clients');

  // Audits, their sites and teams.
  const audit = w.statement('audits', [
    'id',
    'client_id',
    'type',
    'cycle_number',
    'state',
    'planned_start',
    'planned_end',
    'onsite_days',
    'remote_days',
    'objectives',
    'criteria',
    'scope',
    'completed_on',
    'cancelled_reason',
    'created_at',
    'updated_at',
  ]);
  const auditSite = w.statement('audit_sites', [
    'id',
    'audit_id',
    'site_id',
    'created_at',
    'updated_at',
  ]);
  const member = w.statement('audit_team_members', [
    'id',
    'audit_id',
    'person_id',
    'role',
    'overridden_checks',
    'created_at',
    'updated_at',
  ]);
  for (const a of plan.audits) {
    const at = instant(addCalendarDays(a.start, -40));
    const days = (Date.parse(a.end) - Date.parse(a.start)) / 86_400_000 + 1;
    audit(
      id(a.n),
      id(a.client.n),
      a.type,
      a.cycleNumber,
      a.state,
      a.start,
      a.end,
      days,
      0,
      'Determine the conformity of the AI management system with ISO/IEC 42001:2023.',
      "ISO/IEC 42001:2023 and the client's Statement of Applicability",
      'Design, development and operation of AI systems for its customers',
      a.completedOn,
      a.state === 'cancelled' ? 'The client asked to move the audit.' : null,
      at,
      at,
    );
    const sampled = a.client.sites.filter((_, i) => i === 0 || i % 3 === 1);
    for (const s of sampled) auditSite(id(ids.take()), id(a.n), id(s.n), at, at);
    for (const m of a.team) {
      member(id(ids.take()), id(a.n), id(m.person), m.role, '[]', at, at);
      counts.teamMembers++;
    }
  }
  w.commit('audits');

  // Checklists, items and answers.
  const templates = {
    stage1: template('stage1'),
    full: template('stage2'),
    selection: template('surveillance'),
  };
  const showTemplate = showcaseTemplate(scale.showcaseItems);
  const templateOf = (a: PlanAudit): Template => {
    if (a.showcase) return showTemplate;
    if (a.type === 'stage1') return templates.stage1;
    if (a.type === 'surveillance' || a.type === 'special') return templates.selection;
    return templates.full;
  };
  interface Sheet {
    audit: PlanAudit;
    template: Template;
    /** Positions of the selected items. */
    selected: number[];
    capacity: number;
    firstItem: number;
  }
  const sheets: Sheet[] = [];
  for (const a of plan.audits) {
    if (a.state !== 'completed' && a.state !== 'in_progress') continue;
    const t = templateOf(a);
    const extra = random.next() * 0.6 + 0.3;
    const selected: number[] = [];
    t.items.forEach((item, position) => {
      if (t.kind !== 'selection' || item.mandatory || random.chance(extra)) selected.push(position);
    });
    sheets.push({
      audit: a,
      template: t,
      selected,
      capacity: selected.length * a.team.length,
      firstItem: 0,
    });
  }
  const showcaseSheet = sheets.find((s) => s.audit.showcase);
  if (!showcaseSheet) throw new Error('The showcase audit has no checklist.');
  const showcaseAnswers = Math.ceil(showcaseSheet.selected.length * 1.5);
  const others = sheets.filter((s) => s !== showcaseSheet);
  const capacity = others.reduce((sum, s) => sum + s.capacity, 0);
  const toSpread = scale.answers - showcaseAnswers;
  if (toSpread > capacity || toSpread < 0) {
    throw new Error(`The benchmark plan can hold ${capacity} answers, not ${toSpread}.`);
  }
  const answerCount = new Map<Sheet, number>([[showcaseSheet, showcaseAnswers]]);
  let cumulative = 0;
  let given = 0;
  for (const s of others) {
    cumulative += s.capacity;
    const upTo = Math.floor((cumulative * toSpread) / capacity);
    answerCount.set(s, upTo - given);
    given = upTo;
  }

  w.total =
    w.done +
    sheets.length +
    sheets.reduce((sum, s) => sum + s.template.items.length, 0) +
    scale.answers +
    scale.findings * 2 +
    1;
  const checklist = w.statement('checklists', [
    'id',
    'audit_id',
    'kind',
    'catalogue_version',
    'soa_version_id',
    'generated_by',
    'created_at',
    'updated_at',
  ]);
  const item = w.statement('checklist_items', [
    'id',
    'checklist_id',
    'item_key',
    'section',
    'group_key',
    'parent_key',
    'position',
    'title',
    'prompt',
    'requirement_ref',
    'scale',
    'mandatory',
    'selected',
    'carried_from_item_id',
    'carried_note',
    'created_at',
    'updated_at',
  ]);
  const answer = w.statement('checklist_answers', [
    'id',
    'checklist_item_id',
    'auditor_id',
    'result',
    'notes',
    'answered_at',
    'created_at',
    'updated_at',
  ]);
  for (const s of sheets) {
    const a = s.audit;
    const checklistId = id(ids.take());
    const lead = a.team[0]?.person ?? plan.scheduler.n;
    const at = instant(addCalendarDays(a.start, -7));
    checklist(
      checklistId,
      id(a.n),
      s.template.kind,
      s.template.catalogueVersion,
      null,
      id(lead),
      at,
      at,
    );
    counts.checklists++;
    const chosen = new Set(s.selected);
    s.firstItem = ids.takeMany(s.template.items.length);
    s.template.items.forEach((t, position) => {
      item(
        id(s.firstItem + position),
        checklistId,
        t.itemKey,
        t.section,
        t.groupKey,
        t.parentKey,
        position,
        t.title,
        t.prompt,
        t.requirementRef,
        t.scale,
        t.mandatory ? 1 : 0,
        chosen.has(position) ? 1 : 0,
        null,
        '',
        at,
        at,
      );
      counts.checklistItems++;
    });
    let left = answerCount.get(s) ?? 0;
    for (const m of a.team) {
      for (const position of s.selected) {
        if (left === 0) break;
        const t = s.template.items[position] as GeneratedItem;
        const when = instant(a.start, (position % 480) + 1);
        const notes = random.chance(0.1) ? 'Sampled records; see evidence.' : '';
        answer(
          id(ids.take()),
          id(s.firstItem + position),
          id(m.person),
          answerResult(random, t.scale),
          notes,
          when,
          when,
          when,
        );
        counts.answers++;
        left--;
      }
    }
  }
  w.commit('checklist answers');

  // Findings, each with its "raise" event, on audits that raise nonconformities.
  const eligible = others.filter((s) => findingTypes.has(s.audit.type) && s.selected.length > 0);
  if (eligible.length === 0) throw new Error('The benchmark plan has no audit for findings.');
  const perSheet = new Map<Sheet, number>([[showcaseSheet, scale.showcaseFindings]]);
  for (let i = scale.showcaseFindings; i < scale.findings; i++) {
    const s = eligible[random.int(0, eligible.length - 1)] as Sheet;
    perSheet.set(s, (perSheet.get(s) ?? 0) + 1);
  }
  const finding = w.statement('findings', [
    'id',
    'audit_id',
    'checklist_item_id',
    'site_id',
    'requirement_ref',
    'grade',
    'grade_rationale',
    'statement',
    'objective_evidence',
    'raised_by',
    'raised_on',
    'state',
    'response_submitted_on',
    'response_accepted_on',
    'verified_on',
    'closed_on',
    'closed_by',
    'audit_last_day',
    'response_due',
    'verification_due',
    'hard_limit',
    'next_due',
    'created_at',
    'updated_at',
  ]);
  const event = w.statement('finding_events', [
    'id',
    'finding_id',
    'event',
    'from_state',
    'to_state',
    'by_person',
    'on_date',
    'reason',
    'details',
    'created_at',
    'updated_at',
  ]);
  for (const s of sheets) {
    const n = perSheet.get(s) ?? 0;
    if (n === 0) continue;
    const a = s.audit;
    const lead = a.team[0]?.person ?? plan.scheduler.n;
    const lastDay = a.completedOn ?? a.end;
    const raisedOn = a.showcase ? benchToday : lastDay;
    const basis: DeadlineBasis = {
      auditType: a.type === 'stage1' ? null : (a.type as DeadlineBasis['auditType']),
      auditLastDay: lastDay,
      expiryDate: null,
      note: null,
    };
    for (let k = 0; k < n; k++) {
      const position = s.selected[random.int(0, s.selected.length - 1)] as number;
      const t = s.template.items[position] as GeneratedItem;
      const text = random.pick(statements);
      const grade = gradeOf(random);
      const facts = a.showcase
        ? {
            state: 'open' as const,
            responseSubmittedOn: null,
            responseAcceptedOn: null,
            verifiedOn: null,
            closedOn: null,
          }
        : findingFacts(random, grade, lastDay);
      const deadlines = deadlineColumnsOf(basis, { grade, ...facts }, benchToday);
      const findingId = id(ids.take());
      const at = instant(raisedOn, 600 + k);
      const siteN = a.client.sites[k % a.client.sites.length]?.n;
      finding(
        findingId,
        id(a.n),
        id(s.firstItem + position),
        siteN === undefined ? null : id(siteN),
        t.requirementRef || text.ref,
        grade,
        grade === 'major' ? 'A required element is absent for systems in scope.' : '',
        text.statement,
        text.evidence,
        id(lead),
        raisedOn,
        facts.state,
        facts.responseSubmittedOn,
        facts.responseAcceptedOn,
        facts.verifiedOn,
        facts.closedOn,
        facts.closedOn === null ? null : id(lead),
        deadlines.auditLastDay,
        deadlines.responseDue,
        deadlines.verificationDue,
        deadlines.hardLimit,
        deadlines.nextDue,
        at,
        at,
      );
      event(id(ids.take()), findingId, 'raise', null, 'open', id(lead), raisedOn, '', '{}', at, at);
      counts.findings++;
    }
  }
  const settingAt = instant(benchToday);
  w.statement('settings', ['key', 'value', 'updated_at', 'created_at'])(
    certificationBodyNameKey,
    'Bench Certification Body',
    settingAt,
    settingAt,
  );
  w.commit('findings');

  const show = plan.showcase;
  const showLead = show.team[0];
  const showOther = show.team[1];
  if (!showLead || !showOther) throw new Error('The showcase audit has no team.');
  return {
    plan,
    counts,
    schedulerId: id(plan.scheduler.n),
    showcase: {
      auditId: id(show.n),
      clientId: id(show.client.n),
      leadId: id(showLead.person),
      auditorId: id(showOther.person),
      itemIds: showcaseSheet.selected.map((p) => id(showcaseSheet.firstItem + p)),
    },
  };
}
