import type { FormRule } from 'antd';
import type { Translate } from '../../app/i18n/translate';

/** The server's strength rule (10+ characters, letters and digits), checked before the round trip. */
export const newPasswordRules = (t: Translate): FormRule[] => [
  { required: true, message: t('password.new.required') },
  { min: 10, message: t('reason.passwordLength') },
  { pattern: /^(?=.*[A-Za-z])(?=.*\d)/, message: t('reason.passwordMix') },
];

export const confirmPasswordRules = (t: Translate): FormRule[] => [
  { required: true, message: t('password.confirm.required') },
  ({ getFieldValue }) => ({
    validator: (_, value: string | undefined) =>
      !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.confirm.mismatch'))),
  }),
];
