import { applyFieldRules } from '../../platform/access/fields.ts';
import { can, type Principal } from '../../platform/access/principal.ts';
import { presentCustom, type FieldDefinition } from '../custom-fields/index.ts';
import type { LeadRecord } from './leads.queries.ts';
import type { LeadDto } from './leads.types.ts';

const link = (id: string | null, name: string | null) => (id ? { id, name } : null);

/** The only way a lead leaves the server. Converting needs update on the lead; the command checks the rest. */
export function presentLead(p: Principal, l: LeadRecord, defs: FieldDefinition[]): LeadDto {
  const dto: LeadDto = {
    id: l.id,
    name: l.name,
    companyName: l.companyName,
    title: l.title,
    phones: l.phones,
    emails: l.emails,
    provinceCode: l.provinceCode,
    cityCode: l.cityCode,
    address: l.address,
    source: l.source,
    sourceDetail: l.sourceDetail,
    status: l.status,
    rating: l.rating,
    qualification: l.qualification,
    estimatedAmount: l.estimatedAmount,
    notes: l.notes,
    unqualifiedReason: l.unqualifiedReason,
    convertedAt: l.convertedAt?.toISOString() ?? null,
    convertedAccount: link(l.convertedAccountId, l.accountName),
    convertedContact: link(l.convertedContactId, l.contactName),
    convertedOpportunity: link(l.convertedOpportunityId, l.opportunityName),
    ownerId: l.ownerId,
    ownerName: l.ownerName,
    unitId: l.unitId,
    unitName: l.unitName,
    custom: presentCustom(defs, l.custom),
    version: l.version,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    permissions: {
      update: can(p, 'lead', 'update') && l.status !== 'converted',
      delete: can(p, 'lead', 'delete'),
      assign: can(p, 'lead', 'assign'),
      convert: can(p, 'lead', 'update') && l.status !== 'converted' && can(p, 'account', 'read'),
    },
  };
  return applyFieldRules(p, 'lead', dto);
}
