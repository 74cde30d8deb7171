import type { PersonInput } from '../../shared/people/schema';

/**
 * Fixed word lists for demo and generated data. Every company, person and domain is invented;
 * e-mail domains use the reserved `.example` top-level domain so no message can reach anyone.
 */

export interface CountryProfile {
  legalForm: string;
  cities: readonly string[];
  dialCode: string;
}

export const countryProfiles: Record<string, CountryProfile> = {
  AT: { legalForm: 'GmbH', cities: ['Vienna', 'Graz', 'Linz'], dialCode: '+43' },
  AU: { legalForm: 'Pty Ltd', cities: ['Perth', 'Sydney', 'Melbourne'], dialCode: '+61' },
  BE: { legalForm: 'NV', cities: ['Brussels', 'Ghent', 'Antwerp'], dialCode: '+32' },
  CA: { legalForm: 'Inc.', cities: ['Toronto', 'Montreal', 'Vancouver'], dialCode: '+1' },
  CH: { legalForm: 'AG', cities: ['Zurich', 'Geneva', 'Basel'], dialCode: '+41' },
  DE: { legalForm: 'GmbH', cities: ['Berlin', 'Munich', 'Hamburg', 'Stuttgart'], dialCode: '+49' },
  DK: { legalForm: 'ApS', cities: ['Copenhagen', 'Aarhus', 'Odense'], dialCode: '+45' },
  ES: { legalForm: 'S.L.', cities: ['Madrid', 'Barcelona', 'Valencia'], dialCode: '+34' },
  FI: { legalForm: 'Oy', cities: ['Helsinki', 'Espoo', 'Tampere'], dialCode: '+358' },
  FR: { legalForm: 'SAS', cities: ['Paris', 'Lyon', 'Toulouse'], dialCode: '+33' },
  GB: {
    legalForm: 'Ltd',
    cities: ['London', 'Manchester', 'Cambridge', 'Edinburgh'],
    dialCode: '+44',
  },
  IE: { legalForm: 'Limited', cities: ['Dublin', 'Cork', 'Galway'], dialCode: '+353' },
  IT: { legalForm: 'S.r.l.', cities: ['Milan', 'Turin', 'Bologna'], dialCode: '+39' },
  JP: { legalForm: 'K.K.', cities: ['Tokyo', 'Osaka', 'Nagoya'], dialCode: '+81' },
  NL: { legalForm: 'B.V.', cities: ['Amsterdam', 'Eindhoven', 'Rotterdam'], dialCode: '+31' },
  NO: { legalForm: 'AS', cities: ['Oslo', 'Bergen', 'Trondheim'], dialCode: '+47' },
  PL: { legalForm: 'sp. z o.o.', cities: ['Warsaw', 'Kraków', 'Wrocław'], dialCode: '+48' },
  PT: { legalForm: 'Lda.', cities: ['Lisbon', 'Porto', 'Braga'], dialCode: '+351' },
  SE: { legalForm: 'AB', cities: ['Stockholm', 'Gothenburg', 'Lund'], dialCode: '+46' },
  SG: { legalForm: 'Pte. Ltd.', cities: ['Singapore'], dialCode: '+65' },
  US: { legalForm: 'Inc.', cities: ['Austin', 'Boston', 'New York', 'San Diego'], dialCode: '+1' },
};

