import type { PageDefinition } from '../app/shell/page-definition';
import { accountsPages } from './accounts/accounts.pages';
import { apiKeysPages } from './api-keys/api-keys.pages';
import { auditLogPages } from './audit-log/audit-log.pages';
import { contactsPages } from './contacts/contacts.pages';
import { customFieldsPages } from './custom-fields/custom-fields.pages';
import { orgPages } from './org/org.pages';
import { recycleBinPages } from './recycle-bin/recycle-bin.pages';
import { sessionPages } from './session/session.pages';

/** Every page of the web app, by capability, mirroring server/src/modules. Adding a module means one line here. */
export const pages: PageDefinition[] = [
  ...accountsPages,
  ...contactsPages,
  ...orgPages,
  ...auditLogPages,
  ...recycleBinPages,
  ...apiKeysPages,
  ...customFieldsPages,
  ...sessionPages,
];

/** The header's search box (every page). */
export { HeaderSearch } from './search/HeaderSearch';
