/**
 * The plain-English justification of each calculation step. ISO/IEC 17021-1 9.1.4 asks the CB to
 * record how the audit time was determined; each message carries the numbers used and says whether
 * a figure is published (ISO/IEC 42006, ISO/IEC 27006, IAF MD 1 / 5 / 11) or the CB's own choice.
 */
import { formatDays, formatPercent, formatRatio, toDays } from './half-days';
import type { PersonnelBreakdown } from './input';
import {
  aiRoleColumnLabels,
  tableSourceLabels,
  type AiRoleColumn,
  type AuditTimeBand,
  type AuditTimeFactor,
  type AuditTimeShare,
  type TableSource,
} from './table';

/** "published in IAF MD 5" or "the CB's own choice, not a published figure". */
export function sourceText(source: TableSource): string {
  return source === 'ourChoice'
    ? 'the CB’s own choice, not a published figure'
    : `published in ${tableSourceLabels[source]}`;
}

const sourceNote = (source: TableSource) => `(${sourceText(source)})`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const daysText = (halfDays: number) => plural(toDays(halfDays), 'day', 'days');
const shareText = (share: AuditTimeShare) => `${share.numerator}/${share.denominator}`;

export function effectivePersonnelMessage(given: number | null, p: PersonnelBreakdown | null) {
  if (p === null) {
    return `Effective personnel given as ${given ?? 0} persons doing work under the AIMS in scope (IAF MD 5 2.3).`;
  }
  const parts = [`${p.fullTime} full-time`];
  for (const group of p.groups) {
    const name = group.label ? ` in ${group.label}` : ' in a group doing identical simple work';
    parts.push(
      `${group.counted} for the ${group.count} persons${name} (√${group.count} rounded up, ISO/IEC 27006-1 C.3.4)`,
    );
  }
  if (p.partTimeHours > 0) {
    parts.push(
      `${p.partTimeEquivalent} for ${p.partTimeHours} part-time hours a week at ${p.fullTimeWeeklyHours} hours per full-time week (rounded up, IAF MD 5 2.3)`,
    );
  }
  return `${parts.join(' + ')} = ${p.total} effective persons.`;
}

export function baseTableMessage(persons: number, band: AuditTimeBand, role: AiRoleColumn) {
  return (
    `${persons} persons fall in band ${band.min}-${band.max}; ${role} column ` +
    `(${aiRoleColumnLabels[role]}) gives ${String(band[role])} days ${sourceNote(band.source)}.`
  );
}

export function baseExtrapolatedMessage(args: {
  persons: number;
  last: AuditTimeBand;
  role: AiRoleColumn;
  everyPersons: number;
  steps: number;
  stepUnits: number;
  baseUnits: number;
  source: TableSource;
}) {
  const { persons, last, role, everyPersons, steps, stepUnits, baseUnits } = args;
  return (
    `${persons} persons are beyond the last band (${last.min}-${last.max}, ${role} ` +
    `${String(last[role])} days): one step of ${daysText(stepUnits)} per ${everyPersons} ` +
    `persons or part of them above ${last.max}, ⌈${persons - last.max} / ${everyPersons}⌉ = ` +
    `${plural(steps, 'step', 'steps')}, so ${String(last[role])} + ${steps} × ${formatDays(stepUnits)} = ` +
    `${formatDays(baseUnits)} days. The extrapolation step is ${sourceText(args.source)}.`
  );
}

export function factorMessage(factor: AuditTimeFactor, percent: number) {
  return (
    `${factor.code} (${factor.meaning}): ${formatPercent(percent)}, within the allowed ` +
    `${formatPercent(factor.min)} to ${formatPercent(factor.max)} ${sourceNote(factor.source)}.`
  );
}

export function reductionCapMessage(rawPercent: number, cap: number, source: TableSource) {
  return (
    `The factors add up to ${formatPercent(rawPercent)}, more than the ${cap}% total reduction ` +
    `allowed ${sourceNote(source)}; ${formatPercent(-cap)} is used.`
  );
}

export function integrationMessage(combinedWith: string[], percent: number, cap: number) {
  const standards = combinedWith.join(', ');
  if (percent === 0) {
    return `Combined audit with ${standards}; no reduction for integration is claimed.`;
  }
  return (
    `Combined audit with ${standards}: the time is reduced by a further ${percent}% for the level ` +
    `of integration, after the other adjustments (IAF MD 11; at most ${cap}% in this table).`
  );
}

