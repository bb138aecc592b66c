import type { Locale, Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { presentContact } from '../contacts/contacts.presenter.ts';
import { listContacts } from '../contacts/contacts.queries.ts';
import type { ContactDto, ListContactsQuery } from '../contacts/contacts.types.ts';
import { formatCustomValue, loadCustomFields, type FieldDefinition } from '../custom-fields/index.ts';
import { contactImportFields } from '../imports/targets/contacts.target.ts';
import { chooseColumns, EXPORT_PAGE } from './account-export.ts';

type Label = Record<Locale, string>;
interface Column {
  key: string;
  label: Label;
  value(c: ContactDto, locale: Locale): string;
}

const importLabel = (key: string): Label => contactImportFields.find((f) => f.key === key)!.label;
const list = (v: string[] | undefined, locale: Locale) => (v ?? []).join(locale === 'zh-CN' ? '、' : ', ');
const genders: Record<string, Label> = { male: { 'zh-CN': '男', 'en-US': 'male' }, female: { 'zh-CN': '女', 'en-US': 'female' } };

/** Contact columns; headers are the import's field names, so an export imports back as it is. */
export const contactColumns: Column[] = [
  { key: 'name', label: importLabel('name'), value: (c) => c.name },
  { key: 'title', label: importLabel('title'), value: (c) => c.title ?? '' },
  { key: 'department', label: importLabel('department'), value: (c) => c.department ?? '' },
  { key: 'phones', label: importLabel('phones'), value: (c, l) => list(c.phones, l) },
  { key: 'emails', label: importLabel('emails'), value: (c, l) => list(c.emails, l) },
  { key: 'wechat', label: importLabel('wechat'), value: (c) => c.wechat ?? '' },
  { key: 'gender', label: importLabel('gender'), value: (c, l) => (c.gender ? genders[c.gender][l] : '') },
  { key: 'birthday', label: importLabel('birthday'), value: (c) => c.birthday ?? '' },
  { key: 'notes', label: importLabel('notes'), value: (c) => c.notes ?? '' },
  { key: 'account', label: importLabel('account'), value: (c) => c.accounts.map((a) => a.accountName).join('、') || (c.organisation ?? '') },
  { key: 'owner', label: importLabel('owner'), value: (c) => c.ownerName ?? '' },
  { key: 'createdAt', label: { 'zh-CN': '创建时间', 'en-US': 'Created' }, value: (c) => c.createdAt.slice(0, 19).replace('T', ' ') },
];

const customColumn = (def: FieldDefinition): Column => ({
  key: `custom.${def.key}`,
  label: def.label as Label,
  value: (c, l) => formatCustomValue(def, c.custom[def.key], l),
});

/** The caller's contact list view, every page of it, through the scoped list query and the presenter. */
export async function* contactExportRows(db: Executor, p: Principal, q: ListContactsQuery, columns: string[] | undefined, locale: Locale): AsyncGenerator<string[]> {
  const defs = await loadCustomFields(db, p.tenantId, 'contact');
  const chosen = chooseColumns([...contactColumns, ...defs.filter((d) => !d.archivedAt).map(customColumn)] as never, columns) as unknown as Column[];
  yield chosen.map((c) => c.label[locale]);
  let cursor: string | undefined;
  for (;;) {
    const page = await listContacts(db, p, { ...q, cursor, limit: EXPORT_PAGE, count: 'false' }, defs);
    for (const row of page.items) {
      const dto = presentContact(p, row, defs);
      yield chosen.map((c) => c.value(dto, locale));
    }
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
