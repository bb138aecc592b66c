import { useEffect, useState } from 'react';
import { api, call } from '../../app/api/client';
import type { SearchHit } from '../../app/api/schemas';

export interface SearchState {
  hits: SearchHit[];
  loading: boolean;
  /** the text the hits answer, so "no results" is never shown for a query still in flight */
  answered: string;
}

/**
 * Asks the search API once typing pauses (250 ms). An answer to older text is dropped, so a slow
 * reply to "火" never replaces the one to "火炬".
 */
export function useSearch(text: string): SearchState {
  const query = text.trim();
  const [state, setState] = useState<SearchState>({ hits: [], loading: false, answered: '' });

  useEffect(() => {
    if (!query) {
      setState({ hits: [], loading: false, answered: '' });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      call(api.GET('/api/v1/search', { params: { query: { q: query, limit: 20 } } }))
        .then((page) => current && setState({ hits: page.items, loading: false, answered: query }))
        .catch(() => current && setState({ hits: [], loading: false, answered: query }));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return state;
}
