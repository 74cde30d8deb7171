import { z } from 'zod';
import {
  clientInputSchema,
  clientListQuerySchema,
  clientUpdateSchema,
  type Client,
  type ClientSummary,
} from '../clients/schema';
import {
  firstPersonInputSchema,
  personInputSchema,
  personUpdateSchema,
  signInSchema,
  type Person,
} from '../people/schema';
import {
  restoreBackupSchema,
  type BackupInfo,
  type ChangeLogEntry,
  type DataStatus,
} from '../data/schema';
import type { Result } from '../errors';
import { byId, method, noInput } from './method';
import { auditsContract } from './contract-audits';
import { teamContract } from './contract-team';
import { programmeContract } from './contract-programme';
import { settingsContract } from './contract-settings';
import { soaContract } from './contract-soa';
import { checklistsContract } from './contract-checklists';
import { evidenceContract } from './contract-evidence';
import { catalogueItemsContract } from './contract-catalogue-items';
import { findingsContract } from './contract-findings';
import { reportsContract } from './contract-reports';
import { certificatesContract } from './contract-certificates';
import { dataContract } from './contract-data';
import { clientImportContract } from './contract-client-import';
import { packagesContract } from './contract-packages';
import {
  auditTimeInputSchema,
  clientAuditTimeSchema,
  decideOverrideSchema,
  newAuditTimeTableSchema,
  overrideAuditTimeSchema,
  saveAuditTimeSchema,
  type AuditTimeRecomputation,
  type AuditTimeRecord,
  type AuditTimeResult,
  type AuditTimeTableSummary,
  type AuditTimeTableVersion,
} from '../audit-time';

/**
 * The one API contract between renderer and main process (and the browser harness, and tests).
 * Every method names its zod input schema; the output type rides along as a phantom type.
 * Main registers exactly these handlers, the preload exposes exactly these names.
 */

export interface SessionState {
  setupRequired: boolean;
  current: Person | null;
  people: Pick<Person, 'id' | 'name' | 'roles' | 'hasPin'>[];
  /** Set when the database failed its integrity check at start and was not opened. */
  recovery: { reason: string; backups: BackupInfo[] } | null;
}

export const contract = {
  getSession: method<SessionState>()(noInput),
  setupFirstPerson: method<Person>()(firstPersonInputSchema),
  signIn: method<Person>()(signInSchema),
  signOut: method<null>()(noInput),

  listPeople: method<Person[]>()(noInput),
  createPerson: method<Person>()(personInputSchema),
  updatePerson: method<Person>()(personUpdateSchema),

  listClients: method<ClientSummary[]>()(clientListQuerySchema),
  getClient: method<Client>()(byId),
  createClient: method<Client>()(clientInputSchema),
  updateClient: method<Client>()(clientUpdateSchema),
  archiveClient: method<Client>()(byId),
  restoreClient: method<Client>()(byId),
  clientHistory: method<ChangeLogEntry[]>()(byId),
  nextClientReference: method<string>()(noInput),

  listAuditTimeTables: method<AuditTimeTableSummary[]>()(noInput),
  getAuditTimeTable: method<AuditTimeTableVersion>()(byId),
  currentAuditTimeTable: method<AuditTimeTableVersion>()(noInput),
  createAuditTimeTable: method<AuditTimeTableVersion>()(newAuditTimeTableSchema),
  makeAuditTimeTableCurrent: method<AuditTimeTableVersion>()(byId),
  previewAuditTime: method<AuditTimeResult>()(auditTimeInputSchema),
  saveAuditTime: method<AuditTimeRecord>()(saveAuditTimeSchema),
  listAuditTimeResults: method<AuditTimeRecord[]>()(clientAuditTimeSchema),
  getAuditTimeResult: method<AuditTimeRecord>()(byId),
  overrideAuditTime: method<AuditTimeRecord>()(overrideAuditTimeSchema),
  decideAuditTimeOverride: method<AuditTimeRecord>()(decideOverrideSchema),
  recomputeAuditTime: method<AuditTimeRecomputation>()(byId),

  dataStatus: method<DataStatus>()(noInput),
  backupNow: method<BackupInfo>()(noInput),
  restoreBackup: method<DataStatus>()(restoreBackupSchema),

  // Issue 5, one file per area so they grow independently.
  ...auditsContract,
  ...teamContract,
  ...programmeContract,
  ...soaContract,
  ...settingsContract,
  // Issue 6.
  ...checklistsContract,
  ...evidenceContract,
  ...catalogueItemsContract,
  // Issue 7.
  ...findingsContract,
  // Issue 8.
  ...reportsContract,
  ...certificatesContract,
  // Issue 9.
  ...dataContract,
  ...clientImportContract,
  ...packagesContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Exclude<Contract[M]['output'], undefined>;

/** What `window.api` looks like: one async function per contract method. */
export type Api = {
  [M in MethodName]: (input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};
