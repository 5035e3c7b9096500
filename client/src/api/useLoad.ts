import { useCallback, useEffect, useState } from 'react';
import { messageOf } from './client';

/** What a page shows while it loads: the data once it came, or the error in friendly words. */
export interface Load<T> {
  data: T | null;
  error: string | null;
  /** Load again (e.g. the scores after a grading); the data shown stays until the new answer arrives. */
  reload: () => void;
}

/**
 * The one way pages load data: on mount and whenever `deps` change, ignoring answers that arrive after the page has
 * gone or after a newer load started. `load` null means "nothing to load" (e.g. signed out) and clears the data.
 * Sessions are not the page's business: a 401 is refreshed and retried inside the API client, and a session that
 * cannot be refreshed ends on Login for every page alike (ADR 0050); the page only sees the friendly error.
 */
export function useLoad<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]): Load<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);

  useEffect(() => {
    if (!load) {
      setData(null);
      setError(null);
      return;
    }
    let current = true;
    load()
      .then((value) => {
        if (!current) return;
        setData(value);
        setError(null);
      })
      .catch((e) => current && setError(messageOf(e)));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);

  return { data, error, reload };
}
