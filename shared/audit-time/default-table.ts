/**
 * The table Audit Desk ships with, `audit-desk-aims-2025.1` (reference §h). Which figures are
 * published and which are our documented choice is recorded in each part's `source`.
 */
import type { AuditTimeFactor, AuditTimeTable } from './table';

// Rows below the first: producer = the ISO/IEC 27006 chart value, developerProviderUser = producer
// × 0.7 and multipleRoles = producer × 1.3, to the nearest half day, ties up (our choice, §h).
// [min, max, developerProviderUser, producer, multipleRoles]
const defaultBandRows: readonly (readonly [number, number, number, number, number])[] = [
  [1, 10, 3.5, 5, 6.5],
  [11, 15, 4, 6, 8],
  [16, 25, 5, 7, 9],
  [26, 45, 6, 8.5, 11],
  [46, 65, 7, 10, 13],
  [66, 85, 7.5, 11, 14.5],
  [86, 125, 8.5, 12, 15.5],
  [126, 175, 9, 13, 17],
  [176, 275, 10, 14, 18],
  [276, 425, 10.5, 15, 19.5],
  [426, 625, 11.5, 16.5, 21.5],
  [626, 875, 12.5, 17.5, 23],
  [876, 1175, 13, 18.5, 24],
  [1176, 1550, 13.5, 19.5, 25.5],
  [1551, 2025, 14.5, 21, 27.5],
  [2026, 2675, 15.5, 22, 28.5],
  [2676, 3450, 16, 23, 30],
  [3451, 4350, 17, 24, 31],
  [4351, 5450, 17.5, 25, 32.5],
  [5451, 6800, 18, 26, 34],
  [6801, 8500, 19, 27, 35],
  [8501, 10700, 19.5, 28, 36.5],
];

const factor = (code: string, meaning: string, min: number, max: number): AuditTimeFactor => ({
  code,
  meaning,
  min,
  max,
  source: 'ourChoice',
});

export const defaultAuditTimeTableVersion = 'audit-desk-aims-2025.1';

/** The table Audit Desk ships with; a CB edit is stored as a new version, old results keep theirs. */
export const defaultAuditTimeTable: AuditTimeTable = {
  version: defaultAuditTimeTableVersion,
  bands: defaultBandRows.map(([min, max, developerProviderUser, producer, multipleRoles], i) => ({
    min,
    max,
    developerProviderUser,
    producer,
    multipleRoles,
    // Only the 1-10 row of ISO/IEC 42006:2025 is publicly known (3.5 / 5 / 6.5 days).
    source: i === 0 ? 'iso42006' : 'ourChoice',
  })),
  extrapolation: {
    everyPersons: 2200,
    developerProviderUser: 0.5,
    producer: 1,
    multipleRoles: 1.5,
    source: 'ourChoice',
  },
  reductionCap: { percent: 30, source: 'iafMd5' },
  integrationCap: { percent: 20, source: 'iafMd11' },
  // Stage 1 / Stage 2 split is not fixed by IAF MD 5 or ISO/IEC 27006; one third is our choice.
  stage1Share: { numerator: 1, denominator: 3, source: 'ourChoice' },
  surveillanceShare: { numerator: 1, denominator: 3, source: 'iafMd5' },
  recertificationShare: { numerator: 2, denominator: 3, source: 'iafMd5' },
  // No public AIMS minimum exists; MD 5 asks CBs to consider whether a short audit is workable.
  minimums: { stage1: 0.5, stage2: 1, surveillance: 1, recertification: 1, source: 'ourChoice' },
  onSiteFloor: { percent: 80, source: 'iafMd5' },
  perSampledSite: { days: 0.5, source: 'ourChoice' },
  factors: [
    factor('AI_SYSTEMS_MANY', 'many AI systems in scope', 5, 30),
    factor('AI_HIGH_IMPACT', 'AI systems with high risk or significant impact on people', 10, 50),
    factor('AI_COMPLEX_TECH', 'continuous learning, generative or autonomous AI', 5, 20),
    factor('AI_DATA_SENSITIVE', 'large-scale or sensitive data for training or operation', 5, 20),
    factor(
      'THIRD_PARTY_AI',
      'heavy reliance on external AI components or outsourced AI work',
      5,
      20,
    ),
    factor('REGULATED_SECTOR', 'sector-specific AI or safety regulation applies', 5, 20),
    factor('LOGISTICS', 'several buildings, languages or interpreters', 5, 10),
    factor('AI_FEW_LOW_RISK', 'few AI systems, all low risk', -20, -5),
    factor('MATURE_MS', 'mature, integrated management system known to the CB', -15, -5),
    factor('LIMITED_AI_ACTIVITIES', 'only a narrow part of the AI life cycle in scope', -20, -5),
  ],
};
