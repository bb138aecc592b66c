import type { PageDefinition } from '../app/shell/page-definition';
import { apiKeysPages } from './api-keys/api-keys.pages';
import { auditLogPages } from './audit-log/audit-log.pages';
import { orgPages } from './org/org.pages';
import { recycleBinPages } from './recycle-bin/recycle-bin.pages';
import { sessionPages } from './session/session.pages';

/** Every page of the web app, by capability, mirroring server/src/modules. Adding a module means one line here. */
export const pages: PageDefinition[] = [...orgPages, ...auditLogPages, ...recycleBinPages, ...apiKeysPages, ...sessionPages];
