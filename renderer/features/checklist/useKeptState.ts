import { useCallback, useState } from 'react';

/**
 * State kept in localStorage as it changes (synchronously), so what is typed into a form survives
 * a reload, a crash or the form being closed, until `clear` is called after it is saved.
 */
export function useKeptState<T>(key: string, initial: () => T) {
  const storageKey = `audit-desk:draft:${key}`;
  const [value, setValue] = useState<T>(() => {
    const raw = window.localStorage.getItem(storageKey);
    if (raw) {
      try {
        return JSON.parse(raw) as T;
      } catch {
        // A damaged copy is ignored.
      }
    }
    return initial();
  });

  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // Storage full: the value stays in the form.
      }
    },
    [storageKey],
  );

  const clear = useCallback(
    (reset: T) => {
      window.localStorage.removeItem(storageKey);
      setValue(reset);
    },
    [storageKey],
  );

  const wasKept = useCallback(() => window.localStorage.getItem(storageKey) !== null, [storageKey]);

  return { value, set, clear, wasKept };
}
