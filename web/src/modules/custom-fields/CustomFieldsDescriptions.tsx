import { Descriptions } from 'antd';
import type { CustomField } from '../../app/api/schemas';
import { useI18n } from '../../app/i18n/i18n-context';
import { CustomFieldValue } from './CustomFieldValue';
import type { CustomValues } from './custom-values';
import { groupFields, localized } from './localized';

/** A record's custom values for reading, one block per section the administrator defined. */
export function CustomFieldsDescriptions({ defs, values, columns }: { defs: CustomField[]; values: CustomValues; columns: number }) {
  const { t, locale } = useI18n();
  return (
    <>
      {groupFields(defs).map(({ group, fields }) => (
        <Descriptions
          key={group ?? ''}
          title={group ?? t('customField.section')}
          size="small"
          column={columns}
          style={{ marginTop: 16 }}
          items={fields.map((def) => ({
            key: def.key,
            label: localized(def.label, locale),
            children: <CustomFieldValue def={def} value={values[def.key]} />,
          }))}
        />
      ))}
    </>
  );
}
