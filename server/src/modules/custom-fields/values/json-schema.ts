import type { Locale } from '../../../platform/access/principal.ts';
import type { FieldDefinition } from '../custom-fields.schema.ts';
import type { FieldType } from '../field-types.ts';
import type { CustomMode } from './custom-schema.ts';

type JsonSchema = Record<string, unknown>;

const moneyPattern = '^-?\\d{1,15}(\\.\\d{1,2})?$';

function typeSchema(def: FieldDefinition, locale: Locale): JsonSchema {
  const active = def.options.filter((o) => !o.archived);
  const optionSchema: JsonSchema = {
    type: 'string',
    enum: active.map((o) => o.value),
    'x-kehu-option-labels': Object.fromEntries(active.map((o) => [o.value, o.label[locale]])),
  };
  const byType: Record<FieldType, JsonSchema> = {
    text: { type: 'string', maxLength: 500 },
    long_text: { type: 'string', maxLength: 20000 },
    number: { type: 'number' },
    money: { type: 'string', pattern: moneyPattern, description: 'decimal string, stored with 2 decimals' },
    date: { type: 'string', format: 'date' },
    datetime: { type: 'string', format: 'date-time', description: 'stored in UTC' },
    single_select: optionSchema,
    multi_select: { type: 'array', items: optionSchema, uniqueItems: true },
    boolean: { type: 'boolean' },
    user: { type: 'string', format: 'uuid', description: 'id of a user of the company' },
    region: { type: 'string', pattern: '^\\d{6}$', description: 'GB/T 2260 code of a province, city or district' },
    url: { type: 'string', format: 'uri' },
    phone: { type: 'string', description: 'stored as digits (+ and country code for numbers outside China)' },
    email: { type: 'string', format: 'email' },
  };
  return byType[def.type];
}

/**
 * The JSON Schema (2020-12) of one tenant's `custom` object for an object type. The static OpenAPI
 * document cannot know a tenant's fields, so it declares `custom` as an open object and points
 * integrators here (GET /api/v1/custom-fields/openapi/{objectType}), which always reflects the
 * fields as they are now.
 */
export function customJsonSchema(objectType: string, defs: FieldDefinition[], opts: { locale: Locale; mode: CustomMode }): JsonSchema {
  const active = defs.filter((d) => !d.archivedAt);
  const properties: Record<string, JsonSchema> = {};
  for (const def of active) {
    const base = typeSchema(def, opts.locale);
    properties[def.key] = {
      ...base,
      // null clears a field on update and means "no value" on create
      ...(opts.mode === 'update' && !def.required ? { type: [base.type, 'null'] } : {}),
      title: def.label[opts.locale],
      ...(def.helpText ? { description: [def.helpText[opts.locale], base.description].filter(Boolean).join(' — ') } : {}),
      ...(def.defaultValue != null ? { default: def.defaultValue } : {}),
      'x-kehu-type': def.type,
      'x-kehu-unique': def.unique,
      'x-kehu-filterable': def.indexed,
      ...(def.group ? { 'x-kehu-group': def.group } : {}),
    };
  }
  const required = opts.mode === 'create' ? active.filter((d) => d.required && d.defaultValue == null).map((d) => d.key) : [];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `custom (${objectType}, ${opts.mode})`,
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}
