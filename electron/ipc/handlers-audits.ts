import fs from 'node:fs';
import path from 'node:path';
import type { auditsContract } from '../../shared/api/contract-audits';
import { electronResourcesPath, resourcesFolder } from '../resources-folder';
import type { AppRuntime } from '../runtime';
import { getAudit, listAudits } from '../services/audit-records';
import { auditPlanDefaults } from '../services/audit-plan-defaults';
import { auditPlanPdf } from '../services/audit-plan-pdf';
import { changeAuditState } from '../services/audit-transitions';
import { createAudit, listAuditPage, updateAudit } from '../services/audits';
import { clientProgramme, recordCertificationDecision } from '../services/certification-cycles';
import type { ImplementationsOf } from './implementation';

/** The audits area's contract methods mapped onto services (see handlers.ts). */
export function auditsImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof auditsContract> {
  const ctx = () => runtime.context();
  const fontsFolder = () =>
    path.join(
      resourcesFolder({
        resourcesPath: electronResourcesPath(),
        cwd: process.cwd(),
        exists: fs.existsSync,
      }),
      'fonts',
    );
  return {
    recordCertificationDecision: (input) => recordCertificationDecision(ctx(), input),
    clientProgramme: (input) => clientProgramme(ctx(), input),
    auditPlanDefaults: (input) => auditPlanDefaults(ctx(), input),
    createAudit: (input) => createAudit(ctx(), input),
    updateAudit: (input) => updateAudit(ctx(), input),
    changeAuditState: (input) => changeAuditState(ctx(), input),
    listAudits: (input) => listAudits(ctx(), input),
    listAuditPage: (input) => listAuditPage(ctx(), input),
    getAudit: (input) => getAudit(ctx(), input.id),
    auditPlanPdf: async (input) => {
      const file = await auditPlanPdf(ctx(), input.id, fontsFolder());
      return {
        fileName: file.fileName,
        contentType: 'application/pdf' as const,
        base64: Buffer.from(file.bytes).toString('base64'),
      };
    },
  };
}
