import { blankSoaControls, type SoaControl, type SoaVersion } from '../../../shared/soa/schema';

export interface SoaFormValues {
  documentReference: string;
  controls: SoaControl[];
}

/** The next version starts as a copy of the current one, or every control applicable. */
export function soaToValues(current: SoaVersion | null): SoaFormValues {
  if (!current) return { documentReference: '', controls: blankSoaControls() };
  return {
    documentReference: current.documentReference,
    controls: current.controls.map(
      ({ controlId, applicable, justification, implementationStatus, reference }) => ({
        controlId,
        applicable,
        justification,
        // An excluded row that becomes applicable again needs a status; start from the safest.
        implementationStatus: implementationStatus ?? 'not_implemented',
        reference,
      }),
    ),
  };
}
