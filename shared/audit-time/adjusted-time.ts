/**
 * Steps 1-5 of the Audit Desk method (reference §h): from effective personnel to the adjusted,
 * rounded organisation-level audit time T, in half-day units.
 */
import { AppError } from '../errors';
import { ceilDiv, roundDiv, toHalfDays } from './half-days';
import { personnelBreakdown, type AuditTimeInput } from './input';
import {
  baseExtrapolatedMessage,
  baseTableMessage,
  effectivePersonnelMessage,
  factorMessage,
  integrationMessage,
  reductionCapMessage,
  roundingMessage,
} from './justification';
import type { JustificationEntry } from './result';
import type { AuditTimeTable } from './table';

export type Justify = (entry: JustificationEntry) => void;

/** Percent × percent: the denominator of B × (100 + n)/100 × (100 − r)/100. */
const PERCENT_SQUARED = 10_000;

function effectivePersonnel(input: AuditTimeInput, justify: Justify): number {
  if (input.personnel !== undefined) {
    const breakdown = personnelBreakdown(input.personnel);
    justify({
      code: 'EFFECTIVE_PERSONNEL',
      message: effectivePersonnelMessage(null, breakdown),
    });
    return breakdown.total;
  }
  if (input.effectivePersonnel === undefined) {
    // parseAuditTimeInput guarantees one of the two; this guards callers that skipped it.
    throw new AppError('VALIDATION', 'Give effectivePersonnel or personnel.', 'effectivePersonnel');
  }
  justify({
    code: 'EFFECTIVE_PERSONNEL',
    message: effectivePersonnelMessage(input.effectivePersonnel, null),
  });
  return input.effectivePersonnel;
}

/** Step 2: the table value for the role, extrapolated linearly beyond the last band. */
function baseTime(persons: number, input: AuditTimeInput, table: AuditTimeTable, justify: Justify) {
  const role = input.aiRole;
  const band = table.bands.find((b) => b.min <= persons && persons <= b.max);
  if (band) {
    justify({ code: 'BASE_TABLE', message: baseTableMessage(persons, band, role) });
    return { band: `${band.min}-${band.max}`, baseUnits: toHalfDays(band[role]) };
  }
  const last = table.bands.at(-1);
  if (!last || persons < last.max) {
    throw new AppError(
      'VALIDATION',
      `No band of table ${table.version} covers ${persons} persons.`,
    );
  }
  const { everyPersons, source } = table.extrapolation;
  const steps = ceilDiv(persons - last.max, everyPersons);
  const stepUnits = toHalfDays(table.extrapolation[role]);
  const baseUnits = toHalfDays(last[role]) + steps * stepUnits;
  justify({
    code: 'BASE_EXTRAPOLATED',
    message: baseExtrapolatedMessage({
      persons,
      last,
      role,
      everyPersons,
      steps,
      stepUnits,
      baseUnits,
      source,
    }),
  });
  return { band: `>${last.max}`, baseUnits };
}

/** Step 3: signed factors added up; the total reduction is capped (IAF MD 5: 30%). */
function netAdjustment(input: AuditTimeInput, table: AuditTimeTable, justify: Justify) {
  let rawPercent = 0;
  for (const entry of input.factors) {
    rawPercent += entry.percent;
    const factor = table.factors.find((f) => f.code === entry.code) ?? {
      code: entry.code,
      meaning: 'not in this table',
      min: entry.percent,
      max: entry.percent,
      source: 'ourChoice' as const,
    };
    justify({ code: 'FACTOR', message: factorMessage(factor, entry.percent) });
  }
  const cap = table.reductionCap.percent;
  const reductionCapped = rawPercent < -cap;
  if (reductionCapped) {
    justify({
      code: 'REDUCTION_CAP',
      message: reductionCapMessage(rawPercent, cap, table.reductionCap.source),
    });
  }
  return { netPercent: reductionCapped ? 0 - cap : rawPercent, reductionCapped };
}

export interface AdjustedTime {
  effectivePersonnel: number;
  band: string;
  baseUnits: number;
  netAdjustmentPercent: number;
  reductionCapped: boolean;
  integrationReductionPercent: number;
  adjustedUnits: number;
}

export function adjustedTime(
  input: AuditTimeInput,
  table: AuditTimeTable,
  justify: Justify,
): AdjustedTime {
  const persons = effectivePersonnel(input, justify);
  const { band, baseUnits } = baseTime(persons, input, table, justify);
  const { netPercent, reductionCapped } = netAdjustment(input, table, justify);

  // Step 4, IAF MD 11: the integration reduction comes after the MD 5 adjustments.
  const integrationPercent = input.integrationReductionPercent;
  if (integrationPercent > 0 || input.combinedWith.length > 0) {
    justify({
      code: 'INTEGRATION',
      message: integrationMessage(
        input.combinedWith,
        integrationPercent,
        table.integrationCap.percent,
      ),
    });
  }

  // Step 5, IAF MD 5 2.2.3: nearest half day, Tu = ⌊(2N + D) / 2D⌋.
  const exactNumerator = baseUnits * (100 + netPercent) * (100 - integrationPercent);
  const adjustedUnits = roundDiv(exactNumerator, PERCENT_SQUARED);
  justify({
    code: 'ROUNDING',
    message: roundingMessage({
      baseUnits,
      netPercent,
      integrationPercent,
      exactNumerator,
      exactDenominator: 2 * PERCENT_SQUARED,
      adjustedUnits,
    }),
  });
  return {
    effectivePersonnel: persons,
    band,
    baseUnits,
    netAdjustmentPercent: netPercent,
    reductionCapped,
    integrationReductionPercent: integrationPercent,
    adjustedUnits,
  };
}
