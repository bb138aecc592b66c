import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import type { DuplicateReportStatus } from './dedup-api';

const POLL_MS = 1500;

/**
 * When the shown report was computed, the recompute button and, while a run is queued or running,
 * its progress (polled). Calls onFinished when a run finishes, so the page reloads its groups.
 */
export function ReportRunStatus({ initial, onFinished }: { initial: DuplicateReportStatus; onFinished: () => void }) {
  const t = useT();
  const report = useReportError();
  const [status, setStatus] = useState(initial);
  const [starting, setStarting] = useState(false);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => setStatus(initial), [initial]);

  const activeId = status.active?.id;
  useEffect(() => {
    if (!activeId) return;
    let stopped = false;
    const timer = setInterval(() => {
      call(api.GET('/api/v1/duplicates/report/status')).then((next) => {
        if (stopped) return;
        setStatus(next);
        if (!next.active) finished.current();
      }, () => {});
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [activeId]);

  const recompute = async () => {
    setStarting(true);
    try {
      const run = await call(api.POST('/api/v1/duplicates/report/runs'));
      setStatus((s) => ({ ...s, active: run }));
    } catch (err) {
      report(err);
    } finally {
      setStarting(false);
    }
  };

  const { latest, active, failed } = status;
  const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));
  return (
    <Flex vertical gap={8} data-testid="duplicate-run">
      <Flex gap={12} align="center" wrap>
        <Typography.Text type="secondary" data-testid="duplicate-stats">
          {latest
            ? t('dup.report.computed', {
              at: formatDateTime(latest.finishedAt),
              accounts: latest.accounts,
              groups: latest.groups,
              seconds: seconds(new Date(latest.finishedAt!).getTime() - new Date(latest.startedAt!).getTime()),
            })
            : t('dup.report.never')}
        </Typography.Text>
        <Button icon={<ReloadOutlined />} loading={starting} disabled={!!active} onClick={recompute} data-testid="duplicate-recompute">
          {t('dup.report.refresh')}
        </Button>
      </Flex>
      {active && (
        <div data-testid="duplicate-progress">
          <Progress percent={Math.round(active.progress * 100)} status="active" />
          <Typography.Text type="secondary">
            {active.state === 'queued' ? t('dup.report.queued') : t(`dup.report.phase.${active.phase ?? 'flags'}`)}
          </Typography.Text>
        </div>
      )}
      {failed && !active && <Alert type="error" showIcon message={t('dup.report.failed', { at: formatDateTime(failed.finishedAt) })} description={failed.failure} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dup.report.nightly')}</Typography.Text>
    </Flex>
  );
}
