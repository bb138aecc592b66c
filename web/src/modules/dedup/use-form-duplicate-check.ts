import { Form, type FormInstance } from 'antd';
import { useDuplicateCheck, type DuplicateInput, type DuplicateState } from './use-duplicate-check';

const none: DuplicateInput = {};

/**
 * The duplicate check of an account form (create or edit): the name, other names, credit code,
 * phones and e-mails as typed. When editing, nothing is checked until one of them changes — the
 * record was checked when it was entered, and asking again on every save would teach users to click
 * through the question.
 */
export function useFormDuplicateCheck(form: FormInstance, opts: { excludeId?: string; initial?: DuplicateInput } = {}): DuplicateState {
  const input: DuplicateInput = {
    name: Form.useWatch('name', form) as string | undefined,
    shortName: Form.useWatch('shortName', form) as string | undefined,
    englishName: Form.useWatch('englishName', form) as string | undefined,
    formerNames: Form.useWatch('formerNames', form) as string[] | undefined,
    creditCode: Form.useWatch('creditCode', form) as string | undefined,
    phones: Form.useWatch('phones', form) as string[] | undefined,
    emails: Form.useWatch('emails', form) as string[] | undefined,
  };
  const unchanged = opts.initial !== undefined && sameInput(input, opts.initial);
  return useDuplicateCheck(unchanged ? none : input, opts.excludeId);
}

const norm = (v: DuplicateInput) =>
  JSON.stringify([v.name ?? '', v.shortName ?? '', v.englishName ?? '', v.formerNames ?? [], v.creditCode ?? '', v.phones ?? [], v.emails ?? []]);
const sameInput = (a: DuplicateInput, b: DuplicateInput) => norm(a) === norm(b);
