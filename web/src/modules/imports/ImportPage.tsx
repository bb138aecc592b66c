import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Flex, InputNumber, Progress, Radio, Select, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { components } from '../../app/api-types';
import { api, call, sendFile } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useApi } from '../../app/api/use-api';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';

type ImportDto = components['schemas']['Import'];
type Preview = { rowNo: number; outcome: 'created' | 'updated' | 'skipped' | 'error'; values: Record<string, string>; issues: { column: string; value: string; reason: string }[] };
type Policy = ImportDto['duplicatePolicy'];
type Mapping = ImportDto['mapping'];

const encodings = ['utf-8', 'gbk', 'gb18030', 'utf-16le', 'utf-16be', 'big5'] as const;
const outcomeColor = { created: 'green', updated: 'blue', skipped: 'default', error: 'red' } as const;
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

/**
 * Upload → pick the object → map columns (suggested from the headers) → preview with errors and the
 * duplicate policy → run with a progress bar (polled) → result with the error report to fix and re-import.
 */
export default function ImportPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const { data: targets = [] } = useApi(async () => (await call(api.GET('/api/v1/imports/targets'))).items, []);
  const [target, setTarget] = useState<string>();
  const [job, setJob] = useState<ImportDto>();
  const [mapping, setMapping] = useState<Mapping>([]);
  const [policy, setPolicy] = useState<Policy>('skip');
  const [preview, setPreview] = useState<Preview[]>();
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState(0);
  const chosen = target ?? targets[0]?.name;
  const fields = targets.find((x) => x.name === (job?.target ?? chosen))?.fields ?? [];

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const url = `/api/v1/imports?target=${chosen}&fileName=${encodeURIComponent(file.name)}`;
      const created = (await sendFile('PUT', url, file)) as ImportDto;
      setJob(created);
      setMapping(created.mapping);
      setPreview(undefined);
      setStep(1);
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
    return false;
  };

  const settings = () => ({ mapping, duplicatePolicy: policy });

  const reread = async (extra: { encoding?: (typeof encodings)[number]; headerRow?: number }) => {
    if (!job) return;
    try {
      const res = await call(api.POST('/api/v1/imports/{id}/preview', { params: { path: { id: job.id } }, body: { ...extra, duplicatePolicy: policy } }));
      setJob(res.import);
      setMapping(res.import.mapping);
    } catch (err) {
      report(err);
    }
  };

  const showPreview = async () => {
    if (!job) return;
    setBusy(true);
    try {
      const res = await call(api.POST('/api/v1/imports/{id}/preview', { params: { path: { id: job.id } }, body: settings() }));
      setJob(res.import);
      setPreview(res.rows as Preview[]);
      setStep(2);
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!job) return;
    setBusy(true);
    try {
      setJob(await call(api.POST('/api/v1/imports/{id}/run', { params: { path: { id: job.id } }, body: settings() })));
      setStep(3);
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  };

  // While it runs, the import is polled for its progress.
  useEffect(() => {
    if (!job || (job.state !== 'queued' && job.state !== 'running')) return undefined;
    const timer = setTimeout(async () => {
      try {
        setJob(await call(api.GET('/api/v1/imports/{id}', { params: { path: { id: job.id } } })));
      } catch (err) {
        report(err);
      }
    }, 1000);
    return () => clearTimeout(timer);
  }, [job, report]);

  const restart = () => {
    setJob(undefined);
    setPreview(undefined);
    setStep(0);
  };

  const sample = useMemo(() => (job?.sample ?? []).slice(job ? Math.max(job.headerRow, 0) : 0, (job ? Math.max(job.headerRow, 0) : 0) + 1)[0] ?? [], [job]);
  const fieldOptions = [{ value: '', label: t('import.field.none') }, ...fields.map((f) => ({ value: f.key, label: `${f.label[locale]}${f.required ? ' *' : ''}` }))];
  const setField = (column: number, field: string) => {
    const rest = mapping.filter((m) => m.column !== column);
    setMapping(field ? [...rest, { column, field }].sort((a, b) => a.column - b.column) : rest);
  };
  const finished = job?.state === 'done' || job?.state === 'failed';
  const percent = job?.totalRows ? Math.floor((100 * job.processed) / job.totalRows) : 0;

  return (
    <>
      <PageHeader title={t('import.title')} />
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: t('import.step.upload') }, { title: t('import.step.mapping') }, { title: t('import.step.preview') }, { title: t('import.step.run') }]}
      />

      {step === 0 && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Typography.Text>{t('import.target')}</Typography.Text>
            <Radio.Group value={chosen} onChange={(e) => setTarget(e.target.value as string)} optionType="button"
              options={targets.map((x) => ({ value: x.name, label: x.label[locale] }))} />
          </Space>
          <Upload.Dragger accept=".csv,.txt,.xlsx,.xls" showUploadList={false} beforeUpload={upload} disabled={busy || !chosen} data-testid="import-upload">
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p>{t('import.upload.hint')}</p>
          </Upload.Dragger>
        </Space>
      )}

      {step === 1 && job && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('import.file', { name: job.fileName, format: job.format.toUpperCase(), encoding: job.encoding ?? '—', row: job.headerRow })}</Typography.Text>
          <Flex gap={16} wrap>
            {job.format === 'csv' && (
              <Space>
                {t('import.encoding')}
                <Select style={{ width: 140 }} value={(job.encoding ?? undefined) as (typeof encodings)[number] | undefined} options={encodings.map((e) => ({ value: e, label: e }))} onChange={(e) => reread({ encoding: e })} />
              </Space>
            )}
            <Space>
              {t('import.headerRow')}
              <InputNumber min={0} max={50} value={job.headerRow} onChange={(v) => v !== null && reread({ headerRow: v })} />
            </Space>
          </Flex>
          <Table
            size="small"
            rowKey="column"
            pagination={false}
            data-testid="import-mapping"
            dataSource={job.headers.map((header, column) => ({ column, header, sample: sample[column] ?? '' }))}
            columns={[
              { title: t('import.column'), dataIndex: 'header' },
              { title: t('import.sampleValue'), dataIndex: 'sample', ellipsis: true },
              {
                title: t('import.field'),
                render: (_, r) => (
                  <Select style={{ width: 220 }} value={mapping.find((m) => m.column === r.column)?.field ?? ''} options={fieldOptions}
                    onChange={(f) => setField(r.column, f)} data-testid={`map-${r.column}`} />
                ),
              },
            ]}
          />
          <Flex gap={8}>
            <Button onClick={restart}>{t('import.back')}</Button>
            <Button type="primary" loading={busy} onClick={showPreview} data-testid="import-preview">{t('import.preview')}</Button>
          </Flex>
        </Space>
      )}

      {step === 2 && job && preview && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            {t('import.duplicates')}
            <Radio.Group value={policy} onChange={(e) => setPolicy(e.target.value as Policy)} options={[
              { value: 'skip', label: t('import.duplicates.skip') },
              { value: 'update', label: t('import.duplicates.update') },
              { value: 'create', label: t('import.duplicates.create') },
            ]} />
          </Space>
          <Typography.Text type="secondary">{t('import.preview.intro', { count: preview.length })}</Typography.Text>
          <Table
            size="small"
            rowKey="rowNo"
            pagination={false}
            scroll={{ x: true }}
            data-testid="import-preview-table"
            dataSource={preview}
            columns={[
              { title: t('import.row'), dataIndex: 'rowNo', width: 70 },
              { title: t('import.outcome'), dataIndex: 'outcome', width: 90, render: (o: Preview['outcome']) => <Tag color={outcomeColor[o]}>{t(`import.outcome.${o}`)}</Tag> },
              ...fields.filter((f) => mapping.some((m) => m.field === f.key)).map((f) => ({
                title: f.label[locale], key: f.key, render: (_: unknown, r: Preview) => r.values[f.key] ?? '',
              })),
              {
                title: t('import.issues'),
                render: (_, r) => r.issues.map((i, k) => <div key={k}><Typography.Text type={r.outcome === 'error' ? 'danger' : 'secondary'}>{[i.column, i.value, i.reason].filter(Boolean).join(' · ')}</Typography.Text></div>),
              },
            ]}
          />
          <Flex gap={8}>
            <Button onClick={() => setStep(1)}>{t('import.back')}</Button>
            <Button onClick={showPreview}>{t('import.preview')}</Button>
            <Button type="primary" loading={busy} onClick={run} data-testid="import-run">{t('import.run')}</Button>
          </Flex>
        </Space>
      )}

      {step === 3 && job && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="import-result">
          <Progress percent={finished && job.state === 'done' ? 100 : percent} status={job.state === 'failed' ? 'exception' : finished ? 'success' : 'active'} />
          {!finished && (
            <Typography.Text>
              {t('import.progress', {
                done: job.processed, total: job.totalRows ?? '…', errors: job.errors,
                rate: job.rowsPerSecond ?? '…', left: job.secondsLeft === null ? '…' : clock(job.secondsLeft),
              })}
            </Typography.Text>
          )}
          {job.state === 'done' && (
            <Alert type={job.errors ? 'warning' : 'success'} showIcon data-testid="import-done"
              message={t('import.done', { created: job.created, updated: job.updated, skipped: job.skipped, errors: job.errors })} />
          )}
          {job.state === 'failed' && <Alert type="error" showIcon message={t('import.failed', { reason: job.failure ?? '' })} />}
          <Flex gap={8}>
            {finished && job.errors > 0 && (
              <>
                <Button icon={<DownloadOutlined />} href={`/api/v1/imports/${job.id}/errors?format=xlsx`} download data-testid="import-error-report">{t('import.errorReport')} (XLSX)</Button>
                <Button icon={<DownloadOutlined />} href={`/api/v1/imports/${job.id}/errors?format=csv`} download data-testid="import-error-report-csv">{t('import.errorReport')} (CSV)</Button>
              </>
            )}
            {finished && <Button onClick={() => { restart(); void message.info(t('import.again')); }} data-testid="import-again">{t('import.again')}</Button>}
          </Flex>
        </Space>
      )}
    </>
  );
}
