import fs from 'node:fs';
import path from 'node:path';
import type { reportsContract } from '../../shared/api/contract-reports';
import { electronResourcesPath, resourcesFolder } from '../resources-folder';
import type { AppRuntime } from '../runtime';
import { auditReportFile } from '../services/report-files';
import {
  auditReportView,
  issueReport,
  lintAuditReport,
  newReportRevision,
  updateReportDraft,
} from '../services/reports';
import type { ImplementationsOf } from './implementation';

/** The fonts the report PDF is set in, from the app's resources folder. */
export function reportFontsFolder(): string {
  return path.join(
    resourcesFolder({
      resourcesPath: electronResourcesPath(),
      cwd: process.cwd(),
      exists: fs.existsSync,
    }),
    'fonts',
  );
}

/** The reports methods mapped onto services (see handlers.ts). */
export function reportsImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof reportsContract> {
  const ctx = () => runtime.context();
  return {
    auditReport: (input) => auditReportView(ctx(), input.auditId),
    updateAuditReportDraft: (input) => updateReportDraft(ctx(), input),
    auditReportLint: (input) => lintAuditReport(ctx(), input.auditId),
    issueAuditReport: (input) => issueReport(ctx(), input, reportFontsFolder()),
    newAuditReportRevision: (input) => newReportRevision(ctx(), input),
    auditReportFile: (input) => auditReportFile(ctx(), input, reportFontsFolder()),
  };
}
