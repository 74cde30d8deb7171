import { useEffect, useState, useSyncExternalStore } from 'react';
import type { FindingDetail } from '../../../shared/findings/schema';
import { ApiError, call, errorMessage } from '../../api';
import { FindingTextSaver } from './findingTextSaver';
import { useFindingSaved } from './useFindings';

/**
 * The autosaving text of one finding. The saver is made once per finding from the text first
 * loaded (what is typed here is the truth while editing); pending text is sent when the page is
 * hidden or left, and kept on this computer until acknowledged.
 */
export function useFindingText(detail: FindingDetail) {
  const onSaved = useFindingSaved();
  const [saver] = useState(
    () =>
      new FindingTextSaver(
        {
          storage: window.localStorage,
          findingId: detail.id,
          send: (input) => call('updateFinding', input),
          onSaved,
          isRetryable: (error) => !(error instanceof ApiError) || error.code === 'INTERNAL',
          describe: errorMessage,
          fieldOf: (error) => (error instanceof ApiError ? error.field : undefined),
        },
        detail,
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
