import { registerTenantSetup } from '../../../platform/tenancy/tenant-setup.ts';
import { lookupValues } from '../accounts.schema.ts';

export const ACCOUNT_TYPE_LIST = 'account_type';

/** The customer types the seeds name (shipping agency, lubricant maker, refiner, pharma); tenants edit them. */
export const defaultAccountTypes = [
  { key: 'cargo_owner', labelZh: '货主', labelEn: 'Cargo owner' },
  { key: 'ship_owner', labelZh: '船东', labelEn: 'Ship owner' },
  { key: 'government', labelZh: '政府机构', labelEn: 'Government' },
  { key: 'inspection_agency', labelZh: '检验机构', labelEn: 'Inspection agency' },
  { key: 'distributor', labelZh: '经销商', labelEn: 'Distributor' },
  { key: 'terminal', labelZh: '终端', labelEn: 'Terminal' },
  { key: 'key_account', labelZh: '大客户', labelEn: 'Key account' },
  { key: 'other', labelZh: '其他', labelEn: 'Other' },
] as const;

registerTenantSetup('account-types', async (db, tenantId) => {
  await db
    .insert(lookupValues)
    .values(defaultAccountTypes.map((t, i) => ({ tenantId, list: ACCOUNT_TYPE_LIST, ...t, sortOrder: (i + 1) * 10 })))
    .onConflictDoNothing();
});
