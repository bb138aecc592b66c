import { useRegionName } from './use-region-name';

/** A region code shown by its name (上海市 黄浦区), or as the code until the names arrive. */
export function RegionValue({ code }: { code: string }) {
  return <>{useRegionName(code) ?? code}</>;
}
