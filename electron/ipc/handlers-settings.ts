import type { settingsContract } from '../../shared/api/contract-settings';
import type { AppRuntime } from '../runtime';
import { getCertificationBody, updateCertificationBody } from '../services/certification-body';
import {
  getCertificationBodyLogo,
  removeCertificationBodyLogo,
  setCertificationBodyLogo,
} from '../services/certification-body-logo';
import type { ImplementationsOf } from './implementation';

/** The CB settings' contract methods mapped onto services (see handlers.ts). */
export function settingsImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof settingsContract> {
  return {
    certificationBody: () => getCertificationBody(runtime.context()),
    updateCertificationBody: (input) => updateCertificationBody(runtime.context(), input),
    certificationBodyLogo: () => getCertificationBodyLogo(runtime.context()),
    setCertificationBodyLogo: (input) => setCertificationBodyLogo(runtime.context(), input),
    removeCertificationBodyLogo: () => removeCertificationBodyLogo(runtime.context()),
  };
}
