import { describe, expect, it } from 'vitest';
import {
  auditTimeResultSchema,
  calculateAuditTime,
  defaultAuditTimeTable,
  parseAuditTimeInput,
  validateAuditTimeTable,
  type AuditTimeResult,
  type AuditTimeTable,
} from '../../shared/audit-time';

/** The worked examples of the audit-time reference, §i, copied verbatim. */
// prettier-ignore
const workedExamples = [
  {"example":"E1 small user","input":{"aiRole":"developerProviderUser","effectivePersonnel":8},"expected":{"effectivePersonnel":8,"band":"1-10","baseDays":3.5,"netAdjustmentPercent":0,"reductionCapped":false,"adjustedDays":3.5,"stage1Days":1,"stage2Days":2.5,"initialTotalDays":3.5,"surveillanceDays":1,"recertificationDays":2.5,"sampledSites":{"initial":0,"surveillance":0,"recertification":0},"minOnSiteDays":{"stage2":2,"surveillance":1,"recertification":2},"requested":{"auditType":"initial","days":3.5,"sampledSites":0}}},
  {"example":"E2 producer from counts","input":{"aiRole":"producer","personnel":{"fullTime":40,"partTimeHours":100,"repetitiveGroups":[{"label":"data labelling","count":30}]},"factors":[{"code":"AI_HIGH_IMPACT","percent":20},{"code":"MATURE_MS","percent":-10}]},"expected":{"effectivePersonnel":49,"band":"46-65","baseDays":10,"netAdjustmentPercent":10,"reductionCapped":false,"adjustedDays":11,"stage1Days":3.5,"stage2Days":7.5,"initialTotalDays":11,"surveillanceDays":3.5,"recertificationDays":7.5,"sampledSites":{"initial":0,"surveillance":0,"recertification":0},"minOnSiteDays":{"stage2":6,"surveillance":3,"recertification":6},"requested":{"auditType":"initial","days":11,"sampledSites":0}}},
  {"example":"E3 cap plus 27001","input":{"auditType":"surveillance","aiRole":"developerProviderUser","effectivePersonnel":120,"factors":[{"code":"AI_FEW_LOW_RISK","percent":-20},{"code":"MATURE_MS","percent":-15},{"code":"LIMITED_AI_ACTIVITIES","percent":-10}],"combinedWith":["ISO/IEC 27001"],"integrationReductionPercent":20},"expected":{"effectivePersonnel":120,"band":"86-125","baseDays":8.5,"netAdjustmentPercent":-30,"reductionCapped":true,"adjustedDays":5,"stage1Days":1.5,"stage2Days":3.5,"initialTotalDays":5,"surveillanceDays":1.5,"recertificationDays":3.5,"sampledSites":{"initial":0,"surveillance":0,"recertification":0},"minOnSiteDays":{"stage2":3,"surveillance":1.5,"recertification":3},"requested":{"auditType":"surveillance","days":1.5,"sampledSites":0}}},
  {"example":"E4 ten sites","input":{"aiRole":"multipleRoles","effectivePersonnel":300,"sites":10,"factors":[{"code":"AI_SYSTEMS_MANY","percent":10}]},"expected":{"effectivePersonnel":300,"band":"276-425","baseDays":19.5,"netAdjustmentPercent":10,"reductionCapped":false,"adjustedDays":21.5,"stage1Days":7,"stage2Days":16,"initialTotalDays":23,"surveillanceDays":8,"recertificationDays":16,"sampledSites":{"initial":3,"surveillance":2,"recertification":3},"minOnSiteDays":{"stage2":13,"surveillance":6.5,"recertification":13},"requested":{"auditType":"initial","days":23,"sampledSites":3}}},
  {"example":"E5 very large","input":{"auditType":"recertification","aiRole":"producer","effectivePersonnel":15000,"sites":50,"factors":[{"code":"AI_HIGH_IMPACT","percent":30},{"code":"THIRD_PARTY_AI","percent":10}]},"expected":{"effectivePersonnel":15000,"band":">10700","baseDays":30,"netAdjustmentPercent":40,"reductionCapped":false,"adjustedDays":42,"stage1Days":14,"stage2Days":31.5,"initialTotalDays":45.5,"surveillanceDays":16.5,"recertificationDays":31,"sampledSites":{"initial":7,"surveillance":5,"recertification":6},"minOnSiteDays":{"stage2":25.5,"surveillance":13.5,"recertification":25},"requested":{"auditType":"recertification","days":31,"sampledSites":6}}},
] as const;

function calculate(raw: unknown, table: AuditTimeTable = defaultAuditTimeTable): AuditTimeResult {
  const parsed = parseAuditTimeInput(raw, table);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return calculateAuditTime(parsed.value, table);
}

