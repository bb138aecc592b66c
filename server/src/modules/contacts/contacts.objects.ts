import { actions, registerObjectType } from '../../platform/access/permissions.ts';
import { customerGrants } from '../accounts/accounts.objects.ts';

export const contactObject = registerObjectType({
  type: 'contact',
  label: { 'zh-CN': '联系人', 'en-US': 'Contact' },
  actions,
  sensitiveFields: ['phones', 'emails', 'wechat', 'birthday'],
  defaultGrants: customerGrants,
});
