import { useEffect, useState } from 'react';
import { api } from '../../app/api/client';

/**
 * Names for a handful of user ids (who deleted what). One request per distinct id: a recycle bin
 * page names few people. Ids the reader may not see stay unnamed.
 */
export function useUserNames(ids: (string | null)[]): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  const wanted = [...new Set(ids.filter((id): id is string => !!id))].sort().join(',');

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    Promise.all(
      wanted.split(',').map(async (id) => {
        const { data } = await api.GET('/api/v1/users/{id}', { params: { path: { id } } });
        return data ? ([id, data.name] as const) : null;
      }),
    ).then((pairs) => {
      if (current) setNames(new Map(pairs.filter((p) => p !== null)));
    }, () => undefined);
    return () => {
      current = false;
    };
  }, [wanted]);
  return names;
}
