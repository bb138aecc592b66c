import type { ReactNode } from 'react';
import { CarOutlined, CheckSquareOutlined, FileTextOutlined, MailOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import type { ActivityKind } from '../../app/api/schemas';
import type { MessageKey } from '../../app/i18n/translate';

/** The kinds of follow-up, in the order the form offers them, with a label and an icon each. */
export const activityKinds: { kind: ActivityKind; label: MessageKey; icon: ReactNode; color: string }[] = [
  { kind: 'visit', label: 'activity.kind.visit', icon: <CarOutlined />, color: 'green' },
  { kind: 'call', label: 'activity.kind.call', icon: <PhoneOutlined />, color: 'blue' },
  { kind: 'meeting', label: 'activity.kind.meeting', icon: <TeamOutlined />, color: 'purple' },
  { kind: 'email', label: 'activity.kind.email', icon: <MailOutlined />, color: 'cyan' },
  { kind: 'task', label: 'activity.kind.task', icon: <CheckSquareOutlined />, color: 'orange' },
  { kind: 'note', label: 'activity.kind.note', icon: <FileTextOutlined />, color: 'gray' },
];

export const kindOf = (kind: ActivityKind) => activityKinds.find((k) => k.kind === kind) ?? activityKinds[activityKinds.length - 1];

/** Visits and meetings happen somewhere. */
export const locatedKinds: ActivityKind[] = ['visit', 'meeting'];
