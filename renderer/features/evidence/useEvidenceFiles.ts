import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export const evidenceFilesKey = (auditId: string) => ['evidenceFiles', auditId] as const;

/** Every live evidence file of an audit, newest first (filtered per item by the caller). */
export function useEvidenceFiles(auditId: string) {
  return useQuery({
    queryKey: evidenceFilesKey(auditId),
    queryFn: () => call('listEvidenceFiles', { auditId }),
  });
}