function validationError(raw: unknown, table: AuditTimeTable = defaultAuditTimeTable) {
  const parsed = parseAuditTimeInput(raw, table);
  if (parsed.ok) throw new Error('expected a validation error');
  return parsed.error;
}

const codes = (result: AuditTimeResult) => result.justification.map((entry) => entry.code);

describe('worked examples of the audit-time reference', () => {
  it.each(workedExamples)('reproduces $example field by field', ({ input, expected }) => {
    const result = calculate(input);
    for (const [field, value] of Object.entries(expected)) {
      expect({ field, value: result[field as keyof AuditTimeResult] }).toEqual({ field, value });
    }
    expect(result.tableVersion).toBe('audit-desk-aims-2025.1');
    expect(auditTimeResultSchema.parse(result)).toEqual(result);
  });

  it('records the integration reduction it applied', () => {
    expect(calculate(workedExamples[2].input).integrationReductionPercent).toBe(20);
    expect(calculate(workedExamples[0].input).integrationReductionPercent).toBe(0);
  });
});

describe('justification', () => {
  it('lists the steps of a small single-site audit in step order', () => {
    expect(codes(calculate(workedExamples[0].input))).toEqual([
      'EFFECTIVE_PERSONNEL',
      'BASE_TABLE',
      'ROUNDING',
      'STAGE_SPLIT',
      'SITE_SAMPLING',
      'SURVEILLANCE',
      'RECERTIFICATION',
      'ONSITE_FLOOR',
    ]);
  });

  it('adds one entry per factor, the cap when it bites and the integration reduction', () => {
    expect(codes(calculate(workedExamples[2].input))).toEqual([
      'EFFECTIVE_PERSONNEL',
      'BASE_TABLE',
      'FACTOR',
      'FACTOR',
      'FACTOR',
      'REDUCTION_CAP',
      'INTEGRATION',
      'ROUNDING',
      'STAGE_SPLIT',
      'SITE_SAMPLING',
      'SURVEILLANCE',
      'RECERTIFICATION',
      'ONSITE_FLOOR',
    ]);
  });

  it('marks extrapolation beyond the last band instead of a table lookup', () => {
    const result = calculate(workedExamples[4].input);
    expect(codes(result).slice(0, 4)).toEqual([
      'EFFECTIVE_PERSONNEL',
      'BASE_EXTRAPOLATED',
      'FACTOR',
      'FACTOR',
    ]);
    expect(result.justification[1]?.message).toContain('⌈4300 / 2200⌉ = 2');
  });

  it('explains the numbers used and which figures are the CB’s own choice', () => {
    const result = calculate(workedExamples[1].input);
    const message = (code: string) => result.justification.find((e) => e.code === code)?.message;
    expect(message('EFFECTIVE_PERSONNEL')).toBe(
      '40 full-time + 6 for the 30 persons in data labelling (√30 rounded up, ISO/IEC 27006-1 C.3.4) + 3 for 100 part-time hours a week at 40 hours per full-time week (rounded up, IAF MD 5 2.3) = 49 effective persons.',
    );
    expect(message('BASE_TABLE')).toMatch(
      /^49 persons fall in band 46-65; producer column .*10 days/,
    );
    expect(message('BASE_TABLE')).toContain('CB’s own choice');
    expect(calculate(workedExamples[0].input).justification[1]?.message).toContain(
      'published in ISO/IEC 42006',
    );
    expect(message('SURVEILLANCE')).toContain('published in IAF MD 5');
  });

  it('records a minimum that raised surveillance right after the surveillance entry', () => {
    const result = calculate({
      aiRole: 'developerProviderUser',
      effectivePersonnel: 5,
      factors: [
        { code: 'AI_FEW_LOW_RISK', percent: -20 },
        { code: 'MATURE_MS', percent: -10 },
      ],
      combinedWith: ['ISO/IEC 27001'],
      integrationReductionPercent: 20,
    });
    expect(result.adjustedDays).toBe(2);
    expect(result.surveillanceDays).toBe(1);
    expect(codes(result).slice(-4)).toEqual([
      'SURVEILLANCE',
      'MINIMUM_APPLIED',
      'RECERTIFICATION',
      'ONSITE_FLOOR',
    ]);
  });

  it('raises Stage 1 and Stage 2 to their minimums when a CB table allows tiny audits', () => {
    const [first, ...rest] = defaultAuditTimeTable.bands;
    if (!first) throw new Error('the default table has bands');
    const table: AuditTimeTable = {
      ...defaultAuditTimeTable,
      version: 'cb-tiny',
      bands: [{ ...first, developerProviderUser: 0.5 }, ...rest],
    };
    expect(validateAuditTimeTable(table).ok).toBe(true);
    const result = calculate({ aiRole: 'developerProviderUser', effectivePersonnel: 1 }, table);
    expect(result).toMatchObject({ tableVersion: 'cb-tiny', adjustedDays: 0.5, stage1Days: 0.5 });
    expect(result.stage2Days).toBe(1);
    expect(result.initialTotalDays).toBe(1.5);
    expect(codes(result).slice(3, 6)).toEqual([
      'STAGE_SPLIT',
      'MINIMUM_APPLIED',
      'MINIMUM_APPLIED',
    ]);
  });
});

