import { z } from 'zod';

/**
 * The words of the certification programme, one list each, used by db, services and UI alike.
 * Competence areas follow what ISO/IEC 42006 expects an AIMS audit team to cover; the exact list
 * and its wording are the CB's own choice (ISO/IEC 42006's competence annex is not public).
 */
export const auditTypes = [
  'stage1',
  'stage2',
  'surveillance',
  'recertification',
  'special',
  'transfer',
] as const;
export const auditTypeSchema = z.enum(auditTypes, {
  message: `Choose an audit type: ${auditTypes.join(', ')}.`,
});
export type AuditType = z.infer<typeof auditTypeSchema>;
export const auditTypeLabels: Record<AuditType, string> = {
  stage1: 'Stage 1',
  stage2: 'Stage 2',
  surveillance: 'Surveillance',
  recertification: 'Recertification',
  special: 'Special audit',
  transfer: 'Transfer audit',
};

export const auditStates = [
  'planned',
  'confirmed',
  'in_progress',
  'completed',
  'cancelled',
] as const;
export const auditStateSchema = z.enum(auditStates, {
  message: `Choose an audit state: ${auditStates.join(', ')}.`,
});
export type AuditState = z.infer<typeof auditStateSchema>;
export const auditStateLabels: Record<AuditState, string> = {
  planned: 'Planned',
  confirmed: 'Confirmed',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const teamRoles = ['lead_auditor', 'auditor', 'technical_expert', 'observer'] as const;
export const teamRoleSchema = z.enum(teamRoles, { message: 'Choose a team role.' });
export type TeamRole = z.infer<typeof teamRoleSchema>;
export const teamRoleLabels: Record<TeamRole, string> = {
  lead_auditor: 'Lead auditor',
  auditor: 'Auditor',
  technical_expert: 'Technical expert',
  observer: 'Observer',
};

export const competenceAreas = [
  'aiLifecycle',
  'dataForAi',
  'aiRiskImpact',
  'aiGovernance',
  'machineLearning',
  'generativeAi',
  'aiSecurity',
  'aiRegulation',
  'sectorFinance',
  'sectorHealth',
  'sectorPublic',
  'sectorManufacturing',
  'sectorTransport',
  'sectorRetail',
  'sectorIct',
  'sectorEducation',
  'sectorHr',
  'sectorEnergy',
] as const;
export const competenceAreaSchema = z.enum(competenceAreas, {
  message: 'Choose a competence area from the list.',
});
export type CompetenceArea = z.infer<typeof competenceAreaSchema>;
export const competenceAreaLabels: Record<CompetenceArea, string> = {
  aiLifecycle: 'AI system life cycle',
  dataForAi: 'Data for AI (quality, provenance, bias)',
  aiRiskImpact: 'AI risk and impact assessment',
  aiGovernance: 'AI governance and management systems',
  machineLearning: 'Machine learning techniques',
  generativeAi: 'Generative and foundation-model AI',
  aiSecurity: 'Security of AI systems',
  aiRegulation: 'AI law and regulation',
  sectorFinance: 'Sector: finance and insurance',
  sectorHealth: 'Sector: health and medical devices',
  sectorPublic: 'Sector: public administration',
  sectorManufacturing: 'Sector: manufacturing and industrial automation',
  sectorTransport: 'Sector: transport and mobility',
  sectorRetail: 'Sector: retail and e-commerce',
  sectorIct: 'Sector: software and ICT services',
  sectorEducation: 'Sector: education',
  sectorHr: 'Sector: employment and HR',
  sectorEnergy: 'Sector: energy and utilities',
};

export const qualificationKinds = [
  'auditorTraining',
  'iso42001Auditor',
  'iso42001LeadAuditor',
  'technicalExpert',
  'other',
] as const;
export const qualificationKindSchema = z.enum(qualificationKinds, {
  message: 'Choose a qualification kind.',
});
export type QualificationKind = z.infer<typeof qualificationKindSchema>;
export const qualificationKindLabels: Record<QualificationKind, string> = {
  auditorTraining: 'Management system auditor training',
  iso42001Auditor: 'ISO/IEC 42001 auditor',
  iso42001LeadAuditor: 'ISO/IEC 42001 lead auditor',
  technicalExpert: 'Technical expert (AI)',
  other: 'Other',
};

export const relationshipKinds = [
  'consultancy',
  'employment',
  'family',
  'financial',
  'other',
] as const;
export const relationshipKindSchema = z.enum(relationshipKinds, {
  message: 'Choose the kind of relationship.',
});
export type RelationshipKind = z.infer<typeof relationshipKindSchema>;
export const relationshipKindLabels: Record<RelationshipKind, string> = {
  consultancy: 'Consultancy for the client',
  employment: 'Employed by the client',
  family: 'Family member at the client',
  financial: 'Financial interest in the client',
  other: 'Other relationship',
};
