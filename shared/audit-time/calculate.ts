/**
 * The audit-time calculator (reference §h, steps 1-9), in integer half-day units throughout so that
 * the renderer's preview and the stored result are identical on every machine.
 */
import { adjustedTime, type Justify } from './adjusted-time';
import { ceilDiv, ceilSqrtRatio, roundDiv, toDays, toHalfDays } from './half-days';
import type { AuditTimeInput } from './input';
import {
  followUpMessage,
  minimumMessage,
  onSiteFloorMessage,
  siteSamplingMessage,
  stageSplitMessage,
} from './justification';
import type { AuditTimeResult, JustificationEntry } from './result';
import type { AuditTimeShare, AuditTimeTable } from './table';

/**
 * IAF MD 1:2018 sample sizes, as tenths of √x: initial √x, surveillance 0.6·√x, recertification
 * 0.8·√x, each rounded up (EA FAQs 42.6, 46.5). Published figures, so not part of the CB's table.
 */
const SAMPLE_TENTHS = { initial: 10, surveillance: 6, recertification: 8 } as const;

type PerAudit = { initial: number; surveillance: number; recertification: number };

/** round½(u × share), in half-day units, exact ties upwards. */
function shareOf(units: number, share: AuditTimeShare): number {
  return roundDiv(units * share.numerator, share.denominator);
}

/** Step 6: Stage 1 takes a share of T, Stage 2 the rest; each at least its minimum. */
function stageSplit(adjustedUnits: number, table: AuditTimeTable, justify: Justify) {
  const share = table.stage1Share;
  const stage1RoundedUnits = shareOf(adjustedUnits, share);
  const stage1Units = Math.max(toHalfDays(table.minimums.stage1), stage1RoundedUnits);
  const stage2RawUnits = adjustedUnits - stage1Units;
  const stage2CoreUnits = Math.max(toHalfDays(table.minimums.stage2), stage2RawUnits);
  justify({
    code: 'STAGE_SPLIT',
    message: stageSplitMessage({
      adjustedUnits,
      share,
      stage1RoundedUnits,
      stage1Units,
      stage2RawUnits,
    }),
  });
  const source = table.minimums.source;
  if (stage1Units > stage1RoundedUnits) {
    justify({
      code: 'MINIMUM_APPLIED',
      message: minimumMessage('Stage 1', stage1RoundedUnits, stage1Units, source),
    });
  }
  if (stage2CoreUnits > stage2RawUnits) {
    justify({
      code: 'MINIMUM_APPLIED',
      message: minimumMessage('Stage 2', stage2RawUnits, stage2CoreUnits, source),
    });
  }
  return { stage1Units, stage2CoreUnits };
}

/**
 * Step 7, IAF MD 1: x = sites other than the central function; y = least integer with
 * 100·y² ≥ k²·x, plus the risk-based increase, never more than x.
 */
function sampleSizes(input: AuditTimeInput): PerAudit {
  const otherSites = input.sites - 1;
  const sample = (tenths: number) =>
    otherSites === 0
      ? 0
      : Math.min(
          otherSites,
          ceilSqrtRatio(tenths * tenths * otherSites, 100) + input.additionalSampledSites,
        );
  return {
    initial: sample(SAMPLE_TENTHS.initial),
    surveillance: sample(SAMPLE_TENTHS.surveillance),
    recertification: sample(SAMPLE_TENTHS.recertification),
  };
}

/** Step 8 (IAF MD 5): surveillance ≈ 1/3 and recertification ≈ 2/3 of C, plus sampled sites. */
function followUpAudit(
  audit: 'Surveillance' | 'Recertification',
  coreUnits: number,
  sampled: number,
  table: AuditTimeTable,
  justify: Justify,
): number {
  const surveillance = audit === 'Surveillance';
  const share = surveillance ? table.surveillanceShare : table.recertificationShare;
  const minimum = surveillance ? table.minimums.surveillance : table.minimums.recertification;
  const perSiteUnits = toHalfDays(table.perSampledSite.days);
  const roundedUnits = shareOf(coreUnits, share);
  const raisedUnits = Math.max(toHalfDays(minimum), roundedUnits);
  const totalUnits = raisedUnits + perSiteUnits * sampled;
  justify({
    code: surveillance ? 'SURVEILLANCE' : 'RECERTIFICATION',
    message: followUpMessage({
      audit,
      share,
      coreUnits,
      roundedUnits,
      raisedUnits,
      sampled,
      perSiteUnits,
      totalUnits,
    }),
  });
  if (raisedUnits > roundedUnits) {
    justify({
      code: 'MINIMUM_APPLIED',
      message: minimumMessage(audit, roundedUnits, raisedUnits, table.minimums.source),
    });
  }
  return totalUnits;
}

