import { buildSearchDocument } from '../../platform/text/search-document.ts';
import { sortKey } from '../../platform/text/sort-key.ts';

export interface AccountSearchFields {
  name: string;
  shortName: string | null;
  englishName: string | null;
  formerNames: string[];
  phones: string[];
  emails: string[];
  creditCode: string | null;
}

/** The derived columns stored with every account write: sort key and search columns. */
export function accountDerivedColumns(a: AccountSearchFields) {
  return {
    nameSort: sortKey(a.name),
    ...buildSearchDocument({
      names: [a.name, a.shortName, a.englishName, ...a.formerNames],
      phones: a.phones,
      emails: a.emails,
      codes: [a.creditCode],
    }),
  };
}
