/**
 * The ISO/IEC 42001:2023 requirement catalogue: clause and Annex A control IDs with their short
 * titles (facts of the standard's structure), and the audit stages each one is checked at. Copied
 * from the reference catalogue (reference/iso42001-requirements.json). The versioned catalogue with
 * our audit prompts is built from these lists in catalogue.ts.
 */

export const iso42001Edition = 'ISO/IEC 42001:2023';

export type RequirementStage = 'stage1' | 'stage2';

export interface ClauseGroup {
  id: string;
  title: string;
}

export interface Clause {
  id: string;
  title: string;
  /** The clause group (4 to 10) it belongs to. */
  parent: string;
  /** Empty for headings that are audited through their subclauses (6.1, 7.5, 9.2, 9.3). */
  stages: readonly RequirementStage[];
}

export interface ControlGroup {
  id: string;
  title: string;
}

export interface Control {
  id: string;
  title: string;
  group: string;
  stages: readonly RequirementStage[];
}

const both: readonly RequirementStage[] = ['stage1', 'stage2'];
const s2: readonly RequirementStage[] = ['stage2'];
const heading: readonly RequirementStage[] = [];

export const clauseGroups: readonly ClauseGroup[] = [
  { id: '4', title: 'Context of the organization' },
  { id: '5', title: 'Leadership' },
  { id: '6', title: 'Planning' },
  { id: '7', title: 'Support' },
  { id: '8', title: 'Operation' },
  { id: '9', title: 'Performance evaluation' },
  { id: '10', title: 'Improvement' },
];

export const clauses: readonly Clause[] = [
  { id: '4.1', title: 'Understanding the organization and its context', parent: '4', stages: both },
  {
    id: '4.2',
    title: 'Understanding the needs and expectations of interested parties',
    parent: '4',
    stages: both,
  },
  {
    id: '4.3',
    title: 'Determining the scope of the AI management system',
    parent: '4',
    stages: both,
  },
  { id: '4.4', title: 'AI management system', parent: '4', stages: both },
  { id: '5.1', title: 'Leadership and commitment', parent: '5', stages: both },
  { id: '5.2', title: 'AI policy', parent: '5', stages: both },
  { id: '5.3', title: 'Roles, responsibilities and authorities', parent: '5', stages: both },
  { id: '6.1', title: 'Actions to address risks and opportunities', parent: '6', stages: heading },
  { id: '6.1.1', title: 'General', parent: '6.1', stages: both },
  { id: '6.1.2', title: 'AI risk assessment', parent: '6.1', stages: both },
  { id: '6.1.3', title: 'AI risk treatment', parent: '6.1', stages: both },
  { id: '6.1.4', title: 'AI system impact assessment', parent: '6.1', stages: both },
  { id: '6.2', title: 'AI objectives and planning to achieve them', parent: '6', stages: both },
  { id: '6.3', title: 'Planning of changes', parent: '6', stages: s2 },
  { id: '7.1', title: 'Resources', parent: '7', stages: s2 },
  { id: '7.2', title: 'Competence', parent: '7', stages: s2 },
  { id: '7.3', title: 'Awareness', parent: '7', stages: s2 },
  { id: '7.4', title: 'Communication', parent: '7', stages: s2 },
  { id: '7.5', title: 'Documented information', parent: '7', stages: heading },
  { id: '7.5.1', title: 'General', parent: '7.5', stages: both },
  {
    id: '7.5.2',
    title: 'Creating and updating documented information',
    parent: '7.5',
    stages: both,
  },
  { id: '7.5.3', title: 'Control of documented information', parent: '7.5', stages: s2 },
  { id: '8.1', title: 'Operational planning and control', parent: '8', stages: s2 },
  { id: '8.2', title: 'AI risk assessment', parent: '8', stages: both },
  { id: '8.3', title: 'AI risk treatment', parent: '8', stages: both },
  { id: '8.4', title: 'AI system impact assessment', parent: '8', stages: both },
  {
    id: '9.1',
    title: 'Monitoring, measurement, analysis and evaluation',
    parent: '9',
    stages: both,
  },
  { id: '9.2', title: 'Internal audit', parent: '9', stages: heading },
  { id: '9.2.1', title: 'General', parent: '9.2', stages: both },
  { id: '9.2.2', title: 'Internal audit programme', parent: '9.2', stages: both },
  { id: '9.3', title: 'Management review', parent: '9', stages: heading },
  { id: '9.3.1', title: 'General', parent: '9.3', stages: both },
  { id: '9.3.2', title: 'Management review inputs', parent: '9.3', stages: both },
  { id: '9.3.3', title: 'Management review results', parent: '9.3', stages: both },
  { id: '10.1', title: 'Continual improvement', parent: '10', stages: s2 },
  { id: '10.2', title: 'Nonconformity and corrective action', parent: '10', stages: both },
];

