import { Tag, Typography } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import type { SearchHit } from '../../app/api/schemas';
import { useT } from '../../app/i18n/i18n-context';
import { fieldLabel } from '../audit-log/labels';
import { Highlighted } from './Highlighted';

/**
 * One result: the name, and the matched span marked. When something other than the name matched
 * (short name, phone, e-mail, credit code), that field is shown under the name with its match.
 */
export function SearchHitLabel({ hit }: { hit: SearchHit }) {
  const t = useT();
  const h = hit.highlight;
  const onTitle = h && h.field === 'name' && h.text === hit.title;
  return (
    <div data-testid="search-hit" style={{ whiteSpace: 'normal', lineHeight: 1.4, padding: '2px 0' }}>
      <div>
        {hit.type === 'risk_flag' && (
          <Tag color="red" icon={<WarningFilled />} data-testid="risk-badge">
            {t('risk.warning')}
          </Tag>
        )}
        {onTitle ? <Highlighted text={h.text} ranges={h.ranges} /> : hit.title}
      </div>
      {h && !onTitle && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {fieldLabel(t, h.field, hit.type)}: <Highlighted text={h.text} ranges={h.ranges} />
        </Typography.Text>
      )}
      {hit.subtitle && (!h || onTitle) && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {hit.subtitle}
        </Typography.Text>
      )}
    </div>
  );
}
