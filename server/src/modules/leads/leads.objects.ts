import { registerObjectType } from '../../platform/access/permissions.ts';
import { registerCustomFieldTarget } from '../custom-fields/index.ts';
import { leads } from './leads.schema.ts';

const leadActions = ['read', 'create', 'update', 'delete', 'export', 'assign', 'import'] as const;

/** Leads are worked by reps and handed out by managers (assign); head office reads them all for source analysis. */
export const leadObject = registerObjectType({
  type: 'lead',
  label: { 'zh-CN': '线索', 'en-US': 'Lead' },
  actions: leadActions,
  sensitiveFields: ['phones', 'emails'],
  defaultGrants: {
    admin: { actions: [...leadActions], scope: 'all' },
    head_office: { actions: ['read', 'export'], scope: 'all' },
    branch_manager: { actions: [...leadActions], scope: 'subtree' },
    sales_rep: { actions: ['read', 'create', 'update'], scope: 'own' },
  },
});

registerCustomFieldTarget({ objectType: 'lead', table: leads });