/** Annex A groups A.2 to A.10 (Table A.1). */
export const controlGroups: readonly ControlGroup[] = [
  { id: 'A.2', title: 'Policies related to AI' },
  { id: 'A.3', title: 'Internal organization' },
  { id: 'A.4', title: 'Resources for AI systems' },
  { id: 'A.5', title: 'Assessing impacts of AI systems' },
  { id: 'A.6', title: 'AI system life cycle' },
  { id: 'A.7', title: 'Data for AI systems' },
  { id: 'A.8', title: 'Information for interested parties of AI systems' },
  { id: 'A.9', title: 'Use of AI systems' },
  { id: 'A.10', title: 'Third-party and customer relationships' },
];

/** The 38 Annex A controls; which apply to a client is its Statement of Applicability. */
export const controls: readonly Control[] = [
  { id: 'A.2.2', title: 'AI policy', group: 'A.2', stages: both },
  {
    id: 'A.2.3',
    title: 'Alignment with other organizational policies',
    group: 'A.2',
    stages: both,
  },
  { id: 'A.2.4', title: 'Review of the AI policy', group: 'A.2', stages: s2 },
  { id: 'A.3.2', title: 'AI roles and responsibilities', group: 'A.3', stages: both },
  { id: 'A.3.3', title: 'Reporting of concerns', group: 'A.3', stages: s2 },
  { id: 'A.4.2', title: 'Resource documentation', group: 'A.4', stages: both },
  { id: 'A.4.3', title: 'Data resources', group: 'A.4', stages: s2 },
  { id: 'A.4.4', title: 'Tooling resources', group: 'A.4', stages: s2 },
  { id: 'A.4.5', title: 'System and computing resources', group: 'A.4', stages: s2 },
  { id: 'A.4.6', title: 'Human resources', group: 'A.4', stages: s2 },
  { id: 'A.5.2', title: 'AI system impact assessment process', group: 'A.5', stages: both },
  {
    id: 'A.5.3',
    title: 'Documentation of AI system impact assessments',
    group: 'A.5',
    stages: both,
  },
  {
    id: 'A.5.4',
    title: 'Assessing AI system impact on individuals or groups of individuals',
    group: 'A.5',
    stages: s2,
  },
  { id: 'A.5.5', title: 'Assessing societal impacts of AI systems', group: 'A.5', stages: s2 },
  {
    id: 'A.6.1.2',
    title: 'Objectives for responsible development of AI system',
    group: 'A.6',
    stages: both,
  },
  {
    id: 'A.6.1.3',
    title: 'Processes for responsible AI system design and development',
    group: 'A.6',
    stages: both,
  },
  { id: 'A.6.2.2', title: 'AI system requirements and specification', group: 'A.6', stages: s2 },
  {
    id: 'A.6.2.3',
    title: 'Documentation of AI system design and development',
    group: 'A.6',
    stages: s2,
  },
  { id: 'A.6.2.4', title: 'AI system verification and validation', group: 'A.6', stages: s2 },
  { id: 'A.6.2.5', title: 'AI system deployment', group: 'A.6', stages: s2 },
  { id: 'A.6.2.6', title: 'AI system operation and monitoring', group: 'A.6', stages: s2 },
  { id: 'A.6.2.7', title: 'AI system technical documentation', group: 'A.6', stages: s2 },
  { id: 'A.6.2.8', title: 'AI system recording of event logs', group: 'A.6', stages: s2 },
  {
    id: 'A.7.2',
    title: 'Data for development and enhancement of AI system',
    group: 'A.7',
    stages: both,
  },
  { id: 'A.7.3', title: 'Acquisition of data', group: 'A.7', stages: s2 },
  { id: 'A.7.4', title: 'Quality of data for AI systems', group: 'A.7', stages: s2 },
  { id: 'A.7.5', title: 'Data provenance', group: 'A.7', stages: s2 },
  { id: 'A.7.6', title: 'Data preparation', group: 'A.7', stages: s2 },
  {
    id: 'A.8.2',
    title: 'System documentation and information for users',
    group: 'A.8',
    stages: s2,
  },
  { id: 'A.8.3', title: 'External reporting', group: 'A.8', stages: s2 },
  { id: 'A.8.4', title: 'Communication of incidents', group: 'A.8', stages: s2 },
  { id: 'A.8.5', title: 'Information for interested parties', group: 'A.8', stages: s2 },
  { id: 'A.9.2', title: 'Processes for responsible use of AI systems', group: 'A.9', stages: both },
  { id: 'A.9.3', title: 'Objectives for responsible use of AI system', group: 'A.9', stages: both },
  { id: 'A.9.4', title: 'Intended use of the AI system', group: 'A.9', stages: s2 },
  { id: 'A.10.2', title: 'Allocating responsibilities', group: 'A.10', stages: both },
  { id: 'A.10.3', title: 'Suppliers', group: 'A.10', stages: s2 },
  { id: 'A.10.4', title: 'Customers', group: 'A.10', stages: s2 },
];
