import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Spin, Tag } from 'antd';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { formatDateTime, formatPhone } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { PageHeader } from '../../app/shell/PageHeader';
import { ConvertLeadModal } from './ConvertLeadModal';
import { LeadFormModal } from './LeadFormModal';

/** One lead: who, from where, how qualified; converted leads link to what they became. */
export default function LeadPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  const [converting, setConverting] = useState(false);
  const lead = useApi(() => call(api.GET('/api/v1/leads/{id}', { params: { path: { id } } })), [id]);
  const l = lead.data;
  if (!l) return <Spin spinning={lead.loading}><div style={{ minHeight: 200 }} /></Spin>;
  return (
    <>
      <PageHeader
        title={<>{l.name} <Tag>{t(`lead.status.${l.status}`)}</Tag></>}
        extra={
          <>
            {l.permissions.update && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
            {l.permissions.convert && <Button type="primary" onClick={() => setConverting(true)} data-testid="lead-convert">{t('lead.convert')}</Button>}
          </>
        }
      />
      {l.status === 'converted' && (
        <Card size="small" title={t('lead.convertedTo')} style={{ marginBottom: 16 }} data-testid="lead-converted">
          <Descriptions column={isMobile ? 1 : 3} size="small">
            <Descriptions.Item label={t('opp.account')}>{l.convertedAccount ? <Link to={`/accounts/${l.convertedAccount.id}`}>{l.convertedAccount.name ?? '—'}</Link> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('opp.contacts')}>{l.convertedContact ? <Link to={`/contacts/${l.convertedContact.id}`}>{l.convertedContact.name ?? '—'}</Link> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('nav.opportunities')}>{l.convertedOpportunity ? <Link to={`/opportunities/${l.convertedOpportunity.id}`} data-testid="lead-opportunity-link">{l.convertedOpportunity.name ?? '—'}</Link> : '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card>
        <Descriptions column={isMobile ? 1 : 2} size="small">
          <Descriptions.Item label={t('lead.companyName')}>{l.companyName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lead.title.field')}>{l.title ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lead.phones')}>{(l.phones ?? []).map(formatPhone).join(', ') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lead.emails')}>{(l.emails ?? []).join(', ') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lead.source')}>{t(`lead.source.${l.source}`)}{l.sourceDetail ? ` · ${l.sourceDetail}` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('lead.rating')}>{l.rating ? t(`lead.rating.${l.rating}`) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lead.estimatedAmount')}>{l.estimatedAmount ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lead.owner')}>{l.ownerName} · {l.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('lead.qualification')} span={2}>{l.qualification ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lead.notes')} span={2}>{l.notes ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(l.createdAt)}</Descriptions.Item>
          {l.convertedAt && <Descriptions.Item label={t('lead.converted')}>{formatDateTime(l.convertedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {editing && <LeadFormModal lead={l} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); lead.reload(); }} />}
      {converting && (
        <ConvertLeadModal
          lead={l}
          onClose={() => setConverting(false)}
          onDone={(r) => {
            setConverting(false);
            void message.success(t('lead.converted'));
            if (r.opportunityId) void navigate(`/opportunities/${r.opportunityId}`);
            else lead.reload();
          }}
        />
      )}
    </>
  );
}
