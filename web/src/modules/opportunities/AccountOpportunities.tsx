import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDate, formatMoney } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { CreateOpportunityModal } from './CreateOpportunityModal';

/** The account page's card of open deals, with a button to start one for this account. */
export function AccountOpportunities({ account }: { account: { id: string; name: string } }) {
  const t = useT();
  const { access } = useSignedIn();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const canRead = access.can('opportunity', 'read');
  const { data } = useApi(
    async () => (canRead ? (await call(api.GET('/api/v1/opportunities', { params: { query: { accountId: account.id, status: 'open', limit: 20, sort: 'expectedCloseDate', order: 'asc' } } }))).items : []),
    [account.id, canRead],
  );
  if (!canRead) return null;
  return (
    <Card
      size="small"
      title={t('opp.open')}
      extra={access.can('opportunity', 'create') && <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('opp.add')}</Button>}
      data-testid="account-opportunities"
    >
      {data?.length ? (
        <Flex vertical gap={6}>
          {data.map((o) => (
            <Flex key={o.id} justify="space-between" wrap gap={4}>
              <span><Link to={`/opportunities/${o.id}`}>{o.name}</Link> <Tag>{o.stageName}</Tag></span>
              <Typography.Text type="secondary">{formatMoney(o.amount)} · {formatDate(o.expectedCloseDate)}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opp.empty')} />}
      {creating && <CreateOpportunityModal account={account} onClose={() => setCreating(false)} onSaved={(o) => void navigate(`/opportunities/${o.id}`)} />}
    </Card>
  );
}
