import { contract, type MethodName, type SessionState } from '../../shared/api/contract';
import { AppError, validationError, type Result } from '../../shared/errors';
import * as auditTime from '../services/audit-time';
import * as auditTimeTables from '../services/audit-time-tables';
import * as clients from '../services/clients';
import * as peopleService from '../services/people';
import { requireActor, requireRole } from '../services/context';
import { recordRestore } from '../services/restore-record';
import type { AppRuntime } from '../runtime';
import { auditsImplementations } from './handlers-audits';
import { programmeImplementations } from './handlers-programme';
import { settingsImplementations } from './handlers-settings';
import { checklistsImplementations } from './handlers-checklists';
import { evidenceImplementations } from './handlers-evidence';
import { catalogueItemsImplementations } from './handlers-catalogue-items';
import { findingsImplementations } from './handlers-findings';
import { reportsImplementations } from './handlers-reports';
import { certificatesImplementations } from './handlers-certificates';
import { dataImplementations } from './handlers-data';
import { clientImportImplementations } from './handlers-client-import';
import { packagesImplementations } from './handlers-packages';
import { soaImplementations } from './handlers-soa';
import { teamImplementations } from './handlers-team';
import type { ImplementationsOf } from './implementation';

type Implementations = ImplementationsOf<MethodName>;

export type Handler = (raw: unknown) => Promise<Result<unknown>>;
export type Handlers = Record<MethodName, Handler>;

export interface Logger {
  error: (message: string, ...details: unknown[]) => void;
}

function implementations(runtime: AppRuntime): Implementations {
  const ctx = () => runtime.context();
  return {
    getSession: (): SessionState => {
      const recovery = runtime.recovery;
      if (recovery) return { setupRequired: false, current: null, people: [], recovery };
      const db = runtime.database.db;
      const people = peopleService.listPeople(db).filter((p) => p.active);
      return {
        setupRequired: peopleService.peopleCount(db) === 0,
        current: runtime.currentPerson(),
        people: people.map(({ id, name, roles, hasPin }) => ({ id, name, roles, hasPin })),
        recovery: null,
      };
    },
    setupFirstPerson: (input) => {
      const person = peopleService.setupFirstPerson(ctx(), input);
      runtime.actAs(person);
      return person;
    },
    signIn: (input) => {
      const person = peopleService.verifySignIn(runtime.database.db, input.personId, input.pin);
      runtime.actAs(person);
      return person;
    },
    signOut: () => {
      runtime.actAs(null);
      return null;
    },
    listPeople: () => {
      const c = ctx();
      if (!c.actor) throw new AppError('FORBIDDEN', 'Choose who is working first.');
      return peopleService.listPeople(c.db);
    },
    createPerson: (input) => peopleService.createPerson(ctx(), input),
    updatePerson: (input) => peopleService.updatePerson(ctx(), input),

    listClients: (input) => clients.listClients(ctx(), input),
    getClient: (input) => {
      const c = ctx();
      if (!c.actor) throw new AppError('FORBIDDEN', 'Choose who is working first.');
      return clients.getClient(c.db, input.id);
    },
    createClient: (input) => clients.createClient(ctx(), input),
    updateClient: (input) => clients.updateClient(ctx(), input.id, input.patch),
    archiveClient: (input) => clients.archiveClient(ctx(), input.id),
    restoreClient: (input) => clients.restoreClient(ctx(), input.id),
    clientHistory: (input) => clients.clientHistory(ctx(), input.id),
    nextClientReference: () => clients.nextClientReference(runtime.database.db, runtime.now()),

    listAuditTimeTables: () => auditTimeTables.listAuditTimeTables(ctx()),
    getAuditTimeTable: (input) => auditTimeTables.getAuditTimeTable(ctx(), input.id),
    currentAuditTimeTable: () => {
      const c = ctx();
      if (!c.actor) throw new AppError('FORBIDDEN', 'Choose who is working first.');
      return auditTimeTables.currentAuditTimeTable(c);
    },
    createAuditTimeTable: (input) => auditTimeTables.createAuditTimeTable(ctx(), input),
    makeAuditTimeTableCurrent: (input) =>
      auditTimeTables.makeAuditTimeTableCurrent(ctx(), input.id),
    previewAuditTime: (input) => auditTime.previewAuditTime(ctx(), input),
    saveAuditTime: (input) => auditTime.saveAuditTime(ctx(), input),
    listAuditTimeResults: (input) => auditTime.listAuditTimeResults(ctx(), input.clientId),
    getAuditTimeResult: (input) => auditTime.getAuditTimeResult(ctx(), input.id),
    overrideAuditTime: (input) => auditTime.overrideAuditTime(ctx(), input),
    decideAuditTimeOverride: (input) => auditTime.decideAuditTimeOverride(ctx(), input),
    recomputeAuditTime: (input) => auditTime.recomputeAuditTime(ctx(), input.id),

    dataStatus: () => runtime.dataStatus(),
    backupNow: () => {
      requireActor(ctx());
      return runtime.backupNow();
    },
    restoreBackup: async (input) => {
      // At a damaged start nobody can sign in, and restoring is the way out; otherwise replacing
      // every record is an administrator's decision, and it is recorded in the restored file.
      if (runtime.recovery) return runtime.restore(input.file);
      const actor = requireRole(ctx(), ['admin'], 'restore a backup');
      const status = await runtime.restore(input.file);
      recordRestore({ ...runtime.context(), actor }, input.file);
      return status;
    },
    ...auditsImplementations(runtime),
    ...teamImplementations(runtime),
    ...programmeImplementations(runtime),
    ...soaImplementations(runtime),
    ...settingsImplementations(runtime),
    ...checklistsImplementations(runtime),
    ...evidenceImplementations(runtime),
    ...catalogueItemsImplementations(runtime),
    ...findingsImplementations(runtime),
    ...reportsImplementations(runtime),
    ...certificatesImplementations(runtime),
    ...dataImplementations(runtime),
    ...clientImportImplementations(runtime),
    ...packagesImplementations(runtime),
  };
}

/**
 * Every contract method as a function of raw input: parse with the contract's zod schema, run,
 * and turn any failure into a typed error value. Shared by IPC, the browser harness and the CLI.
 */
export function createHandlers(runtime: AppRuntime, log: Logger): Handlers {
  const impl = implementations(runtime);
  const handlers = {} as Handlers;
  for (const name of Object.keys(contract) as MethodName[]) {
    const schema = contract[name].input;
    const run = impl[name] as (input: unknown) => unknown;
    handlers[name] = async (raw) => {
      try {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) throw validationError(parsed.error);
        return { ok: true, value: (await run(parsed.data)) ?? null };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toInfo() };
        log.error(`Unexpected error in ${name}`, error instanceof Error ? error.stack : error);
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: 'Something went wrong inside Audit Desk; it was logged. Your input is kept.',
          },
        };
      }
    };
  }
  return handlers;
}
