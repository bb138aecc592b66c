import { buildSearchDocument } from '../../platform/text/search-document.ts';
import { sortKey } from '../../platform/text/sort-key.ts';

/** Derived columns of a contact: a person's name (surname readings), phones, e-mails, WeChat id. */
export function contactDerivedColumns(c: { name: string; phones: string[]; emails: string[]; wechat: string | null }) {
  return {
    nameSort: sortKey(c.name, { person: true }),
    ...buildSearchDocument({ names: [c.name], person: true, phones: c.phones, emails: c.emails, codes: [c.wechat] }),
  };
}
