import type { checklistsContract } from '../../shared/api/contract-checklists';
import * as answers from '../services/checklist-answers';
import * as coverage from '../services/checklist-coverage';
import * as evidence from '../services/checklist-evidence';
import * as planning from '../services/checklist-planning';
import * as checklists from '../services/checklists';
import * as findings from '../services/findings';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** Checklist and finding methods mapped onto services (see handlers.ts). */
export function checklistsImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof checklistsContract> {
  const ctx = () => runtime.context();
  return {
    getChecklist: (input) => checklists.getChecklist(ctx(), input.auditId),
    prepareChecklist: (input) => checklists.prepareChecklist(ctx(), input),
    saveChecklistAnswer: (input) => answers.saveChecklistAnswer(ctx(), input),
    addChecklistEvidence: (input) => evidence.addChecklistEvidence(ctx(), input),
    updateChecklistEvidence: (input) => evidence.updateChecklistEvidence(ctx(), input),
    removeChecklistEvidence: (input) => evidence.removeChecklistEvidence(ctx(), input.id),
    setSurveillanceSelection: (input) => planning.setSurveillanceSelection(ctx(), input),
    cycleCoverage: (input) => coverage.cycleCoverage(ctx(), input.auditId),
    recordReadinessConclusion: (input) => planning.recordReadinessConclusion(ctx(), input),
    raiseFinding: (input) => findings.raiseFinding(ctx(), input),
    listAuditFindings: (input) => findings.listAuditFindings(ctx(), input.auditId),
  };
}
