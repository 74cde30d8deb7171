import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clientSites, people } from './schema-core';
import { audits } from './schema-programme';
import { soaVersions } from './schema-soa';

/**
 * Audit checklists, their answers and evidence, Stage 1 readiness conclusions, the CB's own
 * catalogue items, and findings raised from checklist items (issue 6; the nonconformity issue
 * extends findings). Answers and evidence are rows per item and per auditor with timestamps,
 * never a whole-checklist blob, so two laptops' work can be merged record by record later.
 */
const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

/** One checklist per audit, generated from the catalogue, the audit type and the audited SoA. */
export const checklists = sqliteTable(
  'checklists',
  {
    id: text('id').primaryKey(),
    auditId: text('audit_id')
      .notNull()
      .references(() => audits.id),
    /** readiness (Stage 1) | full (Stage 2, recertification, transfer) | selection (surveillance, special) */
    kind: text('kind').notNull(),
    /** The catalogue the items were copied from, e.g. audit-desk-42001-2023.1+cb.3. */
    catalogueVersion: text('catalogue_version').notNull(),
    soaVersionId: text('soa_version_id').references(() => soaVersions.id),
    generatedBy: text('generated_by').references(() => people.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('checklists_audit').on(t.auditId)],
);

/**
 * One line of a checklist. Title, prompt and requirement are copied from the catalogue at
 * generation, so a later catalogue never changes what a past audit asked.
 */
export const checklistItems = sqliteTable(
  'checklist_items',
  {
    id: text('id').primaryKey(),
    checklistId: text('checklist_id')
      .notNull()
      .references(() => checklists.id),
    /** Catalogue id (4.1, A.6.2.4, CB.HEALTH.1) or a readiness/concern/exclusion key. */
    itemKey: text('item_key').notNull(),
    /** readiness | clause | control | exclusion | concern | cb */
    section: text('section').notNull(),
    /** Navigation group: clause 4 to 10, Annex A group, S1 (readiness), SOA, CONCERNS. */
    groupKey: text('group_key').notNull(),
    parentKey: text('parent_key'),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    prompt: text('prompt').notNull(),
    /** e.g. "ISO/IEC 42001:2023 6.1.4" or "Annex A A.6.2.4"; '' for readiness topics. */
    requirementRef: text('requirement_ref').notNull().default(''),
    /** readiness (ready / concern / not ready) | result (conforming … not applicable) */
    scale: text('scale').notNull(),
    /** Surveillance: always included (internal audit, management review, NC follow-up, changes). */
    mandatory: integer('mandatory', { mode: 'boolean' }).notNull().default(false),
    /** Included in this audit; surveillance items are chosen by the lead auditor. */
    selected: integer('selected', { mode: 'boolean' }).notNull().default(true),
    /** A Stage 2 item carrying a Stage 1 concern: the Stage 1 checklist item it came from. */
    carriedFromItemId: text('carried_from_item_id'),
    carriedNote: text('carried_note').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('checklist_items_checklist_key').on(t.checklistId, t.itemKey),
    index('checklist_items_position_idx').on(t.checklistId, t.position),
  ],
);

/** One auditor's answer to one item: result and notes, with when it last changed. */
export const checklistAnswers = sqliteTable(
  'checklist_answers',
  {
    id: text('id').primaryKey(),
    checklistItemId: text('checklist_item_id')
      .notNull()
      .references(() => checklistItems.id),
    auditorId: text('auditor_id')
      .notNull()
      .references(() => people.id),
    /** ready | concern | not_ready, or conforming | nonconformity | opportunity | not_audited | not_applicable; null while only notes exist. */
    result: text('result'),
    notes: text('notes').notNull().default(''),
    /** ISO instant of the auditor's last change to this answer. */
    answeredAt: text('answered_at').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('checklist_answers_item_auditor').on(t.checklistItemId, t.auditorId)],
);

/** Objective evidence recorded against an item (removal is a mark, so merges see it). */
export const checklistEvidence = sqliteTable(
  'checklist_evidence',
  {
    id: text('id').primaryKey(),
    checklistItemId: text('checklist_item_id')
      .notNull()
      .references(() => checklistItems.id),
    auditorId: text('auditor_id')
      .notNull()
      .references(() => people.id),
    /** document | interview | observation | record */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    /** Document version, the interviewee's role, or the record's identifier. */
    detail: text('detail').notNull().default(''),
    removedAt: text('removed_at'),
    ...timestamps,
  },
  (t) => [index('checklist_evidence_item_idx').on(t.checklistItemId)],
);

/** Findings raised from checklist items (the nonconformity issue adds the life cycle). */
export const findings = sqliteTable(
  'findings',
  {
    id: text('id').primaryKey(),
    auditId: text('audit_id')
      .notNull()
      .references(() => audits.id),
    checklistItemId: text('checklist_item_id').references(() => checklistItems.id),
    siteId: text('site_id').references(() => clientSites.id),
    requirementRef: text('requirement_ref').notNull(),
    /** major | minor | ofi; null until the lead auditor grades it. */
    grade: text('grade'),
    gradeRationale: text('grade_rationale').notNull().default(''),
    statement: text('statement').notNull(),
    objectiveEvidence: text('objective_evidence').notNull(),
    raisedBy: text('raised_by').references(() => people.id),
    /** YYYY-MM-DD */
    raisedOn: text('raised_on').notNull(),
    /** open | responseSubmitted | responseAccepted | verified | closed | escalated | cancelled */
    state: text('state').notNull(),
    /** The client's acknowledgement at the closing meeting (disagreement is recorded, not blocking). */
    clientAcknowledgedBy: text('client_acknowledged_by'),
    acknowledgedOn: text('acknowledged_on'),
    acknowledgementNote: text('acknowledgement_note').notNull().default(''),
    /** Dates of the latest events (also in finding_events), kept here for the register's queries. */
    responseSubmittedOn: text('response_submitted_on'),
    responseAcceptedOn: text('response_accepted_on'),
    verifiedOn: text('verified_on'),
    verificationMethod: text('verification_method'),
    closedOn: text('closed_on'),
    closedBy: text('closed_by').references(() => people.id),
    /**
     * Deadlines (reference/nonconformities.md 4) computed by the service from the audit's last day
     * whenever the grade, an event or that day changes; never typed. `nextDue` is the earliest
     * deadline still pending (null when none): the register sorts by it.
     */
    auditLastDay: text('audit_last_day'),
    responseDue: text('response_due'),
    verificationDue: text('verification_due'),
    hardLimit: text('hard_limit'),
    nextDue: text('next_due'),
    /** A minor escalated to a major, linked both ways. */
    escalatedFromId: text('escalated_from_id'),
    escalatedToId: text('escalated_to_id'),
    ...timestamps,
  },
  (t) => [
    index('findings_audit_idx').on(t.auditId),
    index('findings_state_idx').on(t.state),
    index('findings_item_idx').on(t.checklistItemId),
    index('findings_state_due_idx').on(t.state, t.nextDue),
    // The register's page in urgency order (finding-register.ts), read in index order and
    // filtered inside the index (state, grade, audit, raiser): the first page of 100,000
    // findings without sorting the open ones (issue 10).
    index('findings_urgency_idx').on(
      sql`(${t.nextDue} IS NULL)`,
      t.nextDue,
      t.raisedOn,
      t.id,
      t.state,
      t.grade,
      t.auditId,
      t.raisedBy,
    ),
    // The register's count under its filters, from the index alone.
    index('findings_register_count_idx').on(t.state, t.grade, t.auditId, t.raisedBy),
  ],
);

/**
 * Every step of a finding's life (append-only): raise, grade, acknowledgement, each response with
 * its fields, each review with its reason, each verification with method and outcome. The
 * finding's timeline and its current response / verification are read from here.
 */
export const findingEvents = sqliteTable(
  'finding_events',
  {
    id: text('id').primaryKey(),
    findingId: text('finding_id')
      .notNull()
      .references(() => findings.id),
    /** raise | grade | acknowledge | submitResponse | reject | accept | verify | close | escalate | cancel */
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    byPerson: text('by_person').references(() => people.id),
    /** YYYY-MM-DD the event happened (may be earlier than it was recorded). */
    onDate: text('on_date').notNull(),
    reason: text('reason').notNull().default(''),
    /** Event fields: response (correction, rootCause, correctiveAction, plannedCompletion), verification (method, effective, evidence). */
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    ...timestamps,
  },
  (t) => [index('finding_events_finding_idx').on(t.findingId, t.createdAt)],
);

/**
 * Evidence files (attachments): the bytes live content-addressed by SHA-256 beside the database;
 * this row holds what they are, who captured them, and where they belong.
 */
export const evidenceFiles = sqliteTable(
  'evidence_files',
  {
    id: text('id').primaryKey(),
    auditId: text('audit_id')
      .notNull()
      .references(() => audits.id),
    checklistItemId: text('checklist_item_id').references(() => checklistItems.id),
    findingId: text('finding_id').references(() => findings.id),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    capturedBy: text('captured_by').references(() => people.id),
    capturedAt: text('captured_at').notNull(),
    removedAt: text('removed_at'),
    ...timestamps,
  },
  (t) => [
    index('evidence_files_audit_idx').on(t.auditId),
    index('evidence_files_item_idx').on(t.checklistItemId),
    index('evidence_files_sha_idx').on(t.sha256),
  ],
);

/** The Stage 1 readiness conclusion that gates Stage 2 (ISO/IEC 17021-1 9.3.1.2). */
export const readinessConclusions = sqliteTable('readiness_conclusions', {
  auditId: text('audit_id')
    .primaryKey()
    .references(() => audits.id),
  /** ready | not_ready */
  conclusion: text('conclusion').notNull(),
  summary: text('summary').notNull(),
  concludedBy: text('concluded_by').references(() => people.id),
  concludedAt: text('concluded_at').notNull(),
  ...timestamps,
});

/** A certification body's own catalogue items (e.g. sector questions) added to the shipped one. */
export const cbCatalogueItems = sqliteTable(
  'cb_catalogue_items',
  {
    /** CB.<something>, e.g. CB.HEALTH.1 */
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    parent: text('parent').notNull(),
    stages: text('stages', { mode: 'json' }).$type<('stage1' | 'stage2')[]>().notNull(),
    prompt: text('prompt').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull(),
    createdBy: text('created_by').references(() => people.id),
    ...timestamps,
  },
  (t) => [index('cb_catalogue_items_position_idx').on(t.position)],
);
