import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aiRoleColumns,
  auditTypes,
  calculateAuditTime,
  defaultAuditTimeTable,
  parseAuditTimeInput,
  type AuditTimeResult,
} from '../../shared/audit-time';

const table = defaultAuditTimeTable;

/** Any subset of the catalogue, each factor with a percentage inside its own range. */
const factorsArb = fc
  .shuffledSubarray([...table.factors])
  .chain((chosen) =>
    fc.tuple(
      ...chosen.map((f) =>
        fc.integer({ min: f.min, max: f.max }).map((percent) => ({ code: f.code, percent })),
      ),
    ),
  );

const integrationArb = fc.oneof(
  fc.constant({}),
  fc.record({
    combinedWith: fc.constant(['ISO/IEC 27001']),
    integrationReductionPercent: fc.integer({ min: 0, max: table.integrationCap.percent }),
  }),
);

/** Everything but personnel, so that personnel can be varied alone. */
const restArb = fc.record({
  aiRole: fc.constantFrom(...aiRoleColumns),
  auditType: fc.constantFrom(...auditTypes),
  sites: fc.integer({ min: 1, max: 400 }),
  additionalSampledSites: fc.integer({ min: 0, max: 5 }),
  factors: factorsArb,
  integration: integrationArb,
});
type Rest = typeof restArb extends fc.Arbitrary<infer T> ? T : never;

const personsArb = fc.integer({ min: 1, max: 60_000 });

const personnelArb = fc.oneof(
  personsArb.map((effectivePersonnel) => ({ effectivePersonnel })),
  fc
    .record({
      fullTime: fc.integer({ min: 0, max: 5000 }),
      partTimeHours: fc.integer({ min: 0, max: 20_000 }),
      fullTimeWeeklyHours: fc.integer({ min: 20, max: 48 }),
      repetitiveGroups: fc.array(fc.record({ count: fc.integer({ min: 1, max: 5000 }) }), {
        maxLength: 3,
      }),
    })
    .filter((p) => p.fullTime + p.partTimeHours + p.repetitiveGroups.length > 0)
    .map((personnel) => ({ personnel })),
);

function calculate(rest: Rest, personnel: object): AuditTimeResult {
  const { integration, ...fields } = rest;
  const parsed = parseAuditTimeInput({ ...fields, ...integration, ...personnel }, table);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return calculateAuditTime(parsed.value, table);
}

const resultArb = fc.tuple(restArb, personnelArb).map(([rest, p]) => calculate(rest, p));

const dayFields = (r: AuditTimeResult) => [
  r.baseDays,
  r.adjustedDays,
  r.stage1Days,
  r.stage2Days,
  r.initialTotalDays,
  r.surveillanceDays,
  r.recertificationDays,
  r.minOnSiteDays.stage2,
  r.minOnSiteDays.surveillance,
  r.minOnSiteDays.recertification,
  r.requested.days,
];

