import { and, eq, sql } from 'drizzle-orm';
import { can, inScope } from '../../../platform/access/principal.ts';
import { audit, diff } from '../../../platform/audit/audit.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import { newId } from '../../../platform/db/ids.ts';
import { accountContacts, contacts } from '../../contacts/contacts.schema.ts';
import { auditedContactFields } from '../../contacts/contacts.commands.ts';
import { contactDerivedColumns } from '../../contacts/contacts.search-columns.ts';
import { formatCustomValue, loadCustomFields } from '../../custom-fields/index.ts';
import { rowsOf } from '../../search/fenced-query.ts';
import { reason } from '../issue-reasons.ts';
import { customImportFields, customValues, RowChecker } from './field-values.ts';
import { registerImportTarget, type ImportField } from './import-target.ts';
import { loadUserNames, ownershipResolver } from './lookups.ts';

const f = (key: string, zh: string, en: string, aliases: string[], required = false): ImportField => ({
  key, label: { 'zh-CN': zh, 'en-US': en }, required, aliases: [zh, en, key, ...aliases],
});

export const contactImportFields: ImportField[] = [
  f('name', '姓名', 'Name', ['联系人', '联系人姓名', '名字', 'contact', 'contactname', 'fullname', 'name', 'lastname'], true),
  f('title', '职位', 'Title', ['职务', '头衔', 'jobtitle', 'position', 'title']),
  f('department', '部门', 'Department', ['所在部门', 'department', 'dept']),
  f('phones', '电话', 'Phone', ['手机', '手机号', '手机号码', '固定电话', '座机', '联系电话', '办公电话', 'mobile', 'telephone', 'tel', 'phone']),
  f('emails', '邮箱', 'E-mail', ['电子邮箱', '电子邮件', 'email', 'e-mail', 'mail']),
  f('wechat', '微信', 'WeChat', ['微信号', 'wechat', 'weixin']),
  f('gender', '性别', 'Gender', ['sex', 'gender']),
  f('birthday', '生日', 'Birthday', ['出生日期', 'birthday', 'birthdate', 'dob']),
  f('notes', '备注', 'Notes', ['说明', 'note', 'notes', 'remark', 'remarks']),
  f('account', '客户名称', 'Account', ['所属客户', '客户', '公司', '公司名称', '单位', '单位名称', '企业名称', 'company', 'account', 'accountname', 'organisation', 'organization']),
  f('owner', '负责人', 'Owner', ['业务员', '客户经理', 'owner']),
];

const genders: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', m: 'male', f: 'female', male: 'male', female: 'female', 先生: 'male', 女士: 'female' };

export interface ContactImport {
  values: {
    name: string; title: string | null; department: string | null; phones: string[]; emails: string[]; wechat: string | null;
    gender: 'male' | 'female' | null; birthday: string | null; notes: string | null; organisation: string | null;
  };
  account: string | null;
  custom: Record<string, unknown>;
  ownerId?: string;
  present: Set<string>;
}

/**
 * Contacts: a row's company (客户名称) links the contact to the live account of exactly that name
 * in the importer's scope; an unknown company is kept as the contact's organisation, as on a card.
 * Duplicates: the same phone number or e-mail address.
 */
