import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { App, Button, Card, Result, Spin, Tabs } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { api, call } from '../../../app/api/client';
import { useApi } from '../../../app/api/use-api';
import { useReportError } from '../../../app/api/report-error';
import { useSignedIn } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { PageHeader } from '../../../app/shell/PageHeader';
import { MergedIntoResult } from '../../account-merge/MergedIntoResult';
import { MergeWithButton } from '../../account-merge/MergeWithButton';
import { AttachmentsPanel } from '../../attachments/AttachmentsPanel';
import { RecordHistory } from '../../audit-log/RecordHistory';
import { AccountContactsPanel } from '../../contacts/account-contacts/AccountContactsPanel';
import { AccountTimeline } from '../../timeline/AccountTimeline';
import { useCustomFields } from '../../custom-fields/use-custom-fields';
import { AccountOpportunities } from '../../opportunities/AccountOpportunities';
import { AccountOrders } from '../../orders/AccountOrders';
import { OwnerHistory } from '../../pool/OwnerHistory';
import { PoolAccountActions } from '../../pool/PoolAccountActions';
import { AccountRiskBanner, FlagRiskButton, RiskFlagsPanel } from '../../risk-flags/AccountRiskFlags';
import { useAccountTypes } from '../use-account-types';
import { accountFieldNamer } from './account-field-namer';
import { AccountDetails } from './AccountDetails';
import { AccountHeader } from './AccountHeader';
import { EditAccountDrawer } from './EditAccountDrawer';

const readAccount = (id: string) => call(api.GET('/api/v1/accounts/{id}', { params: { path: { id } } }));

/** Everything about one customer: details, the people there, files and the record's history, one tab each. */
export default function AccountPage() {
  const { t, locale } = useI18n();
  const { access } = useSignedIn();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const { data: account, loading, failed, reload } = useApi(() => readAccount(id), [id]);
  const { data: types = [] } = useAccountTypes();
  const { data: defs = [] } = useCustomFields('account', true);
  const active = defs.filter((d) => !d.archived);

  if (!account) {
    if (loading || !failed) return <Spin style={{ display: 'block', marginTop: 80 }} />;
    const missing = <Result status="404" title={t('account.notFound')} extra={<Link to="/accounts"><Button type="primary">{t('nav.accounts')}</Button></Link>} />;
    return <MergedIntoResult id={id} fallback={missing} />;
  }

  const remove = () =>
    modal.confirm({
      title: t('account.delete.confirm', { name: account.name }),
      content: t('account.delete.text'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await call(api.DELETE('/api/v1/accounts/{id}', { params: { path: { id: account.id } } }));
          void message.success(t('common.deleted'));
          navigate('/accounts');
        } catch (err) {
          report(err);
        }
      },
    });

  const fields = accountFieldNamer(t, locale, types, defs);

  const tabs = [
    { key: 'details', label: t('account.tab.details'), children: <AccountDetails account={account} types={types} defs={active} /> },
    { key: 'timeline', label: t('account.tab.timeline'), children: <AccountTimeline account={account} fields={fields} /> },
    ...(access.can('contact', 'read') ? [{ key: 'contacts', label: t('account.tab.contacts'), children: <AccountContactsPanel account={account} /> }] : []),
    ...(access.can('opportunity', 'read') ? [{ key: 'opportunities', label: t('opp.open'), children: <AccountOpportunities account={account} /> }] : []),
    ...(access.can('order', 'read') ? [{ key: 'orders', label: t('order.title'), children: <AccountOrders account={account} /> }] : []),
    { key: 'attachments', label: t('account.tab.attachments'), children: <AttachmentsPanel recordType="account" recordId={account.id} canUpload={account.permissions.update} /> },
    { key: 'history', label: t('account.tab.history'), children: <RecordHistory objectType="account" objectId={account.id} fields={fields} /> },
    { key: 'ownership', label: t('pool.history'), children: <OwnerHistory accountId={account.id} /> },
    { key: 'risk', label: t('risk.tab'), children: <RiskFlagsPanel accountId={account.id} /> },
  ];
  const tab = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : 'details';

  return (
    <>
      <PageHeader
        title={account.name}
        extra={
          <>
            <PoolAccountActions account={account} onChanged={reload} />
            <FlagRiskButton account={account} />
            <MergeWithButton account={account} />
            {account.permissions.update && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            {account.permissions.delete && (
              <Button danger icon={<DeleteOutlined />} onClick={remove}>
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      >
        <AccountHeader account={account} types={types} />
        <AccountRiskBanner accountId={account.id} />
      </PageHeader>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={tab} items={tabs} onChange={(key) => setParams({ tab: key }, { replace: true })} destroyOnHidden />
      </Card>
      {editing && (
        <EditAccountDrawer
          account={account}
          types={types}
          defs={active}
          onClose={() => setEditing(false)}
          onReload={() => readAccount(account.id)}
          onSaved={() => {
            setEditing(false);
            void message.success(t('common.saved'));
            reload();
          }}
        />
      )}
    </>
  );
}
