/**
 * The topics of a Stage 1 readiness review and of every surveillance audit, in our own words.
 * Stage 1 (ISO/IEC 17021-1 9.3.1.2) reviews the documented AI management system and whether the
 * client is ready for Stage 2; each topic names the ISO/IEC 42001 clauses it looks at, so a concern
 * raised here can be followed into Stage 2. Surveillance topics follow what every surveillance
 * audit covers (ISO/IEC 17021-1 9.6.2.2).
 */

export interface ChecklistTopic {
  /** The item key in a checklist, e.g. S1.SCOPE or SURV.CHANGES. */
  key: string;
  title: string;
  prompt: string;
}

export const readinessTopics: readonly ChecklistTopic[] = [
  {
    key: 'S1.SCOPE',
    title: 'Scope and boundaries of the AIMS',
    prompt:
      'Is the scope written down and clear about the AI systems, activities, sites and organizational units it covers, and about what it leaves out and why? Does it match the scope applied for? (ISO/IEC 42001 4.3, 4.4)',
  },
  {
    key: 'S1.INVENTORY',
    title: 'Inventory of AI systems',
    prompt:
      'Is there a maintained list of the AI systems in scope, with the role the organization takes for each (developer, provider, user …), their purpose and where they run? It tells you what to sample at Stage 2. (ISO/IEC 42001 4.1, 4.3)',
  },
  {
    key: 'S1.POLICY',
    title: 'AI policy',
    prompt:
      'Is an AI policy approved by top management, fitting the organization’s purpose, and does it set a frame for AI objectives and commit to requirements and improvement? (ISO/IEC 42001 5.2)',
  },
  {
    key: 'S1.RISK',
    title: 'AI risk assessment and treatment: method and results',
    prompt:
      'Is there a defined AI risk assessment method with acceptance criteria, has it been applied to the AI systems in scope, and is there a treatment plan with owners? Are the results recorded? (ISO/IEC 42001 6.1.2, 6.1.3, 8.2, 8.3)',
  },
  {
    key: 'S1.IMPACT',
    title: 'AI system impact assessment: method and results',
    prompt:
      'Is there a process saying when and how the consequences of AI systems for individuals, groups and society are assessed, and have assessments been done for the systems in scope? (ISO/IEC 42001 6.1.4, 8.4)',
  },
  {
    key: 'S1.SOA',
    title: 'Statement of Applicability',
    prompt:
      'Does the Statement of Applicability list every Annex A control as applicable or excluded, with a justification for each exclusion and the implementation status of each included control, and does it follow from the risk treatment? (ISO/IEC 42001 6.1.3)',
  },
  {
    key: 'S1.INTERNAL-AUDIT',
    title: 'Internal audit performed',
    prompt:
      'Is there an internal audit programme, and has at least one internal audit covering the AIMS been carried out and reported, with its findings followed up? (ISO/IEC 42001 9.2)',
  },
  {
    key: 'S1.MANAGEMENT-REVIEW',
    title: 'Management review performed',
    prompt:
      'Has top management reviewed the AIMS with the inputs the standard expects, and are the decisions and actions of that review recorded? (ISO/IEC 42001 9.3)',
  },
  {
    key: 'S1.DOCUMENTED-INFO',
    title: 'Documented information',
    prompt:
      'Is the documented information the AIMS needs in place, identified, approved, versioned and available to the people who use it? (ISO/IEC 42001 7.5)',
  },
  {
    key: 'S1.STAGE2-ARRANGEMENTS',
    title: 'Arrangements for Stage 2',
    prompt:
      'Are the details of Stage 2 agreed with the client: sites to visit, AI systems to sample, people to interview, dates, access and logistics? Note anything that changes the planned audit time or team. (ISO/IEC 17021-1 9.3.1.2)',
  },
];

export const surveillanceTopics: readonly ChecklistTopic[] = [
  {
    key: 'SURV.NC-FOLLOW-UP',
    title: 'Actions on nonconformities from the previous audit',
    prompt:
      'For each nonconformity raised at the previous audit, check the correction and corrective action were carried out as planned and have worked; an action that has not worked is a new finding.',
  },
  {
    key: 'SURV.CHANGES',
    title: 'Changes since the last audit',
    prompt:
      'What has changed since the last audit: AI systems added or retired, scope, sites, organization, key people, legal duties? Were the changes planned (ISO/IEC 42001 6.3), and do they affect the certificate or the audit programme?',
  },
  {
    key: 'SURV.COMPLAINTS',
    title: 'Handling of complaints',
    prompt:
      'Which complaints about the AI systems or the AIMS were received since the last audit, and were they recorded, investigated and answered, with action taken where needed?',
  },
  {
    key: 'SURV.MARKS',
    title: 'Use of certification marks and references to certification',
    prompt:
      'Look at the website, marketing material and product documents: are the certification mark and references to the certificate used as the certification body allows, and only for the certified scope?',
  },
];

/**
 * Audit Desk rule: the items every surveillance (and special) audit includes; the lead auditor
 * chooses the rest. Internal audit, management review, nonconformity follow-up and changes are what
 * each surveillance must look at (ISO/IEC 17021-1 9.6.2.2); 10.2 and 6.3 are where they sit in
 * ISO/IEC 42001.
 */
export const mandatorySurveillanceKeys: readonly string[] = [
  '9.2.1',
  '9.2.2',
  '9.3.1',
  '9.3.2',
  '9.3.3',
  '10.2',
  '6.3',
  ...surveillanceTopics.map((t) => t.key),
];

/** Titles of the checklist groups that are not catalogue groups. */
export const topicGroupTitles: Readonly<Record<string, string>> = {
  S1: 'Readiness review',
  SOA: 'Statement of Applicability exclusions',
  CONCERNS: 'Concerns from Stage 1',
  SURV: 'Surveillance topics',
};
