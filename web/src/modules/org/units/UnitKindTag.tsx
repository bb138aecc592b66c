import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { ApartmentOutlined, BankOutlined, TeamOutlined } from '@ant-design/icons';
import type { UnitKind } from '../../../app/api/schemas';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';

export const kindLabel: Record<UnitKind, MessageKey> = {
  head_office: 'unit.kind.head_office',
  branch: 'unit.kind.branch',
  department: 'unit.kind.department',
};

export const kindIcon: Record<UnitKind, ReactNode> = {
  head_office: <BankOutlined />,
  branch: <ApartmentOutlined />,
  department: <TeamOutlined />,
};

const kindColor: Record<UnitKind, string> = { head_office: 'gold', branch: 'blue', department: 'default' };

export function UnitKindTag({ kind }: { kind: UnitKind }) {
  const t = useT();
  return (
    <Tag color={kindColor[kind]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(kindLabel[kind])}
    </Tag>
  );
}
