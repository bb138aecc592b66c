import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Col, Empty, Flex, Popconfirm, Row, Spin, Tag, Typography } from 'antd';
import { DisconnectOutlined, EditOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../../app/api/client';
import type { Account, AccountContact } from '../../../app/api/schemas';
import { useApi } from '../../../app/api/use-api';
import { useReportError } from '../../../app/api/report-error';
import { useSignedIn } from '../../../app/auth/auth-context';
import { formatPhone } from '../../../app/format';
import { useT } from '../../../app/i18n/i18n-context';
import { ContactDrawer } from '../ContactDrawer';
import { VCardButtons } from '../vcard/VCardButtons';
import { LinkContactModal } from './LinkContactModal';

type Editing = { kind: 'link' } | { kind: 'role'; link: AccountContact } | { kind: 'create' } | undefined;

/** The people at an account, primary first, with their role there; link, unlink or add one right here. */
export function AccountContactsPanel({ account }: { account: Account }) {
  const t = useT();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const report = useReportError();
  const [editing, setEditing] = useState<Editing>();
  const { data: links = [], loading, reload } = useApi(
    async () => (await call(api.GET('/api/v1/accounts/{id}/contacts', { params: { path: { id: account.id } } }))).items,
    [account.id],
  );
  const canLink = account.permissions.update;

  const unlink = async (link: AccountContact) => {
    try {
      await call(api.DELETE('/api/v1/accounts/{id}/contacts/{contactId}', { params: { path: { id: account.id, contactId: link.contact.id } } }));
      void message.success(t('contact.unlinked', { name: link.contact.name }));
      reload();
    } catch (err) {
      report(err);
    }
  };
  const done = () => {
    setEditing(undefined);
    void message.success(t('common.saved'));
    reload();
  };

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        {canLink && access.can('contact', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create' })}>
            {t('contact.create')}
          </Button>
        )}
        {canLink && (
          <Button icon={<LinkOutlined />} onClick={() => setEditing({ kind: 'link' })}>
            {t('contact.link')}
          </Button>
        )}
        {/* Importing links every new contact to the account, which takes the right to change it. */}
        <VCardButtons target={{ accountId: account.id }} canImport={canLink} canExport={links.length > 0} onImported={reload} />
      </Flex>
      {loading && !links.length ? (
        <Spin />
      ) : !links.length ? (
        <Empty description={t('contact.none')} />
      ) : (
        <Row gutter={[12, 12]}>
          {links.map((link) => {
            const c = link.contact;
            return (
              <Col key={c.id} xs={24} md={12} xl={8}>
                <Card size="small" data-testid="account-contact">
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    <div style={{ minWidth: 0 }}>
                      <Link to={`/contacts/${c.id}`}>
                        <Typography.Text strong style={{ color: 'inherit' }}>
                          {c.name}
                        </Typography.Text>
                      </Link>
                      {link.isPrimary && <Tag color="blue" style={{ marginInlineStart: 6 }}>{t('contact.primary')}</Tag>}
                      <div>
                        <Typography.Text type="secondary">{[...new Set([link.role, c.title, c.department].filter(Boolean))].join(' · ') || '—'}</Typography.Text>
                      </div>
                      {[...(c.phones ?? []), ...(c.emails ?? [])].length > 0 && (
                        <Typography.Text style={{ display: 'block', marginTop: 4 }}>{[...(c.phones ?? []).map(formatPhone), ...(c.emails ?? [])].join(' · ')}</Typography.Text>
                      )}
                    </div>
                    {canLink && (
                      <Flex gap={4}>
                        <Button size="small" icon={<EditOutlined />} aria-label={t('contact.link.edit')} onClick={() => setEditing({ kind: 'role', link })} />
                        <Popconfirm title={t('contact.unlink.confirm', { name: c.name })} onConfirm={() => unlink(link)}>
                          <Button size="small" icon={<DisconnectOutlined />} aria-label={t('contact.unlink')} />
                        </Popconfirm>
                      </Flex>
                    )}
                  </Flex>
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      {editing?.kind === 'link' && <LinkContactModal accountId={account.id} onDone={done} onCancel={() => setEditing(undefined)} />}
      {editing?.kind === 'role' && (
        <LinkContactModal
          accountId={account.id}
          link={{ contactId: editing.link.contact.id, name: editing.link.contact.name, role: editing.link.role, isPrimary: editing.link.isPrimary }}
          onDone={done}
          onCancel={() => setEditing(undefined)}
        />
      )}
      {editing?.kind === 'create' && <ContactDrawer account={{ id: account.id, name: account.name }} onSaved={done} onClose={() => setEditing(undefined)} />}
    </>
  );
}
