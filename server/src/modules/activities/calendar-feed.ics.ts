import ical from 'ical-generator';
import type { Locale } from '../../platform/access/principal.ts';
import type { ActivityKind } from './activities.schema.ts';
import type { ActivityDto } from './activities.types.ts';

/** What goes into a feed: tasks at their due time, and the kinds that take place with people. */
export const feedKinds = ['task', 'visit', 'meeting', 'call'] as const satisfies readonly ActivityKind[];
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 180;

const kindLabels: Record<Locale, Record<ActivityKind, string>> = {
  'zh-CN': { visit: '拜访', call: '电话', email: '邮件', meeting: '会议', task: '任务', note: '备注' },
  'en-US': { visit: 'Visit', call: 'Call', email: 'E-mail', meeting: 'Meeting', task: 'Task', note: 'Note' },
};
const accountLabel: Record<Locale, string> = { 'zh-CN': '客户', 'en-US': 'Account' };

function location(a: ActivityDto) {
  const geo = a.locationLat != null && a.locationLng != null ? { lat: a.locationLat, lon: a.locationLng } : undefined;
  if (a.locationAddress) return { title: a.locationAddress, geo };
  return geo ? { geo } : null;
}

/**
 * An iCalendar (RFC 5545) document of a user's activities, as calendar apps subscribe to it. Every
 * item is a VEVENT: calendar apps show subscribed VTODOs poorly or not at all, so a task is an event
 * at its due time, ticked in its summary once completed. UIDs are stable, so an edit moves the event.
 */
export function feedCalendar(owner: { name: string; locale: Locale }, items: ActivityDto[]): string {
  const cal = ical({ name: `Kehu · ${owner.name}`, prodId: { company: 'Kehu', product: 'Kehu CRM', language: owner.locale === 'en-US' ? 'EN' : 'ZH' }, ttl: 15 * 60 });
  const labels = kindLabels[owner.locale];
  for (const a of items) {
    const isTask = a.kind === 'task';
    const mark = isTask ? (a.completedAt ? '✓ ' : '☐ ') : '';
    cal.createEvent({
      id: `${a.id}@kehu`,
      start: new Date(isTask ? a.dueAt! : a.at),
      end: isTask || !a.endsAt ? null : new Date(a.endsAt),
      summary: `${mark}[${labels[a.kind]}] ${a.subject}`,
      description: [a.accountName && `${accountLabel[owner.locale]}: ${a.accountName}`, a.content].filter(Boolean).join('\n') || null,
      location: location(a),
      categories: [{ name: labels[a.kind] }],
      sequence: a.version,
      stamp: new Date(a.updatedAt),
      lastModified: new Date(a.updatedAt),
    });
  }
  return cal.toString();
}
