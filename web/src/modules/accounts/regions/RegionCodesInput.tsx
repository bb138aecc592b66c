import type { CSSProperties } from 'react';
import { RegionCascader } from './RegionCascader';
import { codesOf, pathOf, type RegionCodes } from './region-cache';

/** A record's province, city and district as one form control (inside a Form.Item). */
export function RegionCodesInput({ value, onChange, id, style }: { value?: RegionCodes; onChange?: (codes: RegionCodes) => void; id?: string; style?: CSSProperties }) {
  return <RegionCascader id={id} value={value ? pathOf(value) : undefined} onChange={(path) => onChange?.(codesOf(path ?? []))} style={style} />;
}
