import type { CreateFieldInput, CustomField, FieldType, UpdateFieldInput } from '../../app/api/schemas';
import { toApiValue, toFormValue } from './custom-values';
import { indexable, isSelect, typeTraits } from './field-types';

export interface OptionValues {
  value: string;
  labelZh: string;
  labelEn: string;
  archived: boolean;
  /** stored on records already: its value cannot change and it cannot be removed, only archived */
  existing: boolean;
}

export interface FieldFormValues {
  key: string;
  labelZh: string;
  labelEn: string;
  type: FieldType;
  options: OptionValues[];
  required: boolean;
  unique: boolean;
  indexed: boolean;
  defaultValue: unknown;
  helpZh: string;
  helpEn: string;
  group: string;
}

export function toFormValues(def?: CustomField): FieldFormValues {
  return {
    key: def?.key ?? '',
    labelZh: def?.label['zh-CN'] ?? '',
    labelEn: def && def.label['en-US'] !== def.label['zh-CN'] ? def.label['en-US'] : '',
    type: def?.type ?? 'text',
    options: (def?.options ?? []).map((o) => ({ value: o.value, labelZh: o.label['zh-CN'], labelEn: o.label['en-US'], archived: o.archived, existing: true })),
    required: def?.required ?? false,
    unique: def?.unique ?? false,
    indexed: def?.indexed ?? false,
    defaultValue: def ? toFormValue(def, def.defaultValue) : undefined,
    helpZh: def?.helpText?.['zh-CN'] ?? '',
    helpEn: def?.helpText && def.helpText['en-US'] !== def.helpText['zh-CN'] ? def.helpText['en-US'] : '',
    group: def?.group ?? '',
  };
}

/** The field as a definition the value controls understand, for the default-value input while editing. */
export const draftDefinition = (base: CustomField | undefined, v: Pick<FieldFormValues, 'type' | 'options'>): CustomField => ({
  ...(base ?? placeholder),
  type: v.type,
  options: (v.options ?? []).map((o, i) => ({ value: o.value || optionValue(v.options, i), label: { 'zh-CN': o.labelZh, 'en-US': o.labelEn || o.labelZh }, archived: o.archived })),
});

const placeholder: CustomField = {
  id: '', objectType: '', key: '', label: { 'zh-CN': '', 'en-US': '' }, type: 'text', options: [], required: false, unique: false, indexed: false,
  defaultValue: null, helpText: null, group: null, position: 0, archived: false, archivedAt: null, version: 0, createdAt: '', updatedAt: '',
  permissions: { update: true, archive: true, restore: true },
};

/** A new option's stored value when the administrator leaves it blank: opt1, opt2… never one already in use. */
function optionValue(options: OptionValues[], index: number): string {
  const taken = new Set(options.map((o) => o.value).filter(Boolean));
  let n = index + 1;
  while (taken.has(`opt${n}`)) n++;
  return `opt${n}`;
}

const label = (zh: string, en: string) => ({ 'zh-CN': zh.trim(), ...(en.trim() ? { 'en-US': en.trim() } : {}) });

function common(v: FieldFormValues) {
  const def = draftDefinition(undefined, v);
  return {
    label: label(v.labelZh, v.labelEn),
    options: isSelect(v.type)
      ? v.options.map((o, i) => ({ value: (o.value || optionValue(v.options, i)).trim(), label: label(o.labelZh, o.labelEn), archived: o.archived }))
      : [],
    required: v.required,
    unique: typeTraits[v.type].unique && v.unique,
    indexed: indexable(v.type) && v.indexed,
    helpText: v.helpZh.trim() ? label(v.helpZh, v.helpEn) : null,
    group: v.group.trim() || null,
    defaultValue: toApiValue(def, v.defaultValue),
  };
}

export function createBody(objectType: string, v: FieldFormValues): CreateFieldInput {
  const { defaultValue, ...rest } = common(v);
  return { objectType, key: v.key.trim(), type: v.type, ...rest, ...(defaultValue === null ? {} : { defaultValue }) };
}

export const updateBody = (def: CustomField, v: FieldFormValues): UpdateFieldInput => ({ version: def.version, ...common(v) });
