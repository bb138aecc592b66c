import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App, Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Spin, Typography } from 'antd';
import { EyeOutlined, MergeCellsOutlined, UndoOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import type { Account } from '../../app/api/schemas';
import { formatPhone } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { useAccountTypes } from '../accounts/use-account-types';
import { MergeComparison } from './MergeComparison';
import { MovedCounts } from './MovedCounts';
import { defaultChoices, mergeAccounts, undoMerge, type ChoosableField, type MergeResult } from './merge-api';

const readAccount = (id: string) => call(api.GET('/api/v1/accounts/{id}', { params: { path: { id } } }));

type Stage = { kind: 'choose' } | { kind: 'merged'; result: MergeResult; accounts: Account[] } | { kind: 'undone'; accounts: Account[] };

/**
 * Merging accounts: `?ids=a,b,c` (from the duplicate report, the accounts list or an account page).
 * Side-by-side comparison with a choice per field → preview of what moves → confirm → the result,
 * with an Undo button.
 */
export default function MergePage() {
  const t = useT();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const [params] = useSearchParams();
  const ids = useMemo(() => [...new Set((params.get('ids') ?? '').split(',').filter(Boolean))], [params]);
  const { data: accounts, loading } = useApi(() => Promise.all(ids.map(readAccount)), [ids.join(',')]);
  const { data: types = [] } = useAccountTypes();
  const [survivorId, setSurvivorId] = useState<string>();
  const [choices, setChoices] = useState<Record<ChoosableField, string>>();
  const [preview, setPreview] = useState<MergeResult>();
  const [working, setWorking] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });

  const survivor = accounts?.find((a) => a.id === survivorId);
  const others = accounts?.filter((a) => a.id !== survivorId) ?? [];

  useEffect(() => {
    if (!accounts?.length) return;
    const first = accounts[0];
    setSurvivorId(first.id);
    setChoices(defaultChoices(first, accounts.slice(1)));
  }, [accounts]);

  const chooseSurvivor = (id: string) => {
    const s = accounts!.find((a) => a.id === id)!;
    setSurvivorId(id);
    setChoices(defaultChoices(s, accounts!.filter((a) => a.id !== id)));
    setPreview(undefined);
  };

  const body = () => ({
    survivor: { id: survivor!.id, version: survivor!.version },
    merged: others.map((a) => ({ id: a.id, version: a.version })),
    fields: choices,
  });

  const runPreview = async () => {
    setWorking(true);
    try {
      setPreview(await mergeAccounts(body(), true));
    } catch (err) {
      report(err);
    } finally {
      setWorking(false);
    }
  };

  const merge = () =>
    modal.confirm({
      title: t('merge.confirmTitle', { n: others.length, name: preview?.survivor.name ?? survivor!.name }),
      content: t('merge.confirmText'),
      okText: t('merge.confirm'),
      onOk: async () => {
        try {
          const result = await mergeAccounts(body(), false);
          setStage({ kind: 'merged', result, accounts: accounts! });
          void message.success(t('merge.done', { name: result.survivor.name }));
        } catch (err) {
          report(err);
        }
      },
    });

  const undo = async (mergeId: string, involved: Account[]) => {
    setWorking(true);
    try {
      await undoMerge(mergeId);
      setStage({ kind: 'undone', accounts: involved });
      void message.success(t('merge.undone'));
    } catch (err) {
      report(err);
    } finally {
      setWorking(false);
    }
  };

  if (stage.kind === 'merged') {
    const { result } = stage;
    return (
      <Result
        status="success"
        title={t('merge.done', { name: result.survivor.name })}
        subTitle={<MovedCounts moved={result.moved} removed={result.removed} />}
        extra={[
          <Link key="open" to={`/accounts/${result.survivor.id}`}>
            <Button type="primary">{t('merge.open', { name: result.survivor.name })}</Button>
          </Link>,
          <Button key="undo" icon={<UndoOutlined />} loading={working} onClick={() => void undo(result.mergeId!, stage.accounts)} data-testid="merge-undo">
            {t('merge.undo')}
          </Button>,
        ]}
      />
    );
  }
  if (stage.kind === 'undone') {
    return (
      <Result
        status="info"
        title={t('merge.undone')}
        extra={stage.accounts.map((a) => (
          <Link key={a.id} to={`/accounts/${a.id}`}>
            <Button>{t('merge.open', { name: a.name })}</Button>
          </Link>
        ))}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t('merge.title')}
        extra={
          <>
            <Button icon={<EyeOutlined />} loading={working} disabled={!survivor || !others.length} onClick={() => void runPreview()} data-testid="merge-preview">
              {t('merge.preview')}
            </Button>
            <Button type="primary" icon={<MergeCellsOutlined />} disabled={!preview} onClick={merge} data-testid="merge-confirm">
              {t('merge.confirm')}
            </Button>
          </>
        }
      >
        <Typography.Text type="secondary">{t('merge.text')}</Typography.Text>
      </PageHeader>
      {ids.length < 2 ? (
        <Empty description={t('merge.pickTwo')} />
      ) : loading || !accounts || !survivorId || !choices ? (
        <Spin style={{ display: 'block', marginTop: 60 }} />
      ) : (
        <Flex vertical gap={16}>
          <Card size="small">
            <MergeComparison
              accounts={accounts}
              survivorId={survivorId}
              choices={choices}
              types={types}
              onSurvivor={chooseSurvivor}
              onChoose={(field, id) => {
                setChoices({ ...choices, [field]: id });
                setPreview(undefined);
              }}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('merge.custom')}</Typography.Paragraph>
          </Card>
          {preview && (
            <Row gutter={16}>
              <Col xs={24} md={10}>
                <Card size="small" title={t('merge.previewTitle')} data-testid="merge-preview-card">
                  <MovedCounts moved={preview.moved} removed={preview.removed} />
                </Card>
              </Col>
              <Col xs={24} md={14}>
                <Card size="small" title={t('merge.result')}>
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'name', label: t('account.name'), children: preview.survivor.name },
                      { key: 'shortName', label: t('account.shortName'), children: preview.survivor.shortName ?? '—' },
                      { key: 'formerNames', label: t('account.formerNames'), children: preview.survivor.formerNames.join('、') || '—' },
                      { key: 'creditCode', label: t('account.creditCode'), children: preview.survivor.creditCode ?? '—' },
                      { key: 'phones', label: t('account.phones'), children: preview.survivor.phones?.map(formatPhone).join('、') || '—' },
                      { key: 'emails', label: t('account.emails'), children: preview.survivor.emails?.join('、') || '—' },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          )}
        </Flex>
      )}
    </>
  );
}