export function roundingMessage(args: {
  baseUnits: number;
  netPercent: number;
  integrationPercent: number;
  exactNumerator: number;
  exactDenominator: number;
  adjustedUnits: number;
}) {
  const { baseUnits, netPercent, integrationPercent, adjustedUnits } = args;
  if (netPercent === 0 && integrationPercent === 0) {
    return `${daysText(baseUnits)}, no adjustment: already a whole number of half days.`;
  }
  let product = `${formatDays(baseUnits)} days × ${100 + netPercent}%`;
  if (integrationPercent > 0) product += ` × ${100 - integrationPercent}%`;
  // exactNumerator / exactDenominator is in days; adjustedUnits is in half days.
  const exact = formatRatio(args.exactNumerator, args.exactDenominator, 5);
  if (2 * args.exactNumerator === adjustedUnits * args.exactDenominator) {
    return `${product} = ${exact} days, already a whole number of half days.`;
  }
  return (
    `${product} = ${exact} days, moved to the nearest half day (IAF MD 5 2.2.3; an exact quarter ` +
    `day goes up, the CB’s own choice): ${daysText(adjustedUnits)}.`
  );
}

export function stageSplitMessage(args: {
  adjustedUnits: number;
  share: AuditTimeShare;
  stage1RoundedUnits: number;
  stage1Units: number;
  stage2RawUnits: number;
}) {
  const { adjustedUnits, share, stage1RoundedUnits, stage1Units, stage2RawUnits } = args;
  const exact = formatRatio(adjustedUnits * share.numerator, 2 * share.denominator);
  return (
    `Stage 1 is ${shareText(share)} of ${formatDays(adjustedUnits)} days = ${exact}, rounded to ` +
    `${daysText(stage1RoundedUnits)} ${sourceNote(share.source)}; Stage 2 is the remaining ` +
    `${formatDays(adjustedUnits)} − ${formatDays(stage1Units)} = ${daysText(stage2RawUnits)} ` +
    `before any site time.`
  );
}

export function minimumMessage(
  what: string,
  fromUnits: number,
  toUnits: number,
  source: TableSource,
) {
  return `${what} raised from ${formatDays(fromUnits)} to the minimum of ${daysText(toUnits)} ${sourceNote(source)}.`;
}

export function siteSamplingMessage(args: {
  sites: number;
  additional: number;
  samples: { initial: number; surveillance: number; recertification: number };
  perSiteUnits: number;
  perSiteSource: TableSource;
  stage1Units: number;
  stage2CoreUnits: number;
  stage2Units: number;
}) {
  const { sites, samples, perSiteUnits, stage1Units, stage2CoreUnits, stage2Units } = args;
  const total = `initial audit = ${formatDays(stage1Units)} + ${formatDays(stage2Units)} = ${formatDays(stage1Units + stage2Units)} days.`;
  const x = sites - 1;
  if (x === 0) {
    return `One site in scope, the central function: nothing to sample; Stage 2 stays ${daysText(stage2Units)}, ${total}`;
  }
  const extra =
    args.additional > 0
      ? `, each increased by ${args.additional} for risk and capped at all ${x} sites,`
      : '';
  return (
    `${sites} sites = the central function + ${x} others. IAF MD 1 samples ⌈√${x}⌉ at the initial ` +
    `audit, ⌈0.6·√${x}⌉ at surveillance and ⌈0.8·√${x}⌉ at recertification${extra} giving ` +
    `${samples.initial} / ${samples.surveillance} / ${samples.recertification} sites. Each sampled ` +
    `site adds ${daysText(perSiteUnits)} ${sourceNote(args.perSiteSource)}; the central function ` +
    `is covered by the organisation-level time. Stage 2 = ${formatDays(stage2CoreUnits)} + ` +
    `${samples.initial} × ${formatDays(perSiteUnits)} = ${formatDays(stage2Units)} days, ${total}`
  );
}

export function followUpMessage(args: {
  audit: 'Surveillance' | 'Recertification';
  share: AuditTimeShare;
  coreUnits: number;
  roundedUnits: number;
  raisedUnits: number;
  sampled: number;
  perSiteUnits: number;
  totalUnits: number;
}) {
  const { audit, share, coreUnits, roundedUnits, raisedUnits, sampled, perSiteUnits } = args;
  const exact = formatRatio(coreUnits * share.numerator, 2 * share.denominator);
  const raised =
    raisedUnits > roundedUnits ? `, raised to the ${formatDays(raisedUnits)}-day minimum` : '';
  const sites =
    sampled > 0
      ? `; plus ${plural(sampled, 'sampled site', 'sampled sites')} × ${daysText(perSiteUnits)}`
      : '';
  const when = audit === 'Surveillance' ? ' each year' : '';
  return (
    `${audit} is ${shareText(share)} of the ${formatDays(coreUnits)}-day initial audit before site ` +
    `time ${sourceNote(share.source)} = ${exact}, rounded to ${daysText(roundedUnits)}${raised}` +
    `${sites}: ${daysText(args.totalUnits)}${when}.`
  );
}

export function onSiteFloorMessage(
  percent: number,
  source: TableSource,
  audits: { name: string; totalUnits: number; floorUnits: number }[],
) {
  const parts = audits.map(
    (a) => `${a.name} at least ${formatDays(a.floorUnits)} of ${daysText(a.totalUnits)}`,
  );
  return (
    `Planning and report writing may not push on-site time below ${percent}% ` +
    `${sourceNote(source)}, rounded up to a half day: ${parts.join(', ')}.`
  );
}
