import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useT } from '../i18n/i18n-context';
import type { MessageKey, Translate } from '../i18n/translate';
import { ApiError, type FieldIssue } from './api-error';

// The server's field reasons are short English phrases; these are the ones a person can act on.
const reasons: Record<string, MessageKey> = {
  taken: 'reason.taken',
  'wrong password': 'reason.wrongPassword',
  'same as the current one': 'reason.samePassword',
  'at least 10 characters': 'reason.passwordLength',
  'letters and digits': 'reason.passwordMix',
  'no such unit': 'reason.noSuchUnit',
  'no such unit in your scope': 'reason.noSuchUnit',
  'outside your data scope': 'reason.outsideScope',
  'a role grants more than you hold': 'reason.roleTooStrong',
  'a role cannot grant more than you hold': 'reason.roleTooStrong',
  'you can only delegate a role you hold': 'reason.roleNotHeld',
  'unknown role': 'reason.unknownRole',
  'a unit cannot move under itself': 'reason.moveUnderItself',
  'the head office cannot move': 'reason.headOfficeCannotMove',
};

// `conflict` carries a machine-readable reason; say what exactly is in the way.
const conflicts: Record<string, MessageKey> = {
  unit_not_empty: 'conflict.unitNotEmpty',
  role_in_use: 'conflict.roleInUse',
  builtin_admin: 'conflict.builtinAdmin',
  parent_deleted: 'conflict.parentDeleted',
};

export const reasonText = (t: Translate, reason: string) => (reasons[reason] ? t(reasons[reason]) : reason);

export function describeError(t: Translate, err: ApiError, unplaced: FieldIssue[] = err.issues): string {
  const reason = typeof err.details.reason === 'string' ? conflicts[err.details.reason] : undefined;
  const vars = Object.fromEntries(Object.entries(err.details).map(([k, v]) => [k, String(v)]));
  const head = reason ? t(reason, vars) : err.message;
  if (!unplaced.length) return head;
  return `${head}: ${unplaced.map((i) => `${i.field.replace(/^body\./, '')} ${reasonText(t, i.reason)}`).join('; ')}`;
}

/** Where the form has the field, the server's issue appears under it. */
function placeOnForm(t: Translate, form: FormInstance, issues: FieldIssue[]): FieldIssue[] {
  const values = form.getFieldsValue(true) as Record<string, unknown>;
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    const name = issue.field.replace(/^body\./, '');
    if (name.includes('.') || !(name in values || form.getFieldInstance(name))) {
      unplaced.push(issue);
      continue;
    }
    form.setFields([{ name, errors: [reasonText(t, issue.reason)] }]);
  }
  return unplaced;
}

/**
 * Turns a failed call into what the user sees: field errors on the form when there is one, otherwise
 * a message. A 401 says nothing here: the session handler already takes the user to the sign-in page.
 */
export function useReportError() {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (!(err instanceof ApiError)) {
        console.error(err);
        void message.error(t('error.network'));
        return;
      }
      if (err.status === 401 && err.code === 'unauthenticated') return;
      const unplaced = form ? placeOnForm(t, form, err.issues) : err.issues;
      // Every issue shown under its field: the form already says everything.
      if (form && err.issues.length && !unplaced.length) return;
      void message.error(describeError(t, err, unplaced));
    },
    [message, t],
  );
}