/** [trading name, country, what its AI management system covers] */
export const demoCompanies: readonly (readonly [string, string, string])[] = [
  ['Lumen Analytics', 'DE', 'demand-forecasting models for grocery retailers'],
  ['Quillon Robotics', 'GB', 'vision-guided picking robots for warehouses'],
  ['Verdant Vision', 'NL', 'crop-health detection from drone imagery'],
  ['Helix Health AI', 'IE', 'clinical decision-support models for radiology triage'],
  ['Nordlys Intelligence', 'NO', 'anomaly detection for offshore wind turbines'],
  ['Cobalt Lane Systems', 'US', 'fraud-scoring models for card payments'],
  ['Sable Speech Technologies', 'FR', 'speech recognition for contact centres'],
  ['Alpenglow Data', 'CH', 'portfolio-risk models for private banks'],
  ['Tessellate Labs', 'GB', 'large language model fine-tuning services for enterprises'],
  ['Kestrel Insurance Analytics', 'IE', 'claims-triage and pricing models for insurers'],
  ['Aurora Lending Models', 'SE', 'credit-scoring models for consumer lending'],
  ['Parallax Mobility', 'DE', 'driver-assistance perception software'],
  ['Brightwater Diagnostics', 'DK', 'pathology slide analysis software'],
  ['Ferro Predictive Maintenance', 'IT', 'predictive-maintenance models for machine tools'],
  ['Solace Care Robotics', 'JP', 'companion robots for elderly-care homes'],
  ['Marigold Retail Intelligence', 'ES', 'product-recommendation engines for online shops'],
  ['Halcyon Legal AI', 'GB', 'contract-review assistants for law firms'],
  ['Tundra Energy Forecasting', 'FI', 'electricity load and price forecasting'],
  ['Opaline Recruitment Tech', 'NL', 'candidate-matching software for recruiters'],
  ['Cedar & Finch Fraud Analytics', 'US', 'anti-money-laundering transaction monitoring'],
  ['Vireo Agritech', 'PT', 'irrigation scheduling from satellite and sensor data'],
  ['Meridian Route Optimisation', 'PL', 'route-planning optimisation for parcel delivery'],
  ['Quantia Credit Scoring', 'BE', 'small-business credit-risk assessment'],
  ['Saffron Language Models', 'SG', 'multilingual customer-service chatbots'],
  ['Ironbark Mining Analytics', 'AU', 'ore-grade estimation from drilling data'],
  ['Larkspur Edtech', 'CA', 'adaptive learning paths for secondary schools'],
  ['Obsidian Cyber Defence', 'AT', 'intrusion detection with machine learning'],
  ['Corvid Document AI', 'DE', 'document classification and data extraction'],
  ['Nimbus Claims Automation', 'CH', 'automated health-insurance claims assessment'],
  ['Foxglove Medical Imaging', 'US', 'mammography screening support software'],
  ['Cierzo Grid Forecasting', 'ES', 'renewable-generation forecasting for grid operators'],
  ['Willow Voice Assistants', 'GB', 'voice assistants for banking customers'],
  ['Kite Logistics Vision', 'NL', 'container damage detection at port terminals'],
  ['Basalt Public Sector Analytics', 'FR', 'benefit-fraud risk scoring for public agencies'],
  ['Ember Pricing Engines', 'IT', 'dynamic pricing for travel and hospitality'],
  ['Juniper Pharmacovigilance', 'BE', 'adverse-event detection in safety reports'],
  ['Glasswing Quality Inspection', 'JP', 'visual defect inspection for electronics assembly'],
  ['Tidewater Maritime AI', 'NO', 'vessel-route and fuel-use optimisation'],
  ['Cirrus HR Analytics', 'IE', 'workforce-attrition prediction for employers'],
  ['Quartzline Chip Design AI', 'SE', 'machine-learning assisted chip layout tools'],
];

// prettier-ignore
export const firstNames = [
  'Anna', 'Lukas', 'Sofia', 'Mateo', 'Emma', 'Noah', 'Mia', 'Elias',
  'Olivia', 'Jonas', 'Chiara', 'Hugo', 'Freya', 'Arjun', 'Yuki', 'Priya',
  'Liam', 'Ines', 'Oskar', 'Zara', 'Tomasz', 'Leila', 'Ruairi', 'Camille',
  'Henrik', 'Amara', 'Diego', 'Hanna', 'Kofi', 'Mei',
] as const;

// prettier-ignore
export const lastNames = [
  'Schmidt', 'Fischer', 'Jansen', 'Murphy', 'Dubois', 'Rossi', 'García', 'Nielsen',
  'Larsen', 'Virtanen', 'Kowalski', 'Silva', 'Andersson', 'Tanaka', 'Tan', 'Walker',
  'Novak', 'Peeters', 'Brennan', 'Moreau', 'Hoffmann', 'Costa', 'Lindqvist', 'Okafor',
  'Patel', 'Keller', 'Byrne', 'Santos', 'Meyer', 'Sato',
] as const;

