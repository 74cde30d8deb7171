import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Checklist, EvidenceEntryInput } from '../../../shared/checklists/schema';
import type { Finding } from '../../../shared/findings/schema';
import { call } from '../../api';
import { findingsKey } from '../nonconformities/useFindings';
import { withEvidence, withFinding, withoutEvidence } from './checklistView';

export const checklistKey = (auditId: string) => ['checklist', auditId] as const;
export const auditFindingsKey = (auditId: string) => ['audit-findings', auditId] as const;

export function useChecklist(auditId: string) {
  return useQuery({
    queryKey: checklistKey(auditId),
    queryFn: () => call('getChecklist', { auditId }),
  });
}

export function useAuditFindings(auditId: string) {
  return useQuery({
    queryKey: auditFindingsKey(auditId),
    queryFn: () => call('listAuditFindings', { auditId }),
  });
}

export function usePrepareChecklist(auditId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (soaVersionId: string | null) =>
      call('prepareChecklist', { auditId, soaVersionId }),
    onSuccess: (checklist) => {
      queryClient.setQueryData(checklistKey(auditId), checklist);
      // Preparing records which SoA version the audit audits, and changes the cycle's coverage
      // and what the Stage 2 gate notice says.
      for (const queryKey of [['soa'], ['cycleCoverage'], ['stage1Gate']]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    },
  });
}

function patch(
  queryClient: ReturnType<typeof useQueryClient>,
  auditId: string,
  change: (c: Checklist) => Checklist,
) {
  queryClient.setQueryData<Checklist | null>(checklistKey(auditId), (old) =>
    old ? change(old) : old,
  );
}

export function useEvidenceEntries(auditId: string) {
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: (input: EvidenceEntryInput) => call('addChecklistEvidence', input),
    onSuccess: (entry) => patch(queryClient, auditId, (c) => withEvidence(c, entry)),
  });
  const update = useMutation({
    mutationFn: (input: Omit<EvidenceEntryInput, 'checklistItemId'> & { id: string }) =>
      call('updateChecklistEvidence', input),
    onSuccess: (entry) => patch(queryClient, auditId, (c) => withEvidence(c, entry)),
  });
  const remove = useMutation({
    mutationFn: (entry: { id: string; checklistItemId: string }) =>
      call('removeChecklistEvidence', { id: entry.id }),
    onSuccess: (_null, entry) =>
      patch(queryClient, auditId, (c) => withoutEvidence(c, entry.checklistItemId, entry.id)),
  });
  return { add, update, remove };
}

/** After a finding is raised: it shows on its item, in the audit's list and the register at once. */
export function useFindingRaised(auditId: string) {
  const queryClient = useQueryClient();
  return (finding: Finding) => {
    if (finding.checklistItemId) {
      const itemId = finding.checklistItemId;
      patch(queryClient, auditId, (c) => withFinding(c, itemId, finding.id));
    }
    queryClient.setQueryData<Finding[]>(auditFindingsKey(auditId), (old) =>
      old ? [...old.filter((f) => f.id !== finding.id), finding] : [finding],
    );
    void queryClient.invalidateQueries({ queryKey: auditFindingsKey(auditId) });
    // The register, the audit's and client's finding lists and the decision blockers.
    void queryClient.invalidateQueries({ queryKey: findingsKey });
  };
}
