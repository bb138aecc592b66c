import { can, type Principal } from '../../platform/access/principal.ts';
import { presentCustom, type FieldDefinition } from '../custom-fields/index.ts';
import type { AccountRecord } from './accounts.queries.ts';
import type { AccountDto } from './accounts.types.ts';
import { applyRecordFieldRules } from './field-masks.ts';
import { regionName } from './regions/regions.ts';

/**
 * The only way an account leaves the server: what the caller may do with it, and sensitive fields
 * masked. `defs` are the tenant's account custom fields: values of archived ones are not shown.
 */
export function presentAccount(p: Principal, a: AccountRecord, defs: FieldDefinition[]): AccountDto {
  const dto: AccountDto = {
    id: a.id,
    kind: a.kind,
    name: a.name,
    shortName: a.shortName,
    englishName: a.englishName,
    formerNames: a.formerNames,
    creditCode: a.creditCode,
    provinceCode: a.provinceCode,
    cityCode: a.cityCode,
    districtCode: a.districtCode,
    regionName: regionName(a),
    address: a.address,
    phones: a.phones,
    emails: a.emails,
    website: a.website,
    industry: a.industry,
    type: a.type,
    tier: a.tier,
    source: a.source,
    tags: a.tags,
    creditLimit: a.creditLimit,
    custom: presentCustom(defs, a.custom),
    ownerId: a.ownerId,
    ownerName: a.ownerName,
    unitId: a.unitId,
    unitName: a.unitName,
    lastActivityAt: a.lastActivityAt?.toISOString() ?? null,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    // Records reach the presenter through the scoped queries, so the grant alone decides.
    permissions: { update: can(p, 'account', 'update'), delete: can(p, 'account', 'delete'), assign: can(p, 'account', 'assign') },
  };
  return applyRecordFieldRules(p, 'account', dto);
}
