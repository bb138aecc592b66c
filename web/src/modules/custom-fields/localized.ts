import type { CustomField } from '../../app/api/schemas';
import type { Locale } from '../../app/i18n/locale';

type Labels = { 'zh-CN': string; 'en-US': string };

/** A text the administrator wrote in both languages, in the interface's. */
export const localized = (labels: Labels, locale: Locale): string => labels[locale] || labels['zh-CN'];

/** The label of a select field's stored value; a value whose option is gone shows as stored. */
export function optionLabel(def: CustomField, value: unknown, locale: Locale): string {
  const option = def.options.find((o) => o.value === value);
  return option ? localized(option.label, locale) : String(value);
}

/** Active fields in form order, grouped under the administrator's section names (the ungrouped ones last, as "more"). */
export function groupFields(defs: CustomField[]): { group: string | null; fields: CustomField[] }[] {
  const groups: { group: string | null; fields: CustomField[] }[] = [];
  for (const def of [...defs].filter((d) => !d.archived).sort((a, b) => a.position - b.position)) {
    const found = groups.find((g) => g.group === def.group);
    if (found) found.fields.push(def);
    else groups.push({ group: def.group, fields: [def] });
  }
  return groups.sort((a, b) => (a.group === null ? 1 : b.group === null ? -1 : 0));
}
