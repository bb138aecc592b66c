import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App, Button, Card, Col, Descriptions, Empty, Flex, Row, Select, Spin, Steps, Table, Tag, Typography } from 'antd';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDate, formatDateTime, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { PageHeader } from '../../app/shell/PageHeader';
import { activeStages, usePipelines } from '../pipelines/pipelines-api';
import { CloseDealModal } from './CloseDealModal';
import { EditOpportunityDrawer } from './EditOpportunityDrawer';
import { moveOpportunity } from './opportunities-api';
import { OpportunityActivities } from './OpportunityActivities';
import { QuoteFormModal } from '../quotes/QuoteFormModal';

const statusColor = { open: 'blue', won: 'green', lost: 'red' } as const;

/** One deal: where it stands, its stage path (move it from here too), what the rep knows, its history. */
export default function OpportunityPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { access } = useSignedIn();
  const [editing, setEditing] = useState(false);
  const [ordering, setOrdering] = useState(false);
  const [quoting, setQuoting] = useState(false);
  const [closingStage, setClosingStage] = useState<string>();
  const opp = useApi(() => call(api.GET('/api/v1/opportunities/{id}', { params: { path: { id } } })), [id]);
  const history = useApi(() => call(api.GET('/api/v1/opportunities/{id}/stage-history', { params: { path: { id } } })), [id, opp.data?.version]);
  const { data: pipelines } = usePipelines();
  const o = opp.data;
  if (!o) return <Spin spinning={opp.loading}><div style={{ minHeight: 200 }} /></Spin>;
  const stages = activeStages(pipelines?.find((p) => p.id === o.pipelineId));
  const openStages = stages.filter((s) => s.kind === 'open');
  const current = openStages.findIndex((s) => s.id === o.stageId);

  const move = async (stageId: string, close: { closeReason?: string; lostTo?: string } = {}) => {
    try {
      const moved = await moveOpportunity(o.id, { version: o.version, stageId, ...close });
      void message.success(t('opp.moved', { stage: moved.stageName ?? '' }));
    } catch (err) {
      report(err);
    } finally {
      opp.reload();
    }
  };
  const requestMove = (stageId: string) => {
    const s = stages.find((x) => x.id === stageId);
    if (!s || s.id === o.stageId) return;
    if (s.kind === 'open') void move(stageId);
    else setClosingStage(stageId);
  };
  const closing = stages.find((s) => s.id === closingStage);
  // A won deal becomes an order: its lines are copied and the order type's plan starts.
  const toOrder = async () => {
    setOrdering(true);
    try {
      const order = await call(api.POST('/api/v1/orders', { body: { accountId: o.accountId, opportunityId: o.id, currency: o.currency } }));
      void navigate(`/orders/${order.id}`);
    } catch (err) {
      report(err);
    } finally {
      setOrdering(false);
    }
  };

  return (
    <>
      <PageHeader
        title={<>{o.name} <Tag color={statusColor[o.status]}>{t(`opp.status.${o.status}`)}</Tag></>}
        extra={
          <>
            {o.permissions.update && (
              <Select
                style={{ width: 180 }}
                aria-label={t('opp.move')}
                placeholder={t('opp.move')}
                value={o.stageId}
                onChange={requestMove}
                options={stages.map((s) => ({ value: s.id, label: s.name }))}
                data-testid="opp-stage-select"
              />
            )}
            {o.permissions.update && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
            {o.status !== 'lost' && access.can('quote', 'create') && <Button onClick={() => setQuoting(true)} data-testid="opp-new-quote">{t('opp.newQuote')}</Button>}
            {o.status === 'won' && access.can('order', 'create') && (
              <Button type="primary" loading={ordering} onClick={() => void toOrder()} data-testid="opp-to-order">{t('order.fromOpportunity')}</Button>
            )}
          </>
        }
      >
        <Typography.Text type="secondary">
          <Link to={`/accounts/${o.accountId}`}>{o.accountName ?? '—'}</Link> · {o.pipelineName} · {o.ownerName} · {o.unitName}
        </Typography.Text>
      </PageHeader>
      {!isMobile && openStages.length > 0 && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Steps
            size="small"
            current={o.status === 'open' ? current : openStages.length}
            status={o.status === 'lost' ? 'error' : o.status === 'won' ? 'finish' : 'process'}
            items={[...openStages.map((s) => ({ title: s.name, description: `${s.probability}%` })), { title: o.status === 'lost' ? t('opp.status.lost') : t('opp.status.won') }]}
          />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={o.stageName}>
            <Descriptions column={isMobile ? 1 : 2} size="small">
              <Descriptions.Item label={t('opp.amount')}>{o.amount === undefined ? '—' : `${o.currency} ${formatMoney(o.amount)}`}</Descriptions.Item>
              <Descriptions.Item label={t('opp.probability')}>{o.probability}%</Descriptions.Item>
              <Descriptions.Item label={t('opp.weighted')}>{o.weightedAmount == null ? '—' : formatMoney(o.weightedAmount)}</Descriptions.Item>
              <Descriptions.Item label={t('opp.expectedCloseDate')}>
                <Typography.Text type={o.overdue ? 'danger' : undefined}>{formatDate(o.expectedCloseDate)}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('opp.committed')}>{o.committed ? t('common.yes') : t('common.no')}</Descriptions.Item>
              <Descriptions.Item label={t('opp.source')}>{o.source ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('opp.stageSince')}>{formatDateTime(o.stageEnteredAt)}</Descriptions.Item>
              <Descriptions.Item label={t('opp.lastActivity')}>{formatDateTime(o.lastActivityAt)}</Descriptions.Item>
              {o.leadId && <Descriptions.Item label={t('opp.fromLead')}><Link to={`/leads/${o.leadId}`}>{t('opp.fromLead')}</Link></Descriptions.Item>}
              {o.status !== 'open' && <Descriptions.Item label={t('opp.closeReason')}>{o.closeReason ?? '—'}</Descriptions.Item>}
              {o.lostTo && <Descriptions.Item label={t('opp.lostTo')}>{o.lostTo}</Descriptions.Item>}
            </Descriptions>
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('opp.nextStep')}>{o.nextStep ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('opp.latestFollowUp')}>{o.latestFollowUp ?? '—'}</Descriptions.Item>
              {o.currentProblems !== undefined && <Descriptions.Item label={t('opp.currentProblems')}>{o.currentProblems ?? '—'}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title={t('opp.lines')} style={{ marginTop: 16 }} size="small">
            {o.lines.length ? (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={o.lines}
                columns={[
                  { title: t('opp.line.product'), render: (_, l) => l.productName ?? l.description },
                  { title: t('opp.line.quantity'), dataIndex: 'quantity', align: 'right' },
                  { title: t('opp.line.unitPrice'), dataIndex: 'unitPrice', align: 'right' },
                  { title: t('opp.line.amount'), render: (_, l) => formatMoney(l.amount), align: 'right' },
                ]}
              />
            ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('opp.competitors')} size="small">
            {(o.competitors ?? []).length ? (
              <Flex vertical gap={8}>
                {(o.competitors ?? []).map((c) => (
                  <div key={c.name}>
                    <Typography.Text strong>{c.name}</Typography.Text>
                    {c.strengths && <div><Typography.Text type="success">+ {c.strengths}</Typography.Text></div>}
                    {c.weaknesses && <div><Typography.Text type="danger">− {c.weaknesses}</Typography.Text></div>}
                  </div>
                ))}
              </Flex>
            ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
          <Card title={t('opp.contacts')} size="small" style={{ marginTop: 16 }}>
            {o.contacts.length ? o.contacts.map((c) => (
              <div key={c.id}><Link to={`/contacts/${c.id}`}>{c.name ?? '—'}</Link>{c.role && <Typography.Text type="secondary"> · {c.role}</Typography.Text>}</div>
            )) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
          {access.can('activity', 'read') && <OpportunityActivities opportunity={{ id: o.id, name: o.name }} account={{ id: o.accountId, name: o.accountName ?? '' }} />}
          <Card title={t('opp.history')} size="small" style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={history.data?.items ?? []}
              data-testid="opp-history"
              columns={[
                { title: t('opp.stage'), dataIndex: 'stageName' },
                { title: t('opp.history.entered'), render: (_, h) => formatDateTime(h.enteredAt) },
                { title: t('opp.history.days'), dataIndex: 'days', align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {quoting && (
        <QuoteFormModal
          account={{ id: o.accountId, name: o.accountName ?? '' }}
          opportunity={{ id: o.id, name: o.name }}
          // The deal's products become the quote's lines; a deal of one sum becomes one line.
          lines={o.lines.length
            ? o.lines.map((l) => ({ productId: l.productId ?? undefined, productLabel: l.productId ? `${l.productCode ?? ''} ${l.productName ?? ''}`.trim() : undefined, description: l.productId ? undefined : (l.description ?? undefined), quantity: Number(l.quantity), unitPrice: Number(l.unitPrice), discountPct: 0 }))
            : o.amount && Number(o.amount) > 0 ? [{ description: o.name.slice(0, 500), quantity: 1, unitPrice: Number(o.amount), discountPct: 0 }] : undefined}
          onClose={() => setQuoting(false)}
          onSaved={(q) => void navigate(`/quotes/${q.id}`)}
        />
      )}
      {editing && <EditOpportunityDrawer opp={o} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); opp.reload(); }} />}
      {closing && (
        <CloseDealModal
          stage={closing}
          onCancel={() => setClosingStage(undefined)}
          onOk={(v) => {
            setClosingStage(undefined);
            void move(closing.id, v);
          }}
        />
      )}
    </>
  );
}
