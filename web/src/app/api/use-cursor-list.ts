import { useCallback, useEffect, useRef, useState } from 'react';
import { useReportError } from './report-error';

/** How many records match, as the first page of a list reports it; not exact beyond the server's cap. */
export interface ListCount {
  value: number;
  exact: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** on the first page of lists that count */
  total?: ListCount | null;
}

export interface CursorList<T> {
  items: T[];
  /** the first page's count, when the list reports one */
  total: ListCount | null;
  loading: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A list read page by page with the server's cursor ("load more"): the first page reloads when `deps`
 * change, and an answer to an outdated query is dropped.
 */
export function useCursorList<T>(fetchPage: (cursor?: string) => Promise<Page<T>>, deps: readonly unknown[]): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState<ListCount | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const report = useReportError();
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(
    (from: string | undefined, gen: number) => {
      setLoading(true);
      fetchRef.current(from).then(
        (page) => {
          if (gen !== generation.current) return;
          setItems((prev) => (from ? [...prev, ...page.items] : page.items));
          if (!from) setTotal(page.total ?? null);
          setCursor(page.nextCursor);
          setLoading(false);
        },
        (err: unknown) => {
          if (gen !== generation.current) return;
          setLoading(false);
          report(err);
        },
      );
    },
    [report],
  );

  useEffect(() => {
    load(undefined, ++generation.current);
    // The caller lists what `fetchPage` depends on; a new query starts from the first page.
  }, [...deps, tick, load]);

  const loadMore = useCallback(() => {
    if (cursor) load(cursor, generation.current);
  }, [cursor, load]);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  return { items, total, loading, hasMore: cursor !== null, loadMore, reload };
}
