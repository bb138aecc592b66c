import type { FieldType } from '../../app/api/schemas';
import type { MessageKey } from '../../app/i18n/translate';

/** The server's table of field types (server/src/modules/custom-fields/field-types.ts), as the forms need it. */
interface TypeTraits {
  label: MessageKey;
  /** the unique flag is offered */
  unique: boolean;
  /** a list can be sorted by it */
  sort: boolean;
  /** a `contains` filter applies (and "filterable" builds a text index) */
  contains: boolean;
  /** range filters (from … to) apply */
  range: boolean;
}

export const typeTraits: Record<FieldType, TypeTraits> = {
  text: { label: 'fieldType.text', unique: true, sort: true, contains: true, range: false },
  long_text: { label: 'fieldType.long_text', unique: false, sort: false, contains: true, range: false },
  number: { label: 'fieldType.number', unique: true, sort: true, contains: false, range: true },
  money: { label: 'fieldType.money', unique: true, sort: true, contains: false, range: true },
  date: { label: 'fieldType.date', unique: false, sort: true, contains: false, range: true },
  datetime: { label: 'fieldType.datetime', unique: false, sort: true, contains: false, range: true },
  single_select: { label: 'fieldType.single_select', unique: false, sort: true, contains: false, range: false },
  multi_select: { label: 'fieldType.multi_select', unique: false, sort: false, contains: false, range: false },
  boolean: { label: 'fieldType.boolean', unique: false, sort: true, contains: false, range: false },
  user: { label: 'fieldType.user', unique: false, sort: true, contains: false, range: false },
  region: { label: 'fieldType.region', unique: false, sort: true, contains: false, range: false },
  url: { label: 'fieldType.url', unique: true, sort: true, contains: true, range: false },
  phone: { label: 'fieldType.phone', unique: true, sort: true, contains: true, range: false },
  email: { label: 'fieldType.email', unique: true, sort: true, contains: true, range: false },
};

export const fieldTypes = Object.keys(typeTraits) as FieldType[];

export const isSelect = (type: FieldType) => type === 'single_select' || type === 'multi_select';

/** "Filterable/sortable" builds an index only for types that sort or search text; the others filter through the shared index. */
export const indexable = (type: FieldType) => typeTraits[type].sort || typeTraits[type].contains;
