import { useEffect, useState } from 'react';

/**
 * Keeps what is being typed in localStorage until it is saved, so a crash, a closed window or a
 * reload never loses it. Returns the draft found at mount (if it differs from the start values).
 */
export function useDraft<T>(key: string, values: T, dirty: boolean) {
  const storageKey = `audit-desk:draft:${key}`;
  const [found] = useState<T | null>(() => {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return null;
    }
  });

  useEffect(() => {
    if (dirty) localStorage.setItem(storageKey, JSON.stringify(values));
  }, [storageKey, values, dirty]);

  return {
    found,
    clear: () => localStorage.removeItem(storageKey),
  };
}
