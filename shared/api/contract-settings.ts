import { certificationBodySchema, type CertificationBody } from '../settings/certification-body';
import {
  certificationBodyLogoInputSchema,
  type CertificationBodyLogo,
} from '../settings/certification-body-logo';
import { method, noInput } from './method';

/** Contract methods of the CB's own settings (see contract.ts). */
export const settingsContract = {
  certificationBody: method<CertificationBody>()(noInput),
  updateCertificationBody: method<CertificationBody>()(certificationBodySchema),
  /** Null when no logo is set. */
  certificationBodyLogo: method<CertificationBodyLogo | null>()(noInput),
  setCertificationBodyLogo: method<CertificationBodyLogo>()(certificationBodyLogoInputSchema),
  removeCertificationBodyLogo: method<null>()(noInput),
};
