import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { App, Alert, Button, Card, Checkbox, Flex, Form, Input, Result, Spin, Tag } from 'antd';
import { api, call } from '../../../app/api/client';
import type { Role } from '../../../app/api/schemas';
import { useApi } from '../../../app/api/use-api';
import { useReportError } from '../../../app/api/report-error';
import { useSignedIn } from '../../../app/auth/auth-context';
import { useT } from '../../../app/i18n/i18n-context';
import { PageHeader } from '../../../app/shell/PageHeader';
import { FieldRulesTable } from './FieldRulesTable';
import { PermissionMatrix } from './PermissionMatrix';
import { draftOf, grantsOf, type RoleDraft } from './role-draft';
import { useCatalog } from './use-catalog';

interface Values {
  name: string;
  description: string;
}

/** /roles/new (optionally ?copy=<id>) and /roles/:id: name, the permission matrix, capabilities, field rules. */
export default function RoleEditorPage() {
  const { id = 'new' } = useParams();
  const [params] = useSearchParams();
  const copy = params.get('copy');
  // Another role or another copy source is another draft: start over rather than carry edits across.
  return <RoleEditor key={`${id}/${copy}`} id={id} copy={copy} />;
}

function RoleEditor({ id, copy }: { id: string; copy: string | null }) {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useSignedIn();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [draft, setDraft] = useState<RoleDraft>();
  const [saving, setSaving] = useState(false);
  const creating = id === 'new';
  const sourceId = creating ? copy : id;

  const { data: catalog } = useCatalog();
  const { data: source, loading, failed } = useApi<Role | null>(
    async () => (sourceId ? call(api.GET('/api/v1/roles/{id}', { params: { path: { id: sourceId } } })) : null),
    [sourceId],
  );

  // The draft is built once both have arrived; a language switch reloads the catalog but keeps the edits.
  useEffect(() => {
    if (!catalog || source === undefined || draft) return;
    setDraft(draftOf(catalog, source ?? undefined));
    form.setFieldsValue({
      name: creating ? (source ? t('role.copyOf', { name: source.name }) : '') : (source?.name ?? ''),
      description: source?.description ?? '',
    });
  }, [catalog, source, draft, creating, form, t]);

  if (failed) return <Result status="404" title={t('page.notFound.title')} />;
  if (!catalog || !draft || loading) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const save = async (v: Values) => {
    setSaving(true);
    const body = {
      name: v.name.trim(),
      description: v.description.trim() || null,
      grants: grantsOf(draft),
      capabilities: draft.capabilities,
      fieldRules: draft.fieldRules,
    };
    try {
      if (creating) await call(api.POST('/api/v1/roles', { body }));
      else await call(api.PATCH('/api/v1/roles/{id}', { params: { path: { id } }, body: { ...body, version: source!.version } }));
      void message.success(t('common.saved'));
      navigate('/roles');
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {creating ? t('role.create') : t('role.edit.title', { name: source?.name ?? '' })}
            {!creating && source?.key && <Tag>{t('role.builtin')}</Tag>}
          </Flex>
        }
        extra={
          <>
            <Button onClick={() => navigate('/roles')}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          </>
        }
      />
      {!creating && source && source.userCount > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('role.inUse', { n: source.userCount })} />
      )}
      <Flex vertical gap={16}>
        <Card title={t('role.basics')}>
          <Form name="role" form={form} layout="vertical" onFinish={save} initialValues={{ name: '', description: '' }} style={{ maxWidth: 560 }}>
            <Form.Item name="name" label={t('role.name')} rules={[{ required: true, whitespace: true, message: t('role.name.required') }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="description" label={t('role.description')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Form>
        </Card>
        <Card title={t('role.permissions')} styles={{ body: { padding: 0 } }}>
          <PermissionMatrix catalog={catalog} draft={draft} onChange={setDraft} />
        </Card>
        <Card title={t('role.capabilities')}>
          <Checkbox.Group
            value={draft.capabilities}
            onChange={(capabilities) => setDraft({ ...draft, capabilities: capabilities.map(String) })}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={catalog.capabilities.map((c) => ({ value: c.key, label: c.label, disabled: !me.capabilities.includes(c.key) }))}
          />
        </Card>
        <Card title={t('role.fieldRules')} styles={{ body: { padding: 0 } }}>
          <FieldRulesTable catalog={catalog} draft={draft} onChange={setDraft} />
        </Card>
      </Flex>
    </>
  );
}
