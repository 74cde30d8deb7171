/**
 * Stored audit-time tables and results as they cross the API: the versions a CB keeps, and each
 * client's saved calculations with their override and its approval by a second person.
 */
import { z } from 'zod';
import { isCalendarDay } from '../dates';
import { auditTimeEntrySchema, type AuditTimeEntry } from './entry';
import type { AuditType } from './input';
import type { AuditTimeResult } from './result';
import type { AuditTimeTable } from './table';
import type { AppErrorInfo } from '../errors';

/**
 * A saved result needs no approval until a lead auditor overrides its days; the override is then
 * pending until a scheduler or certification decision maker who is not the lead auditor decides.
 */
export const approvalStates = ['notRequired', 'pending', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof approvalStates)[number];
export const approvalStateLabels: Record<ApprovalState, string> = {
  notRequired: 'No approval needed',
  pending: 'Override pending approval',
  approved: 'Override approved',
  rejected: 'Override rejected',
};

export interface AuditTimeTableSummary {
  id: string;
  version: string;
  effectiveDate: string;
  isCurrent: boolean;
  createdByName: string | null;
  createdAt: string;
  /** How many saved results were calculated with this version. */
  resultCount: number;
}

export interface AuditTimeTableVersion extends AuditTimeTableSummary {
  table: AuditTimeTable;
}

const calendarDay = z
  .string({ message: 'Enter the date the version takes effect.' })
  .refine(isCalendarDay, { message: 'Enter a date as YYYY-MM-DD, e.g. 2026-04-01.' });

/**
 * A new table version: the whole table (its `version` is the new name) plus its effective date,
 * side by side so that a table error is reported at its own path, e.g. `bands[3].producer`.
 */
export const newAuditTimeTableSchema = z.looseObject({ effectiveDate: calendarDay });
export type NewAuditTimeTable = AuditTimeTable & { effectiveDate: string };

export const saveAuditTimeSchema = auditTimeEntrySchema.extend({
  clientId: z.string().min(1, { message: 'Choose the client.' }),
});

const halfDays = z
  .number({ message: 'Enter the number of days, e.g. 6.5.' })
  .min(0.5, { message: 'An audit takes at least half a day.' })
  .max(1000, { message: 'That is more than 1000 days.' })
  .refine((days) => Number.isInteger(days * 2), {
    message: 'Audit time is a whole number of half days, e.g. 6 or 6.5.',
  });

export const overrideAuditTimeSchema = z.object({
  id: z.string().min(1),
  days: halfDays,
  reason: z
    .string({ message: 'Say why the calculated days do not fit this client.' })
    .trim()
    .min(1, { message: 'Say why the calculated days do not fit this client.' })
    .max(2000, { message: 'Keep the reason under 2000 characters.' }),
});

export const decideOverrideSchema = z
  .object({
    id: z.string().min(1),
    decision: z.enum(['approved', 'rejected'], { message: 'Approve or reject the override.' }),
    note: z.string().trim().max(2000, { message: 'Keep the note under 2000 characters.' }),
  })
  .refine((d) => d.decision === 'approved' || d.note.length > 0, {
    message: 'Say why the override is rejected, so the lead auditor can act on it.',
    path: ['note'],
  });

export const clientAuditTimeSchema = z.object({ clientId: z.string().min(1) });

interface PersonRef {
  id: string | null;
  name: string | null;
}

export interface AuditTimeRecord {
  id: string;
  clientId: string;
  tableId: string;
  tableVersion: string;
  auditType: AuditType;
  input: AuditTimeEntry;
  output: AuditTimeResult;
  /** The requested audit's days as calculated. */
  calculatedDays: number;
  override: {
    days: number;
    reason: string;
    by: PersonRef;
    at: string;
  } | null;
  approvalState: ApprovalState;
  decision: { by: PersonRef; at: string; note: string } | null;
  /** The days that count: the override once approved, otherwise the calculation. */
  effectiveDays: number;
  /** Whether the programme may plan with it: no approval needed, or the override approved. */
  usableForPlanning: boolean;
  createdBy: PersonRef;
  createdAt: string;
  updatedAt: string;
}

/** A saved result next to the same input calculated under today's current table. */
export interface AuditTimeRecomputation {
  saved: AuditTimeRecord;
  currentTableVersion: string;
  /** False when the current table is the one the result was saved with. */
  tableChanged: boolean;
  recomputed: { ok: true; value: AuditTimeResult } | { ok: false; error: AppErrorInfo };
}
