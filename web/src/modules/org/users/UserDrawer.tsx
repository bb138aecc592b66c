import { useMemo, useState } from 'react';
import { Button, Drawer, Flex, Form, Input, Select, Switch, TreeSelect } from 'antd';
import { api, call } from '../../../app/api/client';
import type { CreateUserInput, OrgUnit, Role, UpdateUserInput, User } from '../../../app/api/schemas';
import { useReportError } from '../../../app/api/report-error';
import { roleWithinMe } from '../../../app/auth/access';
import { useSignedIn } from '../../../app/auth/auth-context';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../app/responsive';
import { unitOptions } from '../units/unit-tree';

interface Values {
  login: string;
  name: string;
  title: string;
  unitId: string | undefined;
  roleIds: string[];
  managedUnitIds: string[];
  email: string;
  phone: string;
  /** '' follows the browser */
  locale: '' | 'zh-CN' | 'en-US';
  active: boolean;
}

const toValues = (u: User | undefined, defaultUnitId: string | undefined): Values => ({
  login: u?.login ?? '',
  name: u?.name ?? '',
  title: u?.title ?? '',
  unitId: u?.unitId ?? defaultUnitId,
  roleIds: u?.roleIds ?? [],
  managedUnitIds: u?.managedUnitIds ?? [],
  email: u?.email ?? '',
  phone: u?.phone ?? '',
  locale: u?.locale ?? '',
  active: u?.active ?? true,
});

const orNull = (s: string) => s.trim() || null;

/**
 * Only what the user changed goes to the server. Besides being tidy this protects masked values: a
 * phone shown as 138****8000 must not be written back over the real number.
 */
function changes(before: Values, after: Values, self: boolean): Omit<UpdateUserInput, 'version'> {
  const out: Omit<UpdateUserInput, 'version'> = {};
  if (after.name !== before.name) out.name = after.name.trim();
  if (after.title !== before.title) out.title = orNull(after.title);
  if (after.email !== before.email) out.email = orNull(after.email);
  if (after.phone !== before.phone) out.phone = orNull(after.phone);
  if (after.locale !== before.locale) out.locale = after.locale || null;
  // The server refuses these on your own account (no locking yourself out, no raising yourself).
  if (!self) {
    if (after.unitId && after.unitId !== before.unitId) out.unitId = after.unitId;
    if (after.active !== before.active) out.active = after.active;
    if ([...after.roleIds].sort().join() !== [...before.roleIds].sort().join()) out.roleIds = after.roleIds;
    if ([...after.managedUnitIds].sort().join() !== [...before.managedUnitIds].sort().join()) out.managedUnitIds = after.managedUnitIds;
  }
  return out;
}

export interface UserDrawerProps {
  /** undefined creates a user */
  user?: User;
  units: OrgUnit[];
  roles: Role[];
  defaultUnitId?: string;
  onCreated: (user: User, oneTimePassword: string | null) => void;
  onSaved: (user: User) => void;
  onClose: () => void;
}

export function UserDrawer({ user, units, roles, defaultUnitId, onCreated, onSaved, onClose }: UserDrawerProps) {
  const t = useT();
  const { me } = useSignedIn();
  const isMobile = useIsMobile();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const self = user?.id === me.user.id;
  const initial = useMemo(() => toValues(user, defaultUnitId), [user, defaultUnitId]);
  const unitTree = useMemo(() => unitOptions(units), [units]);
  const roleOptions = useMemo(
    () =>
      roles.map((r) => {
        const allowed = roleWithinMe(r, me);
        return { value: r.id, label: allowed ? r.name : `${r.name} (${t('user.roles.beyondYou')})`, disabled: !allowed };
      }),
    [roles, me, t],
  );

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      if (!user) {
        const body: CreateUserInput = {
          login: v.login.trim().toLowerCase(),
          name: v.name.trim(),
          title: orNull(v.title),
          unitId: v.unitId ?? '',
          roleIds: v.roleIds,
          managedUnitIds: v.managedUnitIds,
          email: orNull(v.email),
          phone: orNull(v.phone),
          locale: v.locale || null,
        };
        const created = await call(api.POST('/api/v1/users', { body }));
        onCreated(created.user, created.oneTimePassword);
      } else {
        const body = { version: user.version, ...changes(initial, v, self) };
        onSaved(await call(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body })));
      }
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      title={user ? t('user.edit.title', { name: user.name }) : t('user.create.title')}
      size={isMobile ? '100%' : 520}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form name="user" form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item
          name="login"
          label={t('user.login')}
          extra={user ? undefined : t('user.login.hint')}
          rules={[
            { required: true, whitespace: true, message: t('user.login.required') },
            { pattern: /^[A-Za-z0-9._@-]{2,60}$/, message: t('user.login.invalid') },
          ]}
        >
          <Input disabled={!!user} autoCapitalize="off" autoComplete="off" maxLength={60} />
        </Form.Item>
        <Form.Item name="name" label={t('user.name')} rules={[{ required: true, whitespace: true, message: t('user.name.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="title" label={t('user.title')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="unitId" label={t('user.unit')} rules={[{ required: true, message: t('user.unit.required') }]}>
          <TreeSelect treeData={unitTree} treeDefaultExpandAll disabled={self} showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="roleIds" label={t('user.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('user.roles.required') }]}>
          <Select mode="multiple" options={roleOptions} disabled={self} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="managedUnitIds" label={t('user.managedUnits')} extra={t('user.managedUnits.hint')}>
          <TreeSelect treeData={unitTree} treeDefaultExpandAll multiple disabled={self} showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email', message: t('user.email.invalid') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t('user.phone')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="locale" label={t('user.locale')}>
          <Select
            options={[
              { value: '', label: t('locale.browser') },
              { value: 'zh-CN', label: '中文' },
              { value: 'en-US', label: 'English' },
            ]}
          />
        </Form.Item>
        {user && !self && (
          <Form.Item name="active" label={t('user.active')} valuePropName="checked" extra={t('user.active.hint')}>
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
