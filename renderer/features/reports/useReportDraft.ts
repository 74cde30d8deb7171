import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ReportRevision } from '../../../shared/reports/schema';
import { ApiError, call, errorMessage } from '../../api';
import { ReportDraftSaver } from './reportDraftSaver';
import { useReportChanged } from './useReport';

/**
 * The autosaving draft of one report revision. The saver is made once per revision from what was
 * first loaded (what is typed here is the truth while editing); pending changes are sent when the
 * page is hidden or left, and kept on this computer until acknowledged.
 */
export function useReportDraft(auditId: string, latest: ReportRevision | null) {
  const changed = useReportChanged(auditId);
  const [saver] = useState(
    () =>
      new ReportDraftSaver(
        {
          storage: window.localStorage,
          auditId,
          send: (input) => call('updateAuditReportDraft', input),
          onSaved: changed,
          isRetryable: (error) => !(error instanceof ApiError) || error.code === 'INTERNAL',
          describe: errorMessage,
          fieldOf: (error) => (error instanceof ApiError ? error.field : undefined),
        },
        latest,
      ),
  );

  useEffect(() => {
    saver.restore();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saver.flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', saver.flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', saver.flush);
      saver.flush();
    };
  }, [saver]);

  const snapshot = useSyncExternalStore(saver.subscribe, saver.getSnapshot);
  return { saver, snapshot };
}
