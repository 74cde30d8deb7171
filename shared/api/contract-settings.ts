import { certificationBodySchema, type CertificationBody } from '../settings/certification-body';
import { method, noInput } from './method';

/** Contract methods of the CB's own settings (see contract.ts). */
export const settingsContract = {
  certificationBody: method<CertificationBody>()(noInput),
  updateCertificationBody: method<CertificationBody>()(certificationBodySchema),
};
