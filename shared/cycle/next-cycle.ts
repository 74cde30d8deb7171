import type { CycleInput } from './input';
import type { CycleOutput } from './output';

/**
 * B3 step 8: the input for the cycle a recertification decision opened, with the same `today`
 * and options. Recertified or restored, the new cycle continues from the old expiry and its first
 * surveillance is due within 12 months of the recertification audit (9.1.3); a `newCycle` is
 * treated as an initial certification. Null while no recertification decision is recorded.
 */
export function nextCycleInput(input: CycleInput, output: CycleOutput): CycleInput | null {
  const decisionDate = input.recertificationDecisionDate;
  if (output.nextCycle === null || decisionDate === null) return null;
  const continued = output.nextCycle.type !== 'newCycle';
  return {
    decisionDate,
    today: input.today,
    previousExpiryDate: continued ? output.expiryDate : null,
    previousAuditDate: continued ? input.recertificationAuditDate : null,
    surveillance1Date: null,
    surveillance2Date: null,
    recertificationAuditDate: null,
    recertificationDecisionDate: null,
    options: input.options,
  };
}
