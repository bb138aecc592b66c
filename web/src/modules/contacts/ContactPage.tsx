import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { App, Button, Card, Result, Spin, Tabs, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { RecordHistory } from '../audit-log/RecordHistory';
import { customFieldNamer } from '../custom-fields/field-namer';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { ContactAccounts, ContactDetails } from './ContactDetails';
import { ContactDrawer } from './ContactDrawer';

/** One contact: details, the accounts they work with, files and history. */
export default function ContactPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const { data: defs = [] } = useCustomFields('contact', true);
  const { data: contact, loading, failed, reload } = useApi(() => call(api.GET('/api/v1/contacts/{id}', { params: { path: { id } } })), [id]);

  if (!contact) {
    if (loading || !failed) return <Spin style={{ display: 'block', marginTop: 80 }} />;
    return <Result status="404" title={t('contact.notFound')} extra={<Link to="/contacts"><Button type="primary">{t('nav.contacts')}</Button></Link>} />;
  }

  const remove = () =>
    modal.confirm({
      title: t('contact.delete.confirm', { name: contact.name }),
      content: t('contact.delete.text'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await call(api.DELETE('/api/v1/contacts/{id}', { params: { path: { id: contact.id } } }));
          void message.success(t('common.deleted'));
          navigate('/contacts');
        } catch (err) {
          report(err);
        }
      },
    });

  const tabs = [
    { key: 'details', label: t('account.tab.details'), children: <ContactDetails contact={contact} defs={defs.filter((d) => !d.archived)} /> },
    { key: 'accounts', label: t('contact.tab.accounts', { n: contact.accounts.length }), children: <ContactAccounts contact={contact} /> },
    { key: 'attachments', label: t('account.tab.attachments'), children: <AttachmentsPanel recordType="contact" recordId={contact.id} canUpload={contact.permissions.update} /> },
    { key: 'history', label: t('account.tab.history'), children: <RecordHistory objectType="contact" objectId={contact.id} fields={customFieldNamer(defs, locale)} /> },
  ];
  const tab = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : 'details';

  return (
    <>
      <PageHeader
        title={contact.name}
        extra={
          <>
            {contact.permissions.update && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            {contact.permissions.delete && (
              <Button danger icon={<DeleteOutlined />} onClick={remove}>
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      >
        {(contact.title || contact.department) && <Typography.Text type="secondary">{[contact.title, contact.department].filter(Boolean).join(' · ')}</Typography.Text>}
      </PageHeader>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={tab} items={tabs} onChange={(key) => setParams({ tab: key }, { replace: true })} destroyOnHidden />
      </Card>
      {editing && (
        <ContactDrawer
          contact={contact}
          onClose={() => setEditing(false)}
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
