import { Segmented } from 'antd';
import { useAuth } from '../auth/auth-context';
import { useReportError } from '../api/report-error';
import { useI18n } from '../i18n/i18n-context';
import { isLocale } from '../i18n/locale';

/** 中 / EN in the header; when signed in the choice is saved to the profile and follows the user. */
export function LocaleSwitch() {
  const { locale, setLocale } = useI18n();
  const { me, chooseLocale } = useAuth();
  const report = useReportError();
  return (
    <Segmented
      size="small"
      value={locale}
      aria-label="Language / 语言"
      options={[
        { label: '中', value: 'zh-CN' },
        { label: 'EN', value: 'en-US' },
      ]}
      onChange={(value) => {
        if (!isLocale(value)) return;
        if (me) chooseLocale(value).catch(report);
        else setLocale(value);
      }}
    />
  );
}
