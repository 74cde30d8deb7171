import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportFormat, ReportRevision } from '../../../shared/reports/schema';
import { call, errorMessage } from '../../api';
import { saveExportedFile } from '../../ui/saveExportedFile';

export const reportKey = (auditId: string) => ['audit-report', auditId] as const;

export function useAuditReport(auditId: string) {
  return useQuery({
    queryKey: reportKey(auditId),
    queryFn: () => call('auditReport', { auditId }),
  });
}

/** After a save, issue or new revision: the report, its lint and the audit's lists read afresh. */
export function useReportChanged(auditId: string) {
  const queryClient = useQueryClient();
  return (_revision?: ReportRevision) => {
    void queryClient.invalidateQueries({ queryKey: reportKey(auditId) });
  };
}

export function useIssueReport(auditId: string) {
  const changed = useReportChanged(auditId);
  return useMutation({
    mutationFn: (revision: number) => call('issueAuditReport', { auditId, revision }),
    onSuccess: (issued) => {
      changed(issued);
      notifications.show({
        color: 'green',
        message: `Revision ${issued.revision} is issued and signed; its PDF fingerprint is recorded.`,
      });
    },
  });
}

export function useNewRevision(auditId: string) {
  const changed = useReportChanged(auditId);
  return useMutation({
    mutationFn: (changeNote: string) => call('newAuditReportRevision', { auditId, changeNote }),
    onSuccess: changed,
  });
}

/** Downloads one revision's PDF or DOCX (the latest unless named). */
export function useReportDownload(auditId: string) {
  return useMutation({
    mutationFn: (input: { format: ReportFormat; revision?: number }) =>
      call('auditReportFile', { auditId, ...input }),
    onSuccess: (file) => {
      saveExportedFile(file);
      notifications.show({ color: 'green', message: `Saved ${file.fileName}.` });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
}