/** Steps 1-9 of the Audit Desk method; `input` must come from parseAuditTimeInput with `table`. */
export function calculateAuditTime(input: AuditTimeInput, table: AuditTimeTable): AuditTimeResult {
  const justification: JustificationEntry[] = [];
  const justify: Justify = (entry) => justification.push(entry);

  const adjusted = adjustedTime(input, table, justify);
  const { stage1Units, stage2CoreUnits } = stageSplit(adjusted.adjustedUnits, table, justify);
  // C: the organisation-level initial time that surveillance and recertification are shares of.
  const coreUnits = stage1Units + stage2CoreUnits;

  // Steps 7-8: each sampled site adds its time to that audit; the central function is covered by
  // the organisation-level time.
  const sampledSites = sampleSizes(input);
  const perSiteUnits = toHalfDays(table.perSampledSite.days);
  const stage2Units = stage2CoreUnits + perSiteUnits * sampledSites.initial;
  justify({
    code: 'SITE_SAMPLING',
    message: siteSamplingMessage({
      sites: input.sites,
      additional: input.additionalSampledSites,
      samples: sampledSites,
      perSiteUnits,
      perSiteSource: table.perSampledSite.source,
      stage1Units,
      stage2CoreUnits,
      stage2Units,
    }),
  });
  const units: PerAudit = {
    initial: stage1Units + stage2Units,
    surveillance: followUpAudit(
      'Surveillance',
      coreUnits,
      sampledSites.surveillance,
      table,
      justify,
    ),
    recertification: followUpAudit(
      'Recertification',
      coreUnits,
      sampledSites.recertification,
      table,
      justify,
    ),
  };

  // Step 9, IAF MD 5 4.1: at least 80% of each audit on site, rounded up to a half day.
  const floorPercent = table.onSiteFloor.percent;
  const onSite = (audit: number) => ceilDiv(audit * floorPercent, 100);
  const floors = {
    stage2: onSite(stage2Units),
    surveillance: onSite(units.surveillance),
    recertification: onSite(units.recertification),
  };
  justify({
    code: 'ONSITE_FLOOR',
    message: onSiteFloorMessage(floorPercent, table.onSiteFloor.source, [
      { name: 'Stage 2', totalUnits: stage2Units, floorUnits: floors.stage2 },
      { name: 'surveillance', totalUnits: units.surveillance, floorUnits: floors.surveillance },
      {
        name: 'recertification',
        totalUnits: units.recertification,
        floorUnits: floors.recertification,
      },
    ]),
  });

  return {
    tableVersion: table.version,
    effectivePersonnel: adjusted.effectivePersonnel,
    band: adjusted.band,
    baseDays: toDays(adjusted.baseUnits),
    netAdjustmentPercent: adjusted.netAdjustmentPercent,
    reductionCapped: adjusted.reductionCapped,
    integrationReductionPercent: adjusted.integrationReductionPercent,
    adjustedDays: toDays(adjusted.adjustedUnits),
    stage1Days: toDays(stage1Units),
    stage2Days: toDays(stage2Units),
    initialTotalDays: toDays(units.initial),
    surveillanceDays: toDays(units.surveillance),
    recertificationDays: toDays(units.recertification),
    sampledSites,
    minOnSiteDays: {
      stage2: toDays(floors.stage2),
      surveillance: toDays(floors.surveillance),
      recertification: toDays(floors.recertification),
    },
    requested: {
      auditType: input.auditType,
      days: toDays(units[input.auditType]),
      sampledSites: sampledSites[input.auditType],
    },
    justification,
  };
}
