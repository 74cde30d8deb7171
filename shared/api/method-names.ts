import type { MethodName } from './contract';
import { auditsMethodNames } from './method-names-audits';
import { programmeMethodNames } from './method-names-programme';
import { settingsMethodNames } from './method-names-settings';
import { soaMethodNames } from './method-names-soa';
import { teamMethodNames } from './method-names-team';
import { checklistsMethodNames } from './method-names-checklists';
import { evidenceMethodNames } from './method-names-evidence';
import { catalogueItemsMethodNames } from './method-names-catalogue-items';
import { findingsMethodNames } from './method-names-findings';
import { reportsMethodNames } from './method-names-reports';
import { certificatesMethodNames } from './method-names-certificates';
import { dataMethodNames } from './method-names-data';
import { clientImportMethodNames } from './method-names-client-import';
import { packagesMethodNames } from './method-names-packages';

/**
 * The contract's method names as a plain list, for the preload: importing the contract itself
 * would pull zod and every schema into the sandboxed preload bundle. `satisfies` refuses a name
 * the contract lacks; `EveryMethodListed` below fails to compile when one is missing.
 */
export const apiMethodNames = [
  'getSession',
  'setupFirstPerson',
  'signIn',
  'signOut',
  'listPeople',
  'createPerson',
  'updatePerson',
  'listClients',
  'getClient',
  'createClient',
  'updateClient',
  'archiveClient',
  'restoreClient',
  'clientHistory',
  'nextClientReference',
  'listAuditTimeTables',
  'getAuditTimeTable',
  'currentAuditTimeTable',
  'createAuditTimeTable',
  'makeAuditTimeTableCurrent',
  'previewAuditTime',
  'saveAuditTime',
  'listAuditTimeResults',
  'getAuditTimeResult',
  'overrideAuditTime',
  'decideAuditTimeOverride',
  'recomputeAuditTime',
  'dataStatus',
  'backupNow',
  'restoreBackup',
  ...auditsMethodNames,
  ...teamMethodNames,
  ...programmeMethodNames,
  ...soaMethodNames,
  ...settingsMethodNames,
  ...checklistsMethodNames,
  ...evidenceMethodNames,
  ...catalogueItemsMethodNames,
  ...findingsMethodNames,
  ...reportsMethodNames,
  ...certificatesMethodNames,
  ...dataMethodNames,
  ...clientImportMethodNames,
  ...packagesMethodNames,
] as const satisfies readonly MethodName[];

export type ApiMethodName = (typeof apiMethodNames)[number];

type Expect<T extends true> = T;
/** Compile-time check: every contract method appears in `apiMethodNames`. */
export type EveryMethodListed = Expect<
  [Exclude<MethodName, ApiMethodName>] extends [never] ? true : false
>;
