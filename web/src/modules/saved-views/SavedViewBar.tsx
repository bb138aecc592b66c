import { useState } from 'react';
import { App, Button, Dropdown, Flex, Select, Tag, type MenuProps } from 'antd';
import { DeleteOutlined, MoreOutlined, SaveOutlined, StarOutlined, TeamOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import type { SavedView } from '../../app/api/schemas';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { SaveViewModal } from './SaveViewModal';
import { sameContent, type ViewContent } from './view-content';

interface Props {
  objectType: string;
  views: SavedView[];
  /** the view the list was opened from; undefined: the built-in list */
  activeId: string | undefined;
  /** the list as it is now */
  content: ViewContent;
  onApply: (view: SavedView | null) => void;
  onChanged: () => void;
}

/**
 * Saved views of a list: pick one, save changes to it, save the list as a new personal or shared view,
 * make a view (or the built-in list) your default, delete one. What a view does not allow is not offered.
 */
export function SavedViewBar({ objectType, views, activeId, content, onApply, onChanged }: Props) {
  const t = useT();
  const { me } = useSignedIn();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const isMobile = useIsMobile();
  const [saving, setSaving] = useState(false);
  const active = views.find((v) => v.id === activeId);
  const modified = !!active && !sameContent(active, content);
  const anyDefault = views.some((v) => v.isDefault);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
      onChanged();
    } catch (err) {
      report(err);
    }
  };

  const label = (v: SavedView) => (
    <Flex gap={6} align="center">
      <span>{v.name}</span>
      {v.sharing !== 'personal' && <TeamOutlined aria-label={t(`view.sharing.${v.sharing}`)} style={{ color: '#999' }} />}
      {v.isDefault && <Tag style={{ marginInlineEnd: 0 }}>{t('view.default')}</Tag>}
    </Flex>
  );
  const mine = views.filter((v) => v.ownerId === me.user.id);
  const shared = views.filter((v) => v.ownerId !== me.user.id);
  const options = [
    { value: '', label: <Flex gap={6}>{t('view.builtin')}{!anyDefault && <Tag style={{ marginInlineEnd: 0 }}>{t('view.default')}</Tag>}</Flex>, title: t('view.builtin') },
    ...(mine.length ? [{ label: t('view.mine'), title: t('view.mine'), options: mine.map((v) => ({ value: v.id, label: label(v), title: v.name })) }] : []),
    ...(shared.length ? [{ label: t('view.shared'), title: t('view.shared'), options: shared.map((v) => ({ value: v.id, label: label(v), title: v.name })) }] : []),
  ];

  const saveChanges = async () => {
    if (!active) return;
    setSaving(true);
    await run(
      () => call(api.PATCH('/api/v1/saved-views/{id}', { params: { path: { id: active.id } }, body: { version: active.version, ...content } })),
      t('view.saved', { name: active.name }),
    );
    setSaving(false);
  };

  const remove = (view: SavedView) =>
    modal.confirm({
      title: t('view.delete.confirm', { name: view.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: () =>
        run(async () => {
          await call(api.DELETE('/api/v1/saved-views/{id}', { params: { path: { id: view.id } } }));
          onApply(null);
        }, t('common.deleted')),
    });

  const menu: MenuProps['items'] = active
    ? [
        active.isDefault
          ? { key: 'undefault', icon: <StarOutlined />, label: t('view.clearDefault'), onClick: () => run(() => call(api.DELETE('/api/v1/saved-views/defaults/{objectType}', { params: { path: { objectType } } })), t('common.saved')) }
          : { key: 'default', icon: <StarOutlined />, label: t('view.makeDefault'), onClick: () => run(() => call(api.POST('/api/v1/saved-views/{id}/default', { params: { path: { id: active.id } } })), t('common.saved')) },
        ...(active.permissions.delete ? [{ key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('common.delete'), onClick: () => remove(active) }] : []),
      ]
    : anyDefault
      ? [{ key: 'builtin-default', icon: <StarOutlined />, label: t('view.makeDefault'), onClick: () => run(() => call(api.DELETE('/api/v1/saved-views/defaults/{objectType}', { params: { path: { objectType } } })), t('common.saved')) }]
      : [];

  const [naming, setNaming] = useState(false);
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
      <Select
        aria-label={t('view.label')}
        value={activeId ?? ''}
        options={options}
        onChange={(id: string) => onApply(views.find((v) => v.id === id) ?? null)}
        optionLabelProp="title"
        style={{ width: isMobile ? '100%' : 220 }}
        popupMatchSelectWidth={260}
      />
      {modified && <Tag color="orange">{t('view.modified')}</Tag>}
      {modified && active.permissions.update && (
        <Button icon={<SaveOutlined />} loading={saving} onClick={saveChanges}>
          {t('view.save')}
        </Button>
      )}
      <Button onClick={() => setNaming(true)}>{t('view.saveAs')}</Button>
      {menu.length > 0 && (
        <Dropdown menu={{ items: menu }} trigger={['click']}>
          <Button icon={<MoreOutlined />} aria-label={t('view.more')} />
        </Dropdown>
      )}
      {naming && (
        <SaveViewModal
          objectType={objectType}
          content={content}
          onCancel={() => setNaming(false)}
          onSaved={(view) => {
            setNaming(false);
            void message.success(t('view.saved', { name: view.name }));
            onChanged();
            onApply(view);
          }}
        />
      )}
    </Flex>
  );
}
