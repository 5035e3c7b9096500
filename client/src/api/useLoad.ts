import { useEffect, useState } from 'react';
import { messageOf } from './client';

/**
 * Loads data for a page when it mounts (and again when `deps` change), ignoring answers that arrive after the
 * page has gone. `load` null means "nothing to load" (e.g. signed out). The error is already in friendly words.
 */
export function useLoad<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!load) return;
    let cancelled = false;
    load()
      .then((value) => !cancelled && setData(value))
      .catch((e) => !cancelled && setError(messageOf(e)));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { data, error };
}
