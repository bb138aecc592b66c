import type { PageDefinition } from '../app/shell/page-definition';
import { accountMergePages } from './account-merge/account-merge.pages';
import { accountsPages } from './accounts/accounts.pages';
import { apiKeysPages } from './api-keys/api-keys.pages';
import { auditLogPages } from './audit-log/audit-log.pages';
import { contactsPages } from './contacts/contacts.pages';
import { customFieldsPages } from './custom-fields/custom-fields.pages';
import { dedupPages } from './dedup/dedup.pages';
import { forecastPages } from './forecast/forecast.pages';
import { leadsPages } from './leads/leads.pages';
import { homePages } from './home/home.pages';
import { importsPages } from './imports/imports.pages';
import { ordersPages } from './orders/orders.pages';
import { priceListsPages } from './price-lists/price-lists.pages';
import { productsPages } from './products/products.pages';
import { quotesPages } from './quotes/quotes.pages';
import { receivablesPages } from './receivables/receivables.pages';
import { notificationsPages } from './notifications/notifications.pages';
import { opportunitiesPages } from './opportunities/opportunities.pages';
import { orgPages } from './org/org.pages';
import { pipelinesPages } from './pipelines/pipelines.pages';
import { poolPages } from './pool/pool.pages';
import { recycleBinPages } from './recycle-bin/recycle-bin.pages';
import { sessionPages } from './session/session.pages';
import { webhooksPages } from './webhooks/webhooks.pages';

/** Every page of the web app, by capability, mirroring server/src/modules. Adding a module means one line here. */
export const pages: PageDefinition[] = [
  ...accountsPages,
  ...contactsPages,
  ...poolPages,
  ...dedupPages,
  ...importsPages,
  ...accountMergePages,
  ...leadsPages,
  ...opportunitiesPages,
  ...forecastPages,
  ...homePages,
  ...quotesPages,
  ...ordersPages,
  ...receivablesPages,
  ...productsPages,
  ...priceListsPages,
  ...notificationsPages,
  ...pipelinesPages,
  ...orgPages,
  ...auditLogPages,
  ...recycleBinPages,
  ...apiKeysPages,
  ...webhooksPages,
  ...customFieldsPages,
  ...sessionPages,
];

/** The header's search box (every page). */
export { HeaderSearch } from './search/HeaderSearch';
