import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import type { Contact, CustomField } from '../../app/api/schemas';
import { formatDateTime, formatPhone } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { CustomFieldsDescriptions } from '../custom-fields/CustomFieldsDescriptions';

const orDash = (v: string | null | undefined) => v || '—';

/** A contact's fields, then their custom fields; those the reader's role hides are absent and left out. */
export function ContactDetails({ contact: c, defs }: { contact: Contact; defs: CustomField[] }) {
  const t = useT();
  const columns = useIsMobile() ? 1 : 2;
  const present = (value: unknown, item: { key: string; label: string; children: ReactNode }) => (value === undefined ? [] : [item]);
  return (
    <>
      <Descriptions
        size="small"
        column={columns}
        items={[
          { key: 'name', label: t('contact.name'), children: c.name },
          { key: 'gender', label: t('contact.gender'), children: c.gender ? t(c.gender === 'male' ? 'contact.gender.male' : 'contact.gender.female') : '—' },
          { key: 'title', label: t('contact.title'), children: orDash(c.title) },
          { key: 'department', label: t('contact.department'), children: orDash(c.department) },
          ...present(c.phones, { key: 'phones', label: t('contact.phones'), children: c.phones?.length ? c.phones.map(formatPhone).join('，') : '—' }),
          ...present(c.emails, { key: 'emails', label: t('contact.emails'), children: c.emails?.length ? c.emails.join('，') : '—' }),
          ...present(c.wechat, { key: 'wechat', label: t('contact.wechat'), children: orDash(c.wechat) }),
          ...present(c.birthday, { key: 'birthday', label: t('contact.birthday'), children: orDash(c.birthday) }),
          { key: 'owner', label: t('contact.owner'), children: orDash(c.ownerName) },
          { key: 'unit', label: t('contact.unit'), children: orDash(c.unitName) },
          { key: 'notes', label: t('contact.notes'), span: 'filled', children: <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(c.notes)}</span> },
          { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(c.createdAt) },
          { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(c.updatedAt) },
        ]}
      />
      <CustomFieldsDescriptions defs={defs} values={c.custom} columns={columns} />
    </>
  );
}

/** The accounts a contact works with (those the reader may see), with the role there. */
export function ContactAccounts({ contact }: { contact: Contact }) {
  const t = useT();
  if (!contact.accounts.length) return <Empty description={t('contact.accounts.none')} />;
  return (
    <Flex vertical gap={8}>
      {contact.accounts.map((l) => (
        <div key={l.accountId} data-testid="contact-account">
          <Link to={`/accounts/${l.accountId}`}>{l.accountName}</Link>
          {l.isPrimary && <Tag color="blue" style={{ marginInlineStart: 6 }}>{t('contact.primary')}</Tag>}
          {l.role && <Typography.Text type="secondary"> · {l.role}</Typography.Text>}
        </div>
      ))}
    </Flex>
  );
}
