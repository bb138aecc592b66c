import { useCallback, useEffect, useRef, useState } from 'react';
import { useReportError } from './report-error';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  failed: boolean;
  reload: () => void;
}

/**
 * Loads data for a page and reloads it when `deps` change. A slower, older answer never replaces a
 * newer one (typing in a search box fires several requests).
 */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const [tick, setTick] = useState(0);
  const report = useReportError();
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setFailed(false);
        setLoading(false);
      },
      (err: unknown) => {
        if (ticket !== latest.current) return;
        setFailed(true);
        setLoading(false);
        report(err);
      },
    );
    // The caller lists what `load` depends on; `load` itself is a new closure on every render.
  }, [...deps, tick, report]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, failed, reload };
}
