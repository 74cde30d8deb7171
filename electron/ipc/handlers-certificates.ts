import fs from 'node:fs';
import path from 'node:path';
import type { certificatesContract } from '../../shared/api/contract-certificates';
import { electronResourcesPath, resourcesFolder } from '../resources-folder';
import type { AppRuntime } from '../runtime';
import { listCertificates } from '../services/certificates';
import { getCertificate } from '../services/certificates-detail';
import { exportCertificates } from '../services/certificates-export';
import {
  getCertificateNumbering,
  updateCertificateNumbering,
} from '../services/certificates-numbering';
import { certificatePdf } from '../services/certificates-pdf';
import {
  certificationDecisionContext,
  listCertificationDecisions,
  takeCertificationDecision,
} from '../services/certification-decisions';
import type { ImplementationsOf } from './implementation';

/** The certificates methods mapped onto services (see handlers.ts). */
export function certificatesImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof certificatesContract> {
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
    certificationDecisionContext: (input) => certificationDecisionContext(ctx(), input),
    takeCertificationDecision: (input) => takeCertificationDecision(ctx(), input),
    listCertificationDecisions: (input) => listCertificationDecisions(ctx(), input),
    listCertificates: (input) => listCertificates(ctx(), input),
    getCertificate: (input) => getCertificate(ctx(), input),
    certificatePdf: (input) => certificatePdf(ctx(), input, fontsFolder()),
    exportCertificates: (input) => exportCertificates(ctx(), input),
    certificateNumbering: () => getCertificateNumbering(ctx()),
    updateCertificateNumbering: (input) => updateCertificateNumbering(ctx(), input),
  };
}
