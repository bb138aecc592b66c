import { hasCapability, type Principal } from '../../platform/access/principal.ts';
import type { FieldDefinition } from './custom-fields.schema.ts';
import type { FieldDto } from './custom-fields.types.ts';

export const MANAGE_CUSTOM_FIELDS = 'custom_fields.manage';

export function presentField(p: Principal, d: FieldDefinition): FieldDto {
  const manage = hasCapability(p, MANAGE_CUSTOM_FIELDS);
  return {
    id: d.id,
    objectType: d.objectType,
    key: d.key,
    label: d.label,
    type: d.type,
    options: d.options,
    required: d.required,
    unique: d.unique,
    indexed: d.indexed,
    defaultValue: d.defaultValue ?? null,
    helpText: d.helpText,
    group: d.group,
    position: d.position,
    archived: !!d.archivedAt,
    archivedAt: d.archivedAt?.toISOString() ?? null,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    permissions: { update: manage && !d.archivedAt, archive: manage && !d.archivedAt, restore: manage && !!d.archivedAt },
  };
}
