import { can, type Principal } from '../../platform/access/principal.ts';
import { applyRecordFieldRules } from '../accounts/field-masks.ts';
import { presentCustom, type FieldDefinition } from '../custom-fields/index.ts';
import type { ContactRecord } from './contacts.queries.ts';
import type { ContactDto } from './contacts.types.ts';

/** Like presentAccount: sensitive fields masked, custom values of active fields (`defs`) only. */
export function presentContact(p: Principal, c: ContactRecord, defs: FieldDefinition[]): ContactDto {
  const dto: ContactDto = {
    id: c.id,
    name: c.name,
    title: c.title,
    department: c.department,
    phones: c.phones,
    emails: c.emails,
    wechat: c.wechat,
    birthday: c.birthday,
    gender: c.gender,
    notes: c.notes,
    organisation: c.organisation,
    hasPhoto: c.hasPhoto,
    custom: presentCustom(defs, c.custom),
    ownerId: c.ownerId,
    ownerName: c.ownerName,
    unitId: c.unitId,
    unitName: c.unitName,
    accounts: c.accounts,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    permissions: { update: can(p, 'contact', 'update'), delete: can(p, 'contact', 'delete'), assign: can(p, 'contact', 'assign') },
  };
  return applyRecordFieldRules(p, 'contact', dto);
}
