import { Link, useNavigate } from 'react-router';
import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { CopyOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../../app/api/client';
import type { Role } from '../../../app/api/schemas';
import { useReportError } from '../../../app/api/report-error';
import { useT } from '../../../app/i18n/i18n-context';
import { PageHeader } from '../../../app/shell/PageHeader';
import { useRoles } from './use-roles';

export default function RolesPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const report = useReportError();
  const { data: roles = [], loading, reload } = useRoles();

  const remove = async (role: Role) => {
    try {
      await call(api.DELETE('/api/v1/roles/{id}', { params: { path: { id: role.id } } }));
      void message.success(t('common.deleted'));
      reload();
    } catch (err) {
      report(err);
    }
  };

  return (
    <>
      <PageHeader
        title={t('nav.roles')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/roles/new')}>
            {t('role.create')}
          </Button>
        }
      >
        <Typography.Text type="secondary">{t('role.intro')}</Typography.Text>
      </PageHeader>
      <Table<Role>
        rowKey="id"
        loading={loading}
        dataSource={roles}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: t('role.name'),
            render: (_, r) => (
              <Flex gap={6} align="center">
                {r.permissions.update ? <Link to={`/roles/${r.id}`}>{r.name}</Link> : r.name}
                {r.key && <Tag>{t('role.builtin')}</Tag>}
              </Flex>
            ),
          },
          { key: 'description', title: t('role.description'), render: (_, r) => r.description ?? '—' },
          { key: 'userCount', title: t('role.userCount'), render: (_, r) => r.userCount, align: 'right' },
          {
            key: 'actions',
            title: '',
            render: (_, r) => (
              <Flex gap={4}>
                {r.permissions.update && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => navigate(`/roles/${r.id}`)}>
                    {t('common.edit')}
                  </Button>
                )}
                <Button size="small" icon={<CopyOutlined />} onClick={() => navigate(`/roles/new?copy=${r.id}`)}>
                  {t('role.copy')}
                </Button>
                {r.permissions.delete && (
                  <Popconfirm title={t('role.delete.confirm', { name: r.name })} okButtonProps={{ danger: true }} onConfirm={() => remove(r)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                )}
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
