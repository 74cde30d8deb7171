import type { CompetenceArea, QualificationKind } from '../../shared/programme/vocabulary';

/**
 * What the demo CB knows about its auditing staff (ISO/IEC 17021-1 7.1, 7.2 competence records):
 * the competence areas each covers, languages and qualifications. Between them they cover every
 * sector the demo clients are in, so every demo team can be competent.
 */
export interface StaffProfile {
  email: string;
  competences: readonly CompetenceArea[];
  languages: readonly string[];
  qualifications: readonly {
    kind: QualificationKind;
    title: string;
    issuer: string;
    /** Years before and after the seeding day; null: does not expire. */
    fromYears: number;
    untilYears: number | null;
  }[];
}

const training = {
  kind: 'auditorTraining',
  title: 'ISO 19011 management system auditor course',
  issuer: 'Northbridge Academy',
  fromYears: -6,
  untilYears: null,
} as const;

const domain = '@northbridge-cert.example';

export const staffProfiles: readonly StaffProfile[] = [
  {
    email: `ingrid.solberg${domain}`,
    competences: [
      'aiGovernance',
      'aiRiskImpact',
      'aiLifecycle',
      'dataForAi',
      'aiRegulation',
      'sectorFinance',
      'sectorEnergy',
      'sectorPublic',
    ],
    languages: ['en', 'no', 'sv', 'de'],
    qualifications: [
      training,
      {
        kind: 'iso42001LeadAuditor',
        title: 'ISO/IEC 42001 Lead Auditor',
        issuer: 'IRCA-registered course',
        fromYears: -5,
        untilYears: 2,
      },
    ],
  },
  {
    email: `rajesh.menon${domain}`,
    competences: [
      'aiGovernance',
      'aiRiskImpact',
      'aiLifecycle',
      'machineLearning',
      'aiSecurity',
      'sectorHealth',
      'sectorIct',
      'sectorTransport',
    ],
    languages: ['en', 'hi', 'de'],
    qualifications: [
      training,
      {
        kind: 'iso42001LeadAuditor',
        title: 'ISO/IEC 42001 Lead Auditor',
        issuer: 'Exemplar Global course',
        fromYears: -5,
        untilYears: 1,
      },
    ],
  },
  {
    email: `chloe.martin${domain}`,
    competences: [
      'aiGovernance',
      'dataForAi',
      'aiRegulation',
      'sectorRetail',
      'sectorEducation',
      'sectorHr',
      'sectorPublic',
    ],
    languages: ['fr', 'en', 'es'],
    qualifications: [
      training,
      {
        kind: 'iso42001Auditor',
        title: 'ISO/IEC 42001 Auditor',
        issuer: 'Northbridge Academy',
        fromYears: -5,
        untilYears: 2,
      },
    ],
  },
  {
    email: `daniel.weiss${domain}`,
    competences: [
      'aiSecurity',
      'machineLearning',
      'aiLifecycle',
      'sectorManufacturing',
      'sectorTransport',
      'sectorEnergy',
      'sectorFinance',
    ],
    languages: ['de', 'en'],
    qualifications: [
      training,
      {
        kind: 'iso42001Auditor',
        title: 'ISO/IEC 42001 Auditor',
        issuer: 'Northbridge Academy',
        fromYears: -5,
        untilYears: 2,
      },
    ],
  },
  {
    email: `aisha.rahman${domain}`,
    competences: [
      'aiRiskImpact',
      'dataForAi',
      'generativeAi',
      'sectorHealth',
      'sectorFinance',
      'sectorIct',
      'sectorHr',
    ],
    languages: ['en', 'ar', 'fr'],
    qualifications: [
      training,
      {
        kind: 'iso42001Auditor',
        title: 'ISO/IEC 42001 Auditor',
        issuer: 'Exemplar Global course',
        fromYears: -5,
        untilYears: 3,
      },
    ],
  },
  {
    email: `kenji.watanabe${domain}`,
    competences: [
      'machineLearning',
      'generativeAi',
      'aiSecurity',
      'aiLifecycle',
      'dataForAi',
      'sectorManufacturing',
    ],
    languages: ['ja', 'en'],
    qualifications: [
      {
        kind: 'technicalExpert',
        title: 'Technical expert: machine learning and generative AI',
        issuer: 'Northbridge Certification (internal evaluation)',
        fromYears: -6,
        untilYears: null,
      },
    ],
  },
];

export const leadEmails = [`ingrid.solberg${domain}`, `rajesh.menon${domain}`] as const;
export const auditorEmails = [
  `chloe.martin${domain}`,
  `daniel.weiss${domain}`,
  `aisha.rahman${domain}`,
] as const;
export const technicalExpertEmail = `kenji.watanabe${domain}`;
/** Away for two weeks soon after the seeding day. */
export const awayEmail = `aisha.rahman${domain}`;
/** Did consultancy for one applicant: never on its team (17021-1 5.2: 2 years). */
export const consultantEmail = `daniel.weiss${domain}`;

/** The sector a demo company's AI management system serves, read from what it covers. */
export function sectorOf(product: string): CompetenceArea {
  const rules: [RegExp, CompetenceArea][] = [
    [/clinical|radiology|pathology|medical|mammography|pharmaco|elderly|health/, 'sectorHealth'],
    [/credit|fraud|banking|payment|insur|portfolio|lending|money|claims/, 'sectorFinance'],
    [/driver|route|vessel|parcel|port|container/, 'sectorTransport'],
    [/wind|electricity|grid|renewable/, 'sectorEnergy'],
    [/retail|shop|grocery|recommendation|travel/, 'sectorRetail'],
    [/recruit|candidate|workforce/, 'sectorHr'],
    [/school/, 'sectorEducation'],
    [/public|benefit/, 'sectorPublic'],
    [
      /machine tool|robot|inspection|electronics|chip|ore-grade|crop|irrigation/,
      'sectorManufacturing',
    ],
  ];
  return rules.find(([pattern]) => pattern.test(product))?.[1] ?? 'sectorIct';
}

/** The AI technique a demo company's scope is mostly about. */
export function techniqueOf(product: string): CompetenceArea {
  return /language model|chatbot|speech|voice|assistant/.test(product)
    ? 'generativeAi'
    : 'machineLearning';
}
