import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Col, Descriptions, Empty, Flex, Row, Spin, Tree, Typography } from 'antd';
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { api, call } from '../../../app/api/client';
import type { OrgUnit } from '../../../app/api/schemas';
import { useReportError } from '../../../app/api/report-error';
import { useSignedIn } from '../../../app/auth/auth-context';
import { useT } from '../../../app/i18n/i18n-context';
import { PageHeader } from '../../../app/shell/PageHeader';
import { formatDateTime } from '../../../app/format';
import { MoveUnitModal } from './MoveUnitModal';
import { UnitFormModal, type UnitFormTarget } from './UnitFormModal';
import { UnitKindTag, kindIcon } from './UnitKindTag';
import { buildTree } from './unit-tree';
import { useUnits } from './use-units';

interface TreeNode {
  key: string;
  title: ReactNode;
  icon: ReactNode;
  children: TreeNode[];
}

export default function OrgUnitsPage() {
  const t = useT();
  const { access } = useSignedIn();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const { data: units = [], loading, reload } = useUnits();
  const [selectedId, setSelectedId] = useState<string>();
  const [expanded, setExpanded] = useState<string[]>();
  const [form, setForm] = useState<UnitFormTarget>();
  const [moving, setMoving] = useState<OrgUnit>();

  // Everything starts expanded; afterwards the user's own expanding and collapsing is kept.
  useEffect(() => {
    if (!expanded && units.length) setExpanded(units.map((u) => u.id));
    if (units.length && !units.some((u) => u.id === selectedId)) setSelectedId(units[0].id);
  }, [units, expanded, selectedId]);

  const treeData = useMemo(
    () =>
      buildTree<TreeNode>(units, (u, children) => ({
        key: u.id,
        icon: kindIcon[u.kind],
        title: u.name,
        children,
      })),
    [units],
  );
  const selected = units.find((u) => u.id === selectedId);

  const afterSave = (unit: OrgUnit) => {
    setForm(undefined);
    setMoving(undefined);
    setExpanded((keys) => [...new Set([...(keys ?? []), unit.id, ...(unit.parentId ? [unit.parentId] : [])])]);
    setSelectedId(unit.id);
    void message.success(t('common.saved'));
    reload();
  };

  const remove = (unit: OrgUnit) =>
    modal.confirm({
      title: t('unit.delete.confirm', { name: unit.name }),
      content: t('unit.delete.text'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await call(api.DELETE('/api/v1/org-units/{id}', { params: { path: { id: unit.id } } }));
          setSelectedId(unit.parentId ?? undefined);
          void message.success(t('common.deleted'));
          reload();
        } catch (err) {
          report(err);
        }
      },
    });

  return (
    <>
      <PageHeader title={t('nav.org')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={10}>
          <Card title={t('unit.tree')} styles={{ body: { padding: 12 } }}>
            {loading && !units.length ? (
              <Spin />
            ) : units.length ? (
              <Tree
                showIcon
                blockNode
                treeData={treeData}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => keys.length && setSelectedId(String(keys[0]))}
              />
            ) : (
              <Empty description={t('unit.none')} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={14}>
          {selected && (
            <Card
              title={
                <Flex align="center" gap={8}>
                  <span>{selected.name}</span>
                  <UnitKindTag kind={selected.kind} />
                </Flex>
              }
            >
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'code', label: t('unit.code'), children: selected.code ?? '—' },
                  { key: 'parent', label: t('unit.parent'), children: units.find((u) => u.id === selected.parentId)?.name ?? '—' },
                  { key: 'sortOrder', label: t('unit.sortOrder'), children: selected.sortOrder },
                  { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(selected.createdAt) },
                  { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(selected.updatedAt) },
                ]}
              />
              <Flex wrap gap={8} style={{ marginTop: 16 }}>
                {selected.permissions.createChild && (
                  <>
                    <Button icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create', parent: selected, kind: 'branch' })}>
                      {t('unit.addBranch')}
                    </Button>
                    <Button icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create', parent: selected, kind: 'department' })}>
                      {t('unit.addDepartment')}
                    </Button>
                  </>
                )}
                {selected.permissions.update && (
                  <Button icon={<EditOutlined />} onClick={() => setForm({ mode: 'edit', unit: selected })}>
                    {t('unit.rename')}
                  </Button>
                )}
                {selected.permissions.update && selected.parentId && (
                  <Button icon={<DragOutlined />} onClick={() => setMoving(selected)}>
                    {t('unit.move')}
                  </Button>
                )}
                {selected.permissions.delete && (
                  <Button danger icon={<DeleteOutlined />} onClick={() => remove(selected)}>
                    {t('common.delete')}
                  </Button>
                )}
                {access.can('user', 'read') && (
                  <Link to={`/users?unitId=${selected.id}`}>
                    <Button type="link" icon={<TeamOutlined />}>
                      {t('unit.members')}
                    </Button>
                  </Link>
                )}
              </Flex>
              {!selected.permissions.update && !selected.permissions.createChild && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
                  {t('unit.readOnly')}
                </Typography.Paragraph>
              )}
            </Card>
          )}
        </Col>
      </Row>
      {form && <UnitFormModal target={form} onDone={afterSave} onCancel={() => setForm(undefined)} />}
      {moving && <MoveUnitModal unit={moving} units={units} onDone={afterSave} onCancel={() => setMoving(undefined)} />}
    </>
  );
}
