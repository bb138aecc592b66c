import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useCursorList } from '../../app/api/use-cursor-list';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDate, formatPhone } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { PageHeader } from '../../app/shell/PageHeader';
import { LeadFormModal } from './LeadFormModal';
import { leadSources, leadStatuses, type LeadRow } from './leads-api';

const statusColor = { new: 'blue', contacted: 'cyan', qualified: 'green', unqualified: 'default', converted: 'purple' } as const;

/** Leads the user may see, newest first, by status and source. */
export default function LeadListPage() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [status, setStatus] = useState<(typeof leadStatuses)[number][]>(['new', 'contacted', 'qualified']);
  const [source, setSource] = useState<(typeof leadSources)[number]>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useCursorList(
    (cursor) => call(api.GET('/api/v1/leads', { params: { query: { status: status.length ? status.join(',') : undefined, source, q: q || undefined, cursor, limit: 50 } } })),
    [status.join(','), source, q],
  );
  return (
    <>
      <PageHeader
        title={t('lead.title')}
        extra={access.can('lead', 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="lead-add">{t('lead.add')}</Button>}
      />
      <Card size={isMobile ? 'small' : 'default'}>
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Select mode="multiple" allowClear aria-label={t('lead.status')} placeholder={t('lead.status')} style={{ minWidth: 240 }} value={status} onChange={setStatus}
            options={leadStatuses.map((s) => ({ value: s, label: t(`lead.status.${s}`) }))} />
          <Select allowClear aria-label={t('lead.source')} placeholder={t('lead.source')} style={{ width: 160 }} value={source} onChange={setSource}
            options={leadSources.map((s) => ({ value: s, label: t(`lead.source.${s}`) }))} />
          <Input.Search allowClear placeholder={t('lead.search')} style={{ width: 240 }} onSearch={(v) => setQ(v.trim())} />
        </Flex>
        <Table<LeadRow>
          size="small"
          rowKey={(r) => r.id!}
          loading={list.loading}
          pagination={false}
          dataSource={list.items}
          scroll={{ x: 800 }}
          columns={[
            { title: t('lead.name'), render: (_, r) => <Link to={`/leads/${r.id}`}>{r.name}</Link> },
            { title: t('lead.companyName'), dataIndex: 'companyName' },
            { title: t('lead.phones'), render: (_, r) => (r.phones ?? []).map(formatPhone).join(', ') },
            { title: t('lead.source'), render: (_, r) => (r.source ? t(`lead.source.${r.source}`) : '') },
            { title: t('lead.status'), render: (_, r) => r.status && <Tag color={statusColor[r.status]}>{t(`lead.status.${r.status}`)}</Tag> },
            { title: t('lead.owner'), dataIndex: 'ownerName' },
            { title: t('common.createdAt'), render: (_, r) => formatDate(r.createdAt) },
          ]}
        />
        {list.hasMore && <Button block style={{ marginTop: 8 }} onClick={list.loadMore}>{t('common.loadMore')}</Button>}
      </Card>
      {creating && <LeadFormModal onClose={() => setCreating(false)} onSaved={(l) => void navigate(`/leads/${l.id}`)} />}
    </>
  );
}
