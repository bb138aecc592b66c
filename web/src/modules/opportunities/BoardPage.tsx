import { useState, type DragEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Badge, Button, Card, Checkbox, Collapse, Empty, Flex, Select, Spin, Tag, Typography } from 'antd';
import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDate, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { PageHeader } from '../../app/shell/PageHeader';
import { defaultPipelineOf, usePipelines } from '../pipelines/pipelines-api';
import { CloseDealModal, type CloseValues } from './CloseDealModal';
import { CreateOpportunityModal } from './CreateOpportunityModal';
import { moveOpportunity, type BoardCard, type BoardColumn } from './opportunities-api';

const kindColor = { open: undefined, won: 'green', lost: 'red' } as const;

/**
 * The kanban: one column per stage with its count and sums; a deal is dragged to another column
 * (native HTML5 drag and drop), or on a phone moved with the stage picker on its card. Dropping on a
 * won or lost column asks for the reason first.
 */
export default function BoardPage() {
  const { t } = useI18n();
  const { access, me } = useSignedIn();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { data: pipelines } = usePipelines();
  const [pipelineId, setPipelineId] = useState<string>();
  const [mine, setMine] = useState(false);
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<{ card: BoardCard; column: BoardColumn }>();
  const [dragOver, setDragOver] = useState<string>();
  const currentPipeline = pipelineId ?? defaultPipelineOf(pipelines)?.id;
  const board = useApi(
    () => call(api.GET('/api/v1/opportunities/board', { params: { query: { pipelineId: currentPipeline, ownerId: mine ? me.user.id : undefined, perStage: 50, closedDays: 30 } } })),
    [currentPipeline, mine],
  );
  const columns = board.data?.columns ?? [];
  const canMove = access.can('opportunity', 'update');

  const move = async (card: BoardCard, column: BoardColumn, close: CloseValues = {}) => {
    try {
      await moveOpportunity(card.id, { version: card.version, stageId: column.stageId, ...close });
      void message.success(t('opp.moved', { stage: column.name }));
    } catch (err) {
      report(err);
    } finally {
      board.reload();
    }
  };
  const requestMove = (card: BoardCard, column: BoardColumn) => {
    if (card.stageId === column.stageId) return;
    if (column.kind === 'open') void move(card, column);
    else setClosing({ card, column });
  };
  const cardById = (id: string) => columns.flatMap((c) => c.items).find((c) => c.id === id);
  const onDrop = (e: DragEvent, column: BoardColumn) => {
    e.preventDefault();
    setDragOver(undefined);
    const card = cardById(e.dataTransfer.getData('text/plain'));
    if (card) requestMove(card, column);
  };

  const cardView = (card: BoardCard) => (
    <Card
      key={card.id}
      size="small"
      draggable={canMove && !isMobile}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', card.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      style={{ cursor: canMove && !isMobile ? 'grab' : undefined }}
      data-testid="board-card"
      data-opportunity-id={card.id}
    >
      <Link to={`/opportunities/${card.id}`}><Typography.Text strong>{card.name}</Typography.Text></Link>
      <div><Typography.Text type="secondary">{card.accountName ?? '—'}</Typography.Text></div>
      <Flex justify="space-between" wrap gap={4} style={{ marginTop: 4 }}>
        <Typography.Text>{card.amount === undefined ? '' : `¥ ${formatMoney(card.amount)}`}</Typography.Text>
        <Typography.Text type={card.overdue ? 'danger' : 'secondary'}>{formatDate(card.expectedCloseDate)}</Typography.Text>
      </Flex>
      {card.ownerName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{card.ownerName}</Typography.Text>}
      {isMobile && canMove && (
        <Select
          size="small"
          style={{ width: '100%', marginTop: 6 }}
          aria-label={t('opp.move')}
          value={card.stageId}
          onChange={(stageId: string) => requestMove(card, columns.find((c) => c.stageId === stageId)!)}
          options={columns.map((c) => ({ value: c.stageId, label: c.name }))}
          data-testid="board-stage-select"
        />
      )}
    </Card>
  );

  const header = (c: BoardColumn) => (
    <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
      <span>
        <Tag color={kindColor[c.kind]}>{c.name}</Tag>
        <Badge count={c.count} showZero color="#8c8c8c" />
      </span>
      {c.amount !== null && <Typography.Text type="secondary" style={{ fontSize: 12 }}>¥ {formatMoney(c.amount)}</Typography.Text>}
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('opp.board.title')}
        extra={
          <>
            <Link to="/opportunities"><Button icon={<UnorderedListOutlined />}>{t('opp.view.list')}</Button></Link>
            {access.can('opportunity', 'create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="opp-add">{t('opp.add')}</Button>
            )}
          </>
        }
      >
        <Flex wrap gap={12} align="center">
          {(pipelines?.filter((p) => p.active).length ?? 0) > 1 && (
            <Select
              aria-label={t('opp.pipeline')}
              style={{ width: 200 }}
              value={currentPipeline}
              onChange={setPipelineId}
              options={pipelines!.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
            />
          )}
          {access.scope('opportunity') !== 'own' && <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>{t('opp.filter.mine')}</Checkbox>}
        </Flex>
      </PageHeader>
      <Spin spinning={board.loading}>
        {isMobile ? (
          <Collapse
            // Remounted once the board arrives, so its open stages start expanded.
            key={board.data ? board.data.pipelineId : 'loading'}
            defaultActiveKey={columns.filter((c) => c.kind === 'open').map((c) => c.stageId)}
            items={columns.map((c) => ({
              key: c.stageId,
              label: header(c),
              children: c.items.length ? <Flex vertical gap={8}>{c.items.map(cardView)}</Flex> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opp.empty')} />,
            }))}
          />
        ) : (
          <div style={{ display: 'flex', gap: 12, overflowX: 'auto', alignItems: 'flex-start', paddingBottom: 8 }}>
            {columns.map((c) => (
              <div
                key={c.stageId}
                data-testid="board-column"
                data-stage-id={c.stageId}
                onDragOver={(e) => {
                  if (!canMove) return;
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  setDragOver(c.stageId);
                }}
                onDragLeave={() => setDragOver((s) => (s === c.stageId ? undefined : s))}
                onDrop={(e) => onDrop(e, c)}
                style={{
                  flex: '0 0 260px', background: dragOver === c.stageId ? '#e6f4ff' : '#f5f5f5', borderRadius: 8, padding: 8, minHeight: 240,
                  border: dragOver === c.stageId ? '1px dashed #1677ff' : '1px solid transparent',
                }}
              >
                <div style={{ marginBottom: 8 }}>{header(c)}</div>
                {c.weightedAmount !== null && c.kind === 'open' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 8 }}>
                    {t('opp.weighted')} ¥ {formatMoney(c.weightedAmount)} · {c.probability}%
                  </Typography.Text>
                )}
                <Flex vertical gap={8}>{c.items.map(cardView)}</Flex>
              </div>
            ))}
          </div>
        )}
      </Spin>
      {creating && (
        <CreateOpportunityModal
          onClose={() => setCreating(false)}
          onSaved={(o) => {
            setCreating(false);
            void navigate(`/opportunities/${o.id}`);
          }}
        />
      )}
      {closing && (
        <CloseDealModal
          stage={{ name: closing.column.name, kind: closing.column.kind }}
          onCancel={() => setClosing(undefined)}
          onOk={(v) => {
            const { card, column } = closing;
            setClosing(undefined);
            void move(card, column, v);
          }}
        />
      )}
    </>
  );
}
