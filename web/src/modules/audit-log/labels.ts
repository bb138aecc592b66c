import { hasMessage, type Translate } from '../../app/i18n/translate';

/** Events the server writes today; the filter offers these, and unknown ones still display raw. */
export const auditActions = [
  'create', 'update', 'delete', 'restore', 'login', 'login_failed', 'login_locked', 'logout_all',
  'change_password', 'reset_password', 'revoke',
] as const;

/** Record types whose events appear in the log: the role catalog's objects plus these two. */
export const extraObjectTypes = ['role', 'api_key'] as const;

export function eventLabel(t: Translate, action: string): string {
  const key = `event.${action}`;
  return hasMessage(key) ? t(key) : action;
}

export function objectLabel(t: Translate, type: string): string {
  const key = `object.${type}`;
  return hasMessage(key) ? t(key) : type;
}

/** A field's name, per record type where the same field means different things (a user's name is 姓名). */
export function fieldLabel(t: Translate, field: string, objectType?: string): string {
  const specific = `field.${objectType}.${field}`;
  if (objectType && hasMessage(specific)) return t(specific);
  const key = `field.${field}`;
  return hasMessage(key) ? t(key) : field;
}
