import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { listHistory, listRevisions, type HistoryPoint, type Revision } from './revisions-api';

export interface Versions {
  revisions: Revision[];
  history: HistoryPoint[];
  loaded: boolean;
  error: string | null;
  reload: () => void;
}

/** Revisions and history points of a session, reloaded whenever `changeKey` changes (e.g. the live revision label). */
export function useVersions(sessionId: string, token: string, changeKey?: unknown): Versions {
  const [revisions, setRevisions] = useState<Revision[]>([]);
  const [history, setHistory] = useState<HistoryPoint[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let cancelled = false;
    Promise.all([listRevisions(sessionId, token), listHistory(sessionId, token)])
      .then(([r, h]) => {
        if (cancelled) return;
        setRevisions(r);
        setHistory(h);
        setError(null);
        setLoaded(true);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [sessionId, token, changeKey, tick]);

  return { revisions, history, loaded, error, reload };
}
