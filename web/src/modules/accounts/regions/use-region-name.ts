import { useEffect, useState } from 'react';
import { regionName } from './region-cache';

/** The display name of a region code (for custom region fields; records carry their regionName). */
export function useRegionName(code: string | null | undefined): string | undefined {
  const [name, setName] = useState<string>();
  useEffect(() => {
    if (!code) return;
    let current = true;
    regionName(code).then((n) => current && setName(n), () => undefined);
    return () => {
      current = false;
    };
  }, [code]);
  return code ? name : undefined;
}