describe('input validation', () => {
  const base = { aiRole: 'producer', effectivePersonnel: 20 };

  it('rejects a factor percentage outside the factor’s range, naming the field', () => {
    const error = validationError({ ...base, factors: [{ code: 'AI_HIGH_IMPACT', percent: 60 }] });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'factors[0].percent' });
    expect(error.message).toContain('10% and 50%');
  });

  it('rejects an unknown factor code', () => {
    expect(
      validationError({ ...base, factors: [{ code: 'AI_VIBES', percent: 10 }] }),
    ).toMatchObject({ code: 'VALIDATION', field: 'factors[0].code' });
  });

  it('rejects a factor listed twice, at the second occurrence', () => {
    const factors = [
      { code: 'LOGISTICS', percent: 5 },
      { code: 'LOGISTICS', percent: 10 },
    ];
    expect(validationError({ ...base, factors })).toMatchObject({ field: 'factors[1].code' });
  });

  it('requires exactly one of effectivePersonnel and personnel', () => {
    expect(validationError({ ...base, personnel: { fullTime: 20 } })).toMatchObject({
      code: 'VALIDATION',
      field: 'personnel',
    });
    expect(validationError({ aiRole: 'producer' })).toMatchObject({
      code: 'VALIDATION',
      field: 'effectivePersonnel',
    });
  });

  it('rejects personnel counts that add up to nobody', () => {
    const error = validationError({ aiRole: 'producer', personnel: { fullTime: 0 } });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'personnel' });
    expect(error.message).toContain('0 effective persons');
  });

  it('allows an integration reduction only for a combined audit', () => {
    expect(validationError({ ...base, integrationReductionPercent: 10 })).toMatchObject({
      code: 'VALIDATION',
      field: 'integrationReductionPercent',
    });
    expect(
      calculate({ ...base, combinedWith: ['ISO/IEC 27001'], integrationReductionPercent: 10 })
        .integrationReductionPercent,
    ).toBe(10);
  });

  it('rejects an integration reduction above IAF MD 11’s 20%', () => {
    expect(
      validationError({ ...base, combinedWith: ['ISO 9001'], integrationReductionPercent: 25 }),
    ).toMatchObject({ field: 'integrationReductionPercent' });
  });

  it('rejects out-of-range numbers and misspelt fields with their path', () => {
    expect(validationError({ ...base, effectivePersonnel: 0 })).toMatchObject({
      field: 'effectivePersonnel',
    });
    expect(validationError({ ...base, sites: 2.5 })).toMatchObject({ field: 'sites' });
    expect(
      validationError({ aiRole: 'producer', personnel: { fullTime: 3, partTimeHours: -1 } }),
    ).toMatchObject({ field: 'personnel.partTimeHours' });
    expect(validationError({ ...base, auditType: 'stage3' })).toMatchObject({ field: 'auditType' });
    expect(validationError({ ...base, aiRole: 'user' })).toMatchObject({ field: 'aiRole' });
    expect(validationError({ ...base, site: 3 })).toMatchObject({ field: 'site' });
  });

  it('rejects a request for another table version', () => {
    expect(validationError({ ...base, tableVersion: 'cb-2024.1' })).toMatchObject({
      field: 'tableVersion',
    });
  });

  it('fills in the defaults of the reference', () => {
    const parsed = parseAuditTimeInput(base, defaultAuditTimeTable);
    expect(parsed).toEqual({
      ok: true,
      value: {
        tableVersion: 'audit-desk-aims-2025.1',
        auditType: 'initial',
        aiRole: 'producer',
        effectivePersonnel: 20,
        sites: 1,
        additionalSampledSites: 0,
        factors: [],
        combinedWith: [],
        integrationReductionPercent: 0,
      },
    });
  });
});

describe('site sampling', () => {
  it('samples the central function plus two sites as 2 / 1 / 2 (IAF MD 1 example)', () => {
    expect(
      calculate({ aiRole: 'producer', effectivePersonnel: 50, sites: 3 }).sampledSites,
    ).toEqual({ initial: 2, surveillance: 1, recertification: 2 });
  });

  it('adds risk-based sites but never samples more sites than exist', () => {
    const result = calculate({
      aiRole: 'producer',
      effectivePersonnel: 50,
      sites: 4,
      additionalSampledSites: 2,
    });
    expect(result.sampledSites).toEqual({ initial: 3, surveillance: 3, recertification: 3 });
  });
});

