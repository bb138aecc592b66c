/**
 * The kinds of customer-defined fields and what each supports. One table of facts, so validation,
 * filters, indexes and the JSON schema for integrators cannot disagree about a type.
 */
export const fieldTypes = [
  'text', 'long_text', 'number', 'money', 'date', 'datetime', 'single_select', 'multi_select',
  'boolean', 'user', 'region', 'url', 'phone', 'email',
] as const;
export type FieldType = (typeof fieldTypes)[number];

/** How a value is compared and sorted in SQL: as a number, or as its stored text. */
export type SortKind = 'numeric' | 'money' | 'text';

interface TypeTraits {
  /** the unique flag is offered (values are short and compared exactly) */
  unique: boolean;
  /** "filterable/sortable" creates a btree expression index; null: no ordering makes sense */
  sort: SortKind | null;
  /** "filterable/sortable" also creates a trigram index for `contains` */
  contains: boolean;
  /** range filters (gte/lte) apply */
  range: boolean;
}

export const typeTraits: Record<FieldType, TypeTraits> = {
  text: { unique: true, sort: 'text', contains: true, range: false },
  long_text: { unique: false, sort: null, contains: true, range: false },
  number: { unique: true, sort: 'numeric', contains: false, range: true },
  money: { unique: true, sort: 'money', contains: false, range: true },
  // ISO dates and UTC datetimes (…Z) order correctly as text, so no timezone-dependent cast is needed.
  date: { unique: false, sort: 'text', contains: false, range: true },
  datetime: { unique: false, sort: 'text', contains: false, range: true },
  single_select: { unique: false, sort: 'text', contains: false, range: false },
  multi_select: { unique: false, sort: null, contains: false, range: false },
  boolean: { unique: false, sort: 'text', contains: false, range: false },
  user: { unique: false, sort: 'text', contains: false, range: false },
  region: { unique: false, sort: 'text', contains: false, range: false },
  url: { unique: true, sort: 'text', contains: true, range: false },
  phone: { unique: true, sort: 'text', contains: true, range: false },
  email: { unique: true, sort: 'text', contains: true, range: false },
};

export const isSelect = (type: FieldType) => type === 'single_select' || type === 'multi_select';

/** Field keys are JSON keys and appear literally in index expressions, so they are plain identifiers. */
export const FIELD_KEY = /^[a-z][a-z0-9_]{0,29}$/;

/** Each indexed field adds work to every insert and update of the record table. */
export const MAX_INDEXED_FIELDS = 20;
export const MAX_ACTIVE_FIELDS = 200;
