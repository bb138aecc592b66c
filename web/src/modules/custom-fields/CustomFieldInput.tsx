import { DatePicker, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { CustomField } from '../../app/api/schemas';
import { useI18n } from '../../app/i18n/i18n-context';
import { RegionCascader } from '../accounts/regions/RegionCascader';
import { UserPicker } from '../org/users/UserPicker';
import { localized } from './localized';

interface Props {
  def: CustomField;
  value?: unknown;
  onChange?: (value: unknown) => void;
  id?: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const day = (v: unknown): Dayjs | undefined => (dayjs.isDayjs(v) ? v : undefined);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/** The control for one custom field, by its type; inside a Form.Item, which passes value, onChange and id. */
export function CustomFieldInput({ def, value, onChange, id }: Props) {
  const { t, locale } = useI18n();
  const full = { width: '100%' };
  // Archived options are not offered, but a record that holds one still shows it.
  const held = new Set(Array.isArray(value) ? value : [value]);
  const options = def.options
    .filter((o) => !o.archived || held.has(o.value))
    .map((o) => ({ value: o.value, label: localized(o.label, locale) }));

  switch (def.type) {
    case 'long_text':
      return <Input.TextArea id={id} value={text(value)} onChange={(e) => onChange?.(e.target.value)} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />;
    case 'number':
      return <InputNumber id={id} value={typeof value === 'number' ? value : undefined} onChange={(v) => onChange?.(v)} style={full} />;
    case 'money':
      return <InputNumber<string> id={id} stringMode precision={2} value={text(value)} onChange={(v) => onChange?.(v)} style={full} />;
    case 'date':
      return <DatePicker id={id} value={day(value)} onChange={(v) => onChange?.(v)} style={full} />;
    case 'datetime':
      return <DatePicker id={id} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={day(value)} onChange={(v) => onChange?.(v)} style={full} />;
    case 'single_select':
      return <Select id={id} allowClear value={text(value)} options={options} onChange={(v?: string) => onChange?.(v)} style={full} />;
    case 'multi_select':
      return <Select id={id} mode="multiple" allowClear value={strings(value)} options={options} onChange={(v: string[]) => onChange?.(v)} style={full} />;
    case 'boolean':
      return (
        <Select
          id={id}
          allowClear
          value={typeof value === 'boolean' ? value : undefined}
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]}
          onChange={(v?: boolean) => onChange?.(v)}
          style={full}
        />
      );
    case 'user':
      return <UserPicker id={id} value={text(value)} onChange={(v) => onChange?.(v)} style={full} />;
    case 'region':
      return <RegionCascader id={id} value={strings(value)} onChange={(path) => onChange?.(path?.map((r) => r.code))} style={full} />;
    case 'email':
      return <Input id={id} type="email" value={text(value)} onChange={(e) => onChange?.(e.target.value)} maxLength={200} />;
    case 'phone':
      return <Input id={id} type="tel" value={text(value)} onChange={(e) => onChange?.(e.target.value)} maxLength={40} />;
    case 'url':
      return <Input id={id} value={text(value)} onChange={(e) => onChange?.(e.target.value)} maxLength={2000} placeholder="https://" />;
    case 'text':
      return <Input id={id} value={text(value)} onChange={(e) => onChange?.(e.target.value)} maxLength={500} />;
  }
}