describe('CB-edited tables', () => {
  const edited = (change: (table: AuditTimeTable) => unknown) =>
    change(structuredClone(defaultAuditTimeTable) as AuditTimeTable);
  const firstError = (raw: unknown) => {
    const checked = validateAuditTimeTable(raw);
    if (checked.ok) throw new Error('expected the table to be rejected');
    return checked.errors[0];
  };

  it('accepts the shipped table audit-desk-aims-2025.1', () => {
    expect(validateAuditTimeTable(defaultAuditTimeTable)).toEqual({
      ok: true,
      value: defaultAuditTimeTable,
    });
  });

  it('ships the reference table: producer from ISO/IEC 27006, other roles × 0.7 and × 1.3', () => {
    // producer × tenths / 10 to the nearest half day, ties up, in integer half-day units.
    const scaled = (producer: number, tenths: number) =>
      Math.floor((2 * (producer * 2) * tenths + 10) / 20) / 2;
    for (const band of defaultAuditTimeTable.bands) {
      expect(band.developerProviderUser).toBe(scaled(band.producer, 7));
      expect(band.multipleRoles).toBe(scaled(band.producer, 13));
    }
    expect(defaultAuditTimeTable.bands).toHaveLength(22);
    expect(defaultAuditTimeTable.bands[21]).toMatchObject({ min: 8501, max: 10700, producer: 28 });
    expect(defaultAuditTimeTable.factors.map((f) => f.code)).toHaveLength(10);
  });

  it('marks which figures are published and which are the CB’s own choice', () => {
    const t = defaultAuditTimeTable;
    expect(t.bands.map((b) => b.source)).toEqual(['iso42006', ...Array(21).fill('ourChoice')]);
    expect([t.reductionCap.source, t.integrationCap.source, t.onSiteFloor.source]).toEqual([
      'iafMd5',
      'iafMd11',
      'iafMd5',
    ]);
    expect([t.stage1Share.source, t.minimums.source, t.perSampledSite.source]).toEqual([
      'ourChoice',
      'ourChoice',
      'ourChoice',
    ]);
  });

  it('rejects a gap between bands at the band that starts late', () => {
    const table = edited((t) => {
      const band = t.bands[3];
      if (band) band.min = 27;
      return t;
    });
    expect(firstError(table)).toMatchObject({ code: 'VALIDATION', field: 'bands[3].min' });
  });

  it('rejects a first band that does not start at 1', () => {
    const table = edited((t) => {
      const band = t.bands[0];
      if (band) band.min = 2;
      return t;
    });
    expect(firstError(table)).toMatchObject({ field: 'bands[0].min' });
  });

  it('rejects fewer days for more persons', () => {
    const table = edited((t) => {
      const band = t.bands[3];
      if (band) band.producer = 6.5;
      return t;
    });
    expect(firstError(table)).toMatchObject({ field: 'bands[3].producer' });
  });

  it('rejects a value that is not a whole number of half days', () => {
    const table = edited((t) => {
      const band = t.bands[2];
      if (band) band.multipleRoles = 9.25;
      return t;
    });
    expect(firstError(table)).toMatchObject({ field: 'bands[2].multipleRoles' });
  });

  it('rejects a factor whose smallest percentage is above its largest', () => {
    const table = edited((t) => {
      const factor = t.factors[0];
      if (factor) factor.min = 40;
      return t;
    });
    expect(firstError(table)).toMatchObject({ field: 'factors[0].min' });
  });

  it('rejects caps beyond IAF MD 5 and MD 11 and an on-site floor below 80%', () => {
    expect(
      firstError(edited((t) => ({ ...t, reductionCap: { percent: 40, source: 'ourChoice' } }))),
    ).toMatchObject({ field: 'reductionCap.percent' });
    expect(
      firstError(edited((t) => ({ ...t, integrationCap: { percent: 25, source: 'iafMd11' } }))),
    ).toMatchObject({ field: 'integrationCap.percent' });
    expect(
      firstError(edited((t) => ({ ...t, onSiteFloor: { percent: 70, source: 'ourChoice' } }))),
    ).toMatchObject({ field: 'onSiteFloor.percent' });
  });

  it('limits factor percentages to the ranges of the table in use', () => {
    const table = edited((t) => {
      const factor = t.factors.find((f) => f.code === 'AI_HIGH_IMPACT');
      if (factor) factor.max = 60;
      return { ...t, version: 'cb-2026.1' };
    }) as AuditTimeTable;
    const input = {
      aiRole: 'producer',
      effectivePersonnel: 20,
      factors: [{ code: 'AI_HIGH_IMPACT', percent: 60 }],
    };
    expect(calculate(input, table).netAdjustmentPercent).toBe(60);
    expect(validationError(input)).toMatchObject({ field: 'factors[0].percent' });
  });
});
