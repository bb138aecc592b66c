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
  required: 'reason.required',
  'not a unified social credit code (length)': 'reason.creditCode.length',
  'not a unified social credit code (characters)': 'reason.creditCode.characters',
  'not a unified social credit code (region)': 'reason.creditCode.region',
  'not a unified social credit code (check digit)': 'reason.creditCode.checkDigit',
  'not a phone number': 'reason.phone',
  'Invalid email address': 'reason.email',
  'not an e-mail address': 'reason.email',
  'not a web address': 'reason.url',
  'a number': 'reason.number',
  'a non-negative amount with at most 2 decimals': 'reason.money',
  'an amount with at most 15 digits and 2 decimals': 'reason.money',
  'not an active account type': 'reason.accountType',
  'no such active user': 'reason.noSuchUser',
  'no such user': 'reason.noSuchUser',
  'already used by another record': 'reason.valueTaken',
  'records already share values of this field': 'reason.valuesShared',
  'used by an archived field: keys are never reused (restore it instead)': 'reason.keyArchived',
  'lower-case letters, digits and _, starting with a letter, at most 30': 'reason.fieldKey',
  'a select field needs at least one active option': 'reason.needsOption',
};

// `conflict` carries a machine-readable reason; say what exactly is in the way.
const conflicts: Record<string, MessageKey> = {
  unit_not_empty: 'conflict.unitNotEmpty',
  role_in_use: 'conflict.roleInUse',
  builtin_admin: 'conflict.builtinAdmin',
  parent_deleted: 'conflict.parentDeleted',
  field_archived: 'conflict.fieldArchived',
  duplicate_values: 'conflict.duplicateValues',
};

export const reasonText = (t: Translate, reason: string) => (reasons[reason] ? t(reasons[reason]) : reason);

export function describeError(t: Translate, err: ApiError, unplaced: FieldIssue[] = err.issues): string {
  const reason = typeof err.details.reason === 'string' ? conflicts[err.details.reason] : undefined;
  const vars = Object.fromEntries(Object.entries(err.details).map(([k, v]) => [k, String(v)]));
  const head = reason ? t(reason, vars) : err.message;
  if (!unplaced.length) return head;
  return `${head}: ${unplaced.map((i) => `${i.field.replace(/^body\./, '')} ${reasonText(t, i.reason)}`).join('; ')}`;
}

/**
 * The form field an issue belongs to: the longest registered field its path starts with, so
 * `custom.level` lands on the custom field and `phones.1` on the phones input.
 */
function fieldPathOf(form: FormInstance, issueField: string): (string | number)[] | undefined {
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const parts = issueField.replace(/^body\./, '').split('.');
  for (let n = parts.length; n > 0; n--) {
    if (registered.has(parts.slice(0, n).join('.'))) return parts.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  }
  return undefined;
}

/** Where the form has the field, the server's issue appears under it. */
function placeOnForm(t: Translate, form: FormInstance, issues: FieldIssue[]): FieldIssue[] {
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    const name = fieldPathOf(form, issue.field);
    if (!name) {
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
