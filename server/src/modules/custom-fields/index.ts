/**
 * What record modules (accounts, contacts, activities, …) use of custom fields. Nothing else of
 * this module is meant to be imported. A record module:
 *
 *   schema:    custom: customColumn(),  and  customGinIndex('accounts', t.custom)  among its indexes
 *   objects:   registerCustomFieldTarget({ objectType: 'account', table: accounts })
 *   types:     body  custom: customInputSchema.optional();  response  custom: customOutputSchema
 *              list  customFilters: customFiltersParam,  sort: z.union([z.enum(builtIn), customSortField])
 *   create:    const custom = await validateCustom(tx, p.tenantId, 'account', input.custom, { mode: 'create' })
 *   update:    await validateCustom(tx, p.tenantId, 'account', input.custom, { mode: 'update', existing: before.custom, recordId: id })
 *   audit:     changes: { ...diff(before, after, audited), ...diffCustom(before.custom, after.custom) }
 *   list:      const defs = await loadCustomFields(db, p.tenantId, 'account');
 *              conds.push(customFilterSql(accounts, defs, q.customFilters));
 *              const key = customSortKey(q.sort)  →  customSort(accounts, defs, key, order): where, orderBy, cursorValue, after(cursor)
 *   present:   custom: presentCustom(defs, row.custom);  exports: formatCustomValue(def, value, locale)
 */
import { z } from 'zod';

export { customColumn, customGinIndex, registerCustomFieldTarget, type CustomFieldTable, type CustomValues } from './targets.ts';
export { loadCustomFields, cachedCustomFields, activeFields } from './custom-fields.queries.ts';
export type { FieldDefinition } from './custom-fields.schema.ts';
export { fieldTypes, typeTraits, type FieldType } from './field-types.ts';
export { customFieldsSchema, type CustomMode } from './values/custom-schema.ts';
export { validateCustom, checkUserValues, type ValidateCustomOptions } from './values/validate-custom.ts';
export { presentCustom, diffCustom } from './values/present-custom.ts';
export { customJsonSchema } from './values/json-schema.ts';
export { customFilterSql, customFiltersParam, customFiltersSchema, type CustomFilters } from './query/filters.ts';
export { customSort, customSortField, customSortKey, sortValueOf, type CustomSort } from './query/sort.ts';
export { formatCustomValue } from './values/format-custom.ts';
export { syncFieldIndexes, syncAllFieldIndexes } from './indexes/sync-indexes.ts';

const openObjectNote = 'customer-defined fields by key; which exist differs per company and changes at any time: GET /api/v1/custom-fields/openapi/{objectType} returns their exact JSON Schema';

/** `custom` in create/update bodies: an open object, validated per company by validateCustom. */
export const customInputSchema = z.record(z.string(), z.unknown()).describe(`${openObjectNote}. On update, send only the fields to change; null clears one.`);
/** `custom` in responses: values of the active fields (presentCustom). */
export const customOutputSchema = z.record(z.string(), z.unknown()).describe(openObjectNote);
