import { actions, registerObjectType } from '../../platform/access/permissions.ts';
import { customerGrants } from '../accounts/accounts.objects.ts';
import { registerCustomFieldTarget } from '../custom-fields/index.ts';
import { contacts } from './contacts.schema.ts';

/**
 * Every action applies to contacts, 'import' (vCard upload) and 'export' (vCard download) included;
 * by default admins and branch managers may import, and head office may export as well.
 */
export const contactObject = registerObjectType({
  type: 'contact',
  label: { 'zh-CN': '联系人', 'en-US': 'Contact' },
  actions,
  sensitiveFields: ['phones', 'emails', 'wechat', 'birthday'],
  defaultGrants: customerGrants,
});

registerCustomFieldTarget({ objectType: 'contact', table: contacts });
