import { Form, Input, Modal } from 'antd';
import { useT } from '../../app/i18n/i18n-context';

export interface CloseValues {
  closeReason?: string;
  lostTo?: string;
}

/** Moving a deal to a won or lost stage asks why (a loss must say why, and may name who won it). */
export function CloseDealModal({ stage, onOk, onCancel }: { stage: { name: string; kind: 'open' | 'won' | 'lost' }; onOk: (v: CloseValues) => void; onCancel: () => void }) {
  const t = useT();
  const [form] = Form.useForm<CloseValues>();
  return (
    <Modal open title={t('opp.close.title', { stage: stage.name })} onCancel={onCancel} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={onOk}>
        <Form.Item name="closeReason" label={t('opp.closeReason')} rules={stage.kind === 'lost' ? [{ required: true, message: t('opp.closeReason.required') }] : []}>
          <Input.TextArea rows={2} maxLength={500} data-testid="close-reason" />
        </Form.Item>
        {stage.kind === 'lost' && (
          <Form.Item name="lostTo" label={t('opp.lostTo')}>
            <Input maxLength={100} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
