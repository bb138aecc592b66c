import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { api } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { toApiError } from '../../app/api/api-error';
import { useT } from '../../app/i18n/i18n-context';

/** Where a merged account went, read from the 404 the server answers for it; null when it was not merged. */
async function mergedInto(id: string): Promise<{ id: string; name: string } | null> {
  const res = await api.GET('/api/v1/accounts/{id}', { params: { path: { id } } });
  if (res.response.ok) return null;
  const err = toApiError(res.response.status, res.error);
  if (err.code !== 'account_merged') return null;
  return { id: String(err.details.mergedIntoId), name: String(err.details.mergedIntoName) };
}

/** On an account page that could not load: "merged into X" with a link, else the page's own not-found message. */
export function MergedIntoResult({ id, fallback }: { id: string; fallback: ReactNode }) {
  const t = useT();
  const { data, loading } = useApi(() => mergedInto(id), [id]);
  if (loading) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!data) return <>{fallback}</>;
  return (
    <Result
      status="info"
      title={t('merge.mergedInto', { name: data.name })}
      subTitle={t('merge.mergedIntoText')}
      data-testid="merged-into"
      extra={
        <Link to={`/accounts/${data.id}`}>
          <Button type="primary">{t('merge.open', { name: data.name })}</Button>
        </Link>
      }
    />
  );
}
