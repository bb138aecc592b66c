import { useState } from 'react';
import { Button, Drawer, Empty, Flex, Form } from 'antd';
import type { CustomField } from '../../app/api/schemas';
import { useI18n } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import type { CustomFilters } from './custom-filters';
import { CustomFilterInput } from './CustomFilterInput';
import { groupFields, localized } from './localized';

/** Filters on every custom field of a list, edited together and applied at once. */
export function CustomFiltersDrawer({ defs, value, onApply, onClose }: {
  defs: CustomField[];
  value: CustomFilters | undefined;
  onApply: (filters: CustomFilters | undefined) => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  const [draft, setDraft] = useState<CustomFilters>(value ?? {});
  const fields = groupFields(defs).flatMap((g) => g.fields);

  const apply = () => {
    const kept = Object.fromEntries(Object.entries(draft).filter(([, f]) => f !== undefined));
    onApply(Object.keys(kept).length ? kept : undefined);
  };

  return (
    <Drawer
      open
      title={t('filter.customFields')}
      size={isMobile ? '100%' : 420}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => setDraft({})}>{t('filter.clear')}</Button>
          <Button type="primary" onClick={apply}>
            {t('filter.apply')}
          </Button>
        </Flex>
      }
    >
      {fields.length ? (
        <Form layout="vertical">
          {fields.map((def) => (
            <Form.Item key={def.key} label={localized(def.label, locale)} htmlFor={`filter-${def.key}`}>
              <CustomFilterInput
                id={`filter-${def.key}`}
                def={def}
                value={draft[def.key]}
                onChange={(f) =>
                  setDraft((d) => {
                    const next = { ...d };
                    if (f) next[def.key] = f;
                    else delete next[def.key];
                    return next;
                  })
                }
              />
            </Form.Item>
          ))}
        </Form>
      ) : (
        <Empty description={t('customField.none')} />
      )}
    </Drawer>
  );
}