describe('audit-time invariants', () => {
  it('never gives fewer days for more personnel', () => {
    fc.assert(
      fc.property(restArb, personsArb, personsArb, (rest, a, b) => {
        const fewer = calculate(rest, { effectivePersonnel: Math.min(a, b) });
        const more = calculate(rest, { effectivePersonnel: Math.max(a, b) });
        expect(more.baseDays).toBeGreaterThanOrEqual(fewer.baseDays);
        expect(more.adjustedDays).toBeGreaterThanOrEqual(fewer.adjustedDays);
        expect(more.stage1Days).toBeGreaterThanOrEqual(fewer.stage1Days);
        expect(more.stage2Days).toBeGreaterThanOrEqual(fewer.stage2Days);
        expect(more.initialTotalDays).toBeGreaterThanOrEqual(fewer.initialTotalDays);
        expect(more.surveillanceDays).toBeGreaterThanOrEqual(fewer.surveillanceDays);
        expect(more.recertificationDays).toBeGreaterThanOrEqual(fewer.recertificationDays);
      }),
    );
  });

  it('never reduces the table value by more than the 30% cap before integration', () => {
    fc.assert(
      fc.property(restArb, personnelArb, (rest, personnel) => {
        const r = calculate(rest, personnel);
        const rawSum = rest.factors.reduce((sum, f) => sum + f.percent, 0);
        expect(r.netAdjustmentPercent).toBeGreaterThanOrEqual(-table.reductionCap.percent);
        expect(r.reductionCapped).toBe(rawSum < -table.reductionCap.percent);
        // T is B × (100 + n)% × (100 − r)% to the nearest half day, so never a half day below it.
        const floorUnits = Math.floor(
          (r.baseDays *
            2 *
            (100 + r.netAdjustmentPercent) *
            (100 - r.integrationReductionPercent)) /
            10_000,
        );
        expect(r.adjustedDays * 2).toBeGreaterThanOrEqual(floorUnits);
      }),
    );
  });

  it('splits the initial audit exactly into Stage 1 and Stage 2', () => {
    fc.assert(
      fc.property(resultArb, (r) => {
        expect(r.stage1Days + r.stage2Days).toBe(r.initialTotalDays);
        expect(r.stage1Days).toBeGreaterThanOrEqual(table.minimums.stage1);
        expect(r.stage2Days).toBeGreaterThanOrEqual(table.minimums.stage2);
      }),
    );
  });

  it('never plans more surveillance than recertification, nor more recertification than initial', () => {
    fc.assert(
      fc.property(resultArb, (r) => {
        expect(r.surveillanceDays).toBeLessThanOrEqual(r.recertificationDays);
        expect(r.recertificationDays).toBeLessThanOrEqual(r.initialTotalDays);
        expect(r.surveillanceDays).toBeGreaterThanOrEqual(table.minimums.surveillance);
      }),
    );
  });

  it('never samples more sites than there are besides the central function', () => {
    fc.assert(
      fc.property(restArb, personsArb, (rest, persons) => {
        const r = calculate(rest, { effectivePersonnel: persons });
        const otherSites = rest.sites - 1;
        for (const sampled of Object.values(r.sampledSites)) {
          expect(sampled).toBeGreaterThanOrEqual(0);
          expect(sampled).toBeLessThanOrEqual(otherSites);
        }
        expect(r.sampledSites.surveillance).toBeLessThanOrEqual(r.sampledSites.recertification);
        expect(r.sampledSites.recertification).toBeLessThanOrEqual(r.sampledSites.initial);
      }),
    );
  });

  it('gives every figure as a whole number of half days, with on-site time within 80-100%', () => {
    fc.assert(
      fc.property(resultArb, (r) => {
        for (const days of dayFields(r)) expect(Number.isInteger(days * 2)).toBe(true);
        const audits = [
          [r.minOnSiteDays.stage2, r.stage2Days],
          [r.minOnSiteDays.surveillance, r.surveillanceDays],
          [r.minOnSiteDays.recertification, r.recertificationDays],
        ] as const;
        for (const [onSite, total] of audits) {
          expect(onSite).toBeLessThanOrEqual(total);
          expect(onSite * 100).toBeGreaterThanOrEqual(total * table.onSiteFloor.percent);
          expect((onSite - 0.5) * 100).toBeLessThan(total * table.onSiteFloor.percent);
        }
      }),
    );
  });

  it('justifies every result in step order, starting with personnel and ending with the floor', () => {
    fc.assert(
      fc.property(resultArb, (r) => {
        const codes = r.justification.map((e) => e.code);
        expect(codes[0]).toBe('EFFECTIVE_PERSONNEL');
        expect(codes.at(-1)).toBe('ONSITE_FLOOR');
        expect(codes.indexOf('ROUNDING')).toBeLessThan(codes.indexOf('STAGE_SPLIT'));
        expect(codes.indexOf('SURVEILLANCE')).toBeLessThan(codes.indexOf('RECERTIFICATION'));
      }),
    );
  });
});
