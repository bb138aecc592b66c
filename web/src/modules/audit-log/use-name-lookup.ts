import { useCallback, useMemo } from 'react';
import { useRoles } from '../org/roles/use-roles';
import { useUnits } from '../org/units/use-units';

/**
 * Audit changes store ids (unitId, roleIds, parentId); this turns the ones the user can see into names.
 * Ids outside the user's scope stay ids: the log must not reveal what the scope hides.
 */
export function useNameLookup(): (id: string) => string | undefined {
  const { data: roles } = useRoles();
  const { data: units } = useUnits();
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const r of roles ?? []) map.set(r.id, r.name);
    for (const u of units ?? []) map.set(u.id, u.name);
    return map;
  }, [roles, units]);
  return useCallback((id: string) => names.get(id), [names]);
}
