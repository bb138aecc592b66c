import type { Locale } from '../../../platform/access/principal.ts';
import type { FieldDefinition } from '../custom-fields.schema.ts';
import { regionName } from './regions.ts';

const yesNo: Record<Locale, [string, string]> = { 'zh-CN': ['是', '否'], 'en-US': ['Yes', 'No'] };

/**
 * A stored value as a person reads it, for exports and printouts: option labels rather than option
 * values, region names rather than codes. User ids stay ids: the caller knows how to name users
 * in bulk. Values of archived options still show their label.
 */
export function formatCustomValue(def: Pick<FieldDefinition, 'type' | 'options'>, value: unknown, locale: Locale): string {
  if (value === undefined || value === null) return '';
  const option = (v: unknown) => def.options.find((o) => o.value === v)?.label[locale] ?? String(v);
  switch (def.type) {
    case 'single_select':
      return option(value);
    case 'multi_select':
      return (value as unknown[]).map(option).join(locale === 'zh-CN' ? '、' : ', ');
    case 'boolean':
      return yesNo[locale][value ? 0 : 1];
    case 'region':
      return regionName(String(value)) ?? String(value);
    default:
      return String(value);
  }
}
