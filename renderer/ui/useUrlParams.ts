import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** New values for some URL parameters: null or '' removes one, undefined leaves it as it is. */
export type ParamChanges = Partial<Record<string, string | null>>;

/**
 * A screen's filters kept in the URL (so a reload or a shared link shows the same list): the
 * current parameters, and an update that replaces the history entry rather than adding one.
 */
export function useUrlParams(): [URLSearchParams, (changes: ParamChanges) => void] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: ParamChanges) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined) continue;
            if (value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [params, update];
}