export const contactsImportTarget = registerImportTarget<ContactImport>({
  name: 'contacts',
  object: 'contact',
  label: { 'zh-CN': '联系人', 'en-US': 'Contacts' },
  analyze: ['contacts', 'account_contacts'],
  fields: async (db, tenantId) => [...contactImportFields, ...customImportFields(await loadCustomFields(db, tenantId, 'contact'))],

  async open(db, ctx, opts) {
    const p = ctx.principal;
    const defs = await loadCustomFields(db, p.tenantId, 'contact');
    const userByName = await loadUserNames(db, p.tenantId);
    const owners = ownershipResolver(p, 'contact', { ownerId: opts.ownerId, unitId: opts.unitId });
    const labels = Object.fromEntries(contactImportFields.map((x) => [x.key, x.label[ctx.locale ?? 'zh-CN']]));
    const ownershipOf = async (tx: Executor, records: ContactImport[]) => {
      await owners.prepare(tx, records.map((r) => r.ownerId).filter((id): id is string => !!id));
      return records.map((r) => owners.get(r.ownerId)!);
    };

    const duplicateKeys = (r: ContactImport) => [...r.values.phones.map((x) => `t:${x}`), ...r.values.emails.map((x) => `m:${x}`)];

    return {
      convert(values) {
        const check = new RowChecker(values, (field) => labels[field] ?? field);
        const name = check.text('name', 100, true);
        let gender: 'male' | 'female' | null = null;
        if (check.has('gender')) {
          gender = genders[check.raw('gender').toLowerCase()] ?? null;
          if (!gender) check.add('gender', check.raw('gender'), reason('unknown_gender'));
        }
        let ownerId: string | undefined;
        if (check.has('owner')) {
          ownerId = userByName(check.raw('owner'));
          if (!ownerId) check.add('owner', check.raw('owner'), reason('unknown_user'));
        }
        const account = check.text('account', 200);
        const record: ContactImport = {
          values: {
            name: name ?? '',
            title: check.text('title', 100),
            department: check.text('department', 100),
            phones: check.phones('phones'),
            emails: check.emails('emails'),
            wechat: check.text('wechat', 100),
            gender,
            birthday: check.date('birthday'),
            notes: check.text('notes', 2000),
            organisation: account,
          },
          account,
          custom: customValues(defs, check, userByName),
          ownerId,
          present: new Set(Object.keys(values).filter((k) => values[k]?.trim())),
        };
        return check.issues.length ? { issues: check.issues } : { record, issues: [] };
      },

      async check(tx, records) {
        const ownership = await ownershipOf(tx, records);
        return records.map((r, i) => (ownership[i] ? [] : [{ column: labels.owner, value: r.ownerId ?? '', reason: reason('out_of_scope') }]));
      },

      duplicateKeys,

      async findExisting(tx, records) {
        const phones = [...new Set(records.flatMap((r) => r.values.phones))];
        const emails = [...new Set(records.flatMap((r) => r.values.emails))];
        if (!phones.length && !emails.length) return records.map(() => null);
        const arr = (list: string[]) => sql`array[${sql.join(list.map((x) => sql`${x}`), sql`, `)}]::text[]`;
        const found = rowsOf<{ id: string; name: string; phones: string[]; emails: string[]; owner_id: string; unit_id: string }>(await tx.execute(sql`
          select id, name, phones, emails, owner_id, unit_id from contacts
          where tenant_id = ${p.tenantId} and deleted_at is null
            and (${phones.length ? sql`phones && ${arr(phones)}` : sql`false`} or ${emails.length ? sql`emails && ${arr(emails)}` : sql`false`})`));
        const byKey = new Map<string, (typeof found)[number]>();
        for (const c of found) for (const k of [...c.phones.map((x) => `t:${x}`), ...c.emails.map((x) => `m:${x}`)]) if (!byKey.has(k)) byKey.set(k, c);
        return records.map((r) => {
          const key = duplicateKeys(r).find((k) => byKey.has(k));
          if (!key) return null;
          const hit = byKey.get(key)!;
          return { id: hit.id, label: hit.name, key, changeable: can(p, 'contact', 'update') && inScope(p, 'contact', { ownerId: hit.owner_id, unitId: hit.unit_id }) };
        });
      },

      async insert(tx, rows) {
        if (!rows.length) return [];
        const ownership = await ownershipOf(tx, rows.map((r) => r.record));
        const ids = rows.map(() => newId());
        const now = new Date();
        await tx.insert(contacts).values(rows.map(({ record }, i) => ({
          tenantId: p.tenantId, id: ids[i], ...record.values, custom: record.custom, ...ownership[i],
          ...contactDerivedColumns(record.values), createdAt: now, updatedAt: now, createdBy: p.userId, updatedBy: p.userId,
        })));
        // Links to accounts named exactly, visible to the importer: one query for the batch.
        const names = [...new Set(rows.map((r) => r.record.account).filter((n): n is string => !!n))];
        if (names.length) {
          const accounts = rowsOf<{ id: string; name: string; owner_id: string; unit_id: string }>(await tx.execute(sql`
            select id, name, owner_id, unit_id from accounts
            where tenant_id = ${p.tenantId} and deleted_at is null and name in (${sql.join(names.map((n) => sql`${n}`), sql`, `)})`));
          const byName = new Map<string, string | null>();
          for (const a of accounts) {
            if (!inScope(p, 'account', { ownerId: a.owner_id, unitId: a.unit_id })) continue;
            byName.set(a.name, byName.has(a.name) ? null : a.id);
          }
          const links = rows
            .map((r, i) => ({ accountId: r.record.account ? byName.get(r.record.account) : null, contactId: ids[i] }))
            .filter((l): l is { accountId: string; contactId: string } => !!l.accountId)
            .map((l) => ({ tenantId: p.tenantId, ...l, createdBy: p.userId }));
          if (links.length) await tx.insert(accountContacts).values(links).onConflictDoNothing();
        }
        return ids;
      },

      async update(tx, id, record) {
        const [before] = await tx.select().from(contacts).where(and(eq(contacts.tenantId, p.tenantId), eq(contacts.id, id)));
        if (!before) return;
        const has = (k: string) => record.present.has(k);
        const v = record.values;
        const merged = {
          ...before,
          ...(has('name') ? { name: v.name } : {}),
          ...(has('title') ? { title: v.title } : {}),
          ...(has('department') ? { department: v.department } : {}),
          phones: [...new Set([...before.phones, ...v.phones])].slice(0, 20),
          emails: [...new Set([...before.emails, ...v.emails])].slice(0, 20),
          ...(has('wechat') ? { wechat: v.wechat } : {}),
          ...(has('gender') ? { gender: v.gender } : {}),
          ...(has('birthday') ? { birthday: v.birthday } : {}),
          ...(has('notes') ? { notes: v.notes } : {}),
          custom: { ...before.custom, ...record.custom },
        };
        await tx
          .update(contacts)
          .set({ ...merged, ...contactDerivedColumns(merged), version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
          .where(and(eq(contacts.tenantId, p.tenantId), eq(contacts.id, id)));
        await audit(tx, ctx.actor, { action: 'update', objectType: 'contact', objectId: id, objectLabel: merged.name, changes: diff(before, merged, auditedContactFields) });
      },

      display: (r) => {
        const v = r.values;
        const out: Record<string, string> = {
          name: v.name, title: v.title ?? '', department: v.department ?? '', phones: v.phones.join(', '), emails: v.emails.join(', '),
          wechat: v.wechat ?? '', gender: v.gender ?? '', birthday: v.birthday ?? '', notes: v.notes ?? '', account: r.account ?? '', owner: r.ownerId ?? '',
        };
        for (const def of defs) if (r.custom[def.key] !== undefined) out[`custom.${def.key}`] = formatCustomValue(def, r.custom[def.key], ctx.locale ?? 'zh-CN');
        return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== ''));
      },

      label: (r) => r.values.name,
    };
  },
});
