import { Link } from 'react-router';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import type { ContactRow } from '../../app/api/schemas';
import { formatPhone } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';

/** The accounts a contact works with, each a link, with the role there. */
export function AccountLinks({ c }: { c: ContactRow }) {
  if (!c.accounts?.length) return <>—</>;
  return (
    <Flex vertical>
      {c.accounts.map((l) => (
        <Link key={l.accountId} to={`/accounts/${l.accountId}`}>
          {l.accountName}
          {l.role && <Typography.Text type="secondary"> · {l.role}</Typography.Text>}
        </Link>
      ))}
    </Flex>
  );
}

/** On a phone each contact is a card: name, title, accounts, phones and e-mails. */
export function ContactCards({ items, loading }: { items: ContactRow[]; loading: boolean }) {
  const t = useT();
  return (
    <Flex vertical gap={8}>
      {items.map((c) => (
        <Card key={c.id} size="small" data-testid="contact-card">
          <Link to={`/contacts/${c.id}`}>
            <Typography.Text strong>{c.name}</Typography.Text>
          </Link>
          {(c.title || c.department) && <Typography.Text type="secondary"> {[c.title, c.department].filter(Boolean).join(' · ')}</Typography.Text>}
          <div style={{ marginTop: 4 }}>
            <AccountLinks c={c} />
          </div>
          {!!(c.phones?.length || c.emails?.length) && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {[...(c.phones ?? []).map(formatPhone), ...(c.emails ?? [])].join(' · ')}
            </Typography.Text>
          )}
        </Card>
      ))}
      {loading && <Spin />}
      {!loading && !items.length && <Empty description={t('common.noResults')} />}
    </Flex>
  );
}
