import { useEffect, useState } from 'react';
import { api, call } from '../../app/api/client';
import type { DuplicateCandidate } from './dedup-api';

/** What the duplicate check looks at, as the account form holds it. */
export interface DuplicateInput {
  name?: string;
  shortName?: string;
  englishName?: string;
  formerNames?: string[];
  creditCode?: string;
  phones?: string[];
  emails?: string[];
}

export interface DuplicateState {
  candidates: DuplicateCandidate[];
  checking: boolean;
}

const clean = (list: string[] | undefined) => (list ?? []).map((s) => s.trim()).filter(Boolean);

/**
 * Asks the server for possible duplicates once typing pauses (400 ms); an answer to older input is
 * dropped. Names shorter than two characters are not checked: they match too much.
 */
export function useDuplicateCheck(input: DuplicateInput, excludeId?: string): DuplicateState {
  const body = {
    name: input.name?.trim() ?? '',
    shortName: input.shortName?.trim() || null,
    englishName: input.englishName?.trim() || null,
    formerNames: clean(input.formerNames),
    creditCode: input.creditCode?.trim() || null,
    phones: clean(input.phones),
    emails: clean(input.emails),
    excludeId,
  };
  const key = JSON.stringify(body);
  const [state, setState] = useState<DuplicateState>({ candidates: [], checking: false });

  useEffect(() => {
    const b = JSON.parse(key) as typeof body;
    const enough = b.name.length >= 2 || !!b.creditCode || b.phones.length > 0;
    if (!enough) {
      setState({ candidates: [], checking: false });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      // The name is required by the API; a phone or code alone is checked under a placeholder name.
      call(api.POST('/api/v1/accounts/duplicate-check', { body: { ...b, name: b.name || '-' } }))
        .then((r) => current && setState({ candidates: r.candidates, checking: false }))
        .catch(() => current && setState({ candidates: [], checking: false }));
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  return state;
}