export const contactRoles = [
  'AI Governance Lead',
  'Chief Technology Officer',
  'Head of Compliance',
  'Quality Manager',
  'Data Protection Officer',
  'Head of Machine Learning',
  'Chief Executive Officer',
  'Risk Manager',
] as const;

// prettier-ignore
export const streets = [
  'Innovation Way', 'Harbour Road', 'Station Square', 'Market Street', 'Science Park', 'Canal Side',
  'Mill Lane', 'Technology Drive', 'Park Avenue', 'Bridge Street',
] as const;

export const secondarySiteNames = [
  'Engineering centre',
  'Data centre',
  'Operations office',
  'Research lab',
  'Customer support hub',
] as const;

/** Word lists for `seed --clients N`: many combinations, so names rarely repeat. */
// prettier-ignore
export const generatedNameParts = {
  first: [
    'Amber', 'Apex', 'Blue', 'Bright', 'Clear', 'Copper', 'Deep', 'Ever', 'First', 'Golden', 'High',
    'Iron', 'Keen', 'Lunar', 'Maple', 'North', 'Open', 'Prime', 'Quiet', 'Red', 'Silver', 'Stone',
    'True', 'Urban', 'Vast', 'West', 'Wild', 'Young', 'Zenith', 'Coral',
  ],
  second: [
    'Arc', 'Beacon', 'Cloud', 'Delta', 'Field', 'Forge', 'Gate', 'Grove', 'Harbor', 'Hive', 'Lake',
    'Leaf', 'Line', 'Loop', 'Mesa', 'Mill', 'Node', 'Path', 'Peak', 'Pine', 'Point', 'Pulse',
    'Ridge', 'River', 'Signal', 'Spark', 'Stream', 'Tide', 'Vale', 'Wave',
  ],
  sector: [
    'Analytics', 'AI', 'Robotics', 'Vision', 'Health AI', 'Data', 'Labs', 'Intelligence',
    'Automation', 'Insights', 'Learning', 'Systems',
  ],
  product: [
    'forecasting models', 'computer-vision inspection', 'credit-risk scoring', 'chat assistants',
    'recommendation engines', 'fraud detection', 'medical image analysis', 'route optimisation',
    'document understanding', 'predictive maintenance', 'speech analytics', 'pricing models',
  ],
};

/** The demo certification body's own staff: one of each role the screens need. */
export const demoPeople: readonly PersonInput[] = [
  { name: 'Margaret Okafor', email: 'margaret.okafor@northbridge-cert.example', roles: ['admin'] },
  { name: 'Tomás Herrera', email: 'tomas.herrera@northbridge-cert.example', roles: ['scheduler'] },
  {
    name: 'Ingrid Solberg',
    email: 'ingrid.solberg@northbridge-cert.example',
    roles: ['lead_auditor', 'auditor'],
  },
  {
    name: 'Rajesh Menon',
    email: 'rajesh.menon@northbridge-cert.example',
    roles: ['lead_auditor', 'auditor'],
  },
  { name: 'Chloé Martin', email: 'chloe.martin@northbridge-cert.example', roles: ['auditor'] },
  { name: 'Daniel Weiss', email: 'daniel.weiss@northbridge-cert.example', roles: ['auditor'] },
  { name: 'Aisha Rahman', email: 'aisha.rahman@northbridge-cert.example', roles: ['auditor'] },
  {
    name: 'Kenji Watanabe',
    email: 'kenji.watanabe@northbridge-cert.example',
    roles: ['technical_expert'],
  },
  {
    name: 'Helen Brooks',
    email: 'helen.brooks@northbridge-cert.example',
    roles: ['decision_maker'],
  },
  {
    name: 'Samuel Adeyemi',
    email: 'samuel.adeyemi@northbridge-cert.example',
    roles: ['decision_maker'],
  },
];
