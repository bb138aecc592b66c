import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Flex, Switch, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import type { CustomField } from '../../app/api/schemas';
import { useApi } from '../../app/api/use-api';
import { useT } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { CustomFieldsTable } from './CustomFieldsTable';
import { FieldDrawer } from './FieldDrawer';
import { useCustomFields } from './use-custom-fields';

type Editing = { field?: CustomField } | undefined;

function ObjectTypeFields({ objectType }: { objectType: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>();
  const { data: fields = [], loading, reload } = useCustomFields(objectType, true);
  const shown = showArchived ? fields : fields.filter((f) => !f.archived);
  const groups = [...new Set(fields.flatMap((f) => (f.group ? [f.group] : [])))];

  return (
    <>
      <Flex wrap gap={12} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          {t('customField.create')}
        </Button>
        <Flex gap={8} align="center">
          <Switch size="small" checked={showArchived} onChange={setShowArchived} aria-label={t('customField.showArchived')} />
          <Typography.Text>{t('customField.showArchived')}</Typography.Text>
        </Flex>
      </Flex>
      <CustomFieldsTable objectType={objectType} fields={shown} loading={loading} onEdit={(field) => setEditing({ field })} onChanged={reload} />
      {editing && (
        <FieldDrawer
          objectType={objectType}
          field={editing.field}
          groups={groups}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            void message.success(t('common.saved'));
            reload();
          }}
        />
      )}
    </>
  );
}

/** Fields an administrator adds to accounts (and the other record types that accept them), without code. */
export default function CustomFieldsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const { data: types = [] } = useApi(async () => (await call(api.GET('/api/v1/custom-fields/object-types'))).items, []);
  const active = params.get('objectType') ?? types[0]?.type;
  return (
    <>
      <PageHeader title={t('nav.customFields')}>
        <Typography.Text type="secondary">{t('customField.intro')}</Typography.Text>
      </PageHeader>
      {active && (
        <Tabs
          activeKey={active}
          onChange={(objectType) => setParams({ objectType }, { replace: true })}
          items={types.map((x) => ({ key: x.type, label: x.label, children: x.type === active ? <ObjectTypeFields objectType={x.type} /> : null }))}
        />
      )}
    </>
  );
}
