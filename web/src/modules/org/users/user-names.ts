import { useEffect, useState } from 'react';
import { api } from '../../../app/api/client';

// One request per user per page load, however many cells show the same person.
const names = new Map<string, Promise<string | undefined>>();

/** A user's name, or undefined when the reader may not see that user. */
export function userName(id: string): Promise<string | undefined> {
  let found = names.get(id);
  if (!found) {
    found = api.GET('/api/v1/users/{id}', { params: { path: { id } } }).then(({ data }) => data?.name, () => undefined);
    names.set(id, found);
  }
  return found;
}

export function useUserName(id: string | null | undefined): string | undefined {
  const [name, setName] = useState<string>();
  useEffect(() => {
    if (!id) return;
    let current = true;
    void userName(id).then((n) => current && setName(n));
    return () => {
      current = false;
    };
  }, [id]);
  return id ? name : undefined;
}
