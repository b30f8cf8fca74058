import { App, Button, Card, Form, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveSetting, useSettings } from '../../admin/settings/api.ts';

/** The admin's limits above which an adjustment waits for approval (empty = no limit); value in yuan at product cost. */
export function ThresholdCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSettings();
  const save = useSaveSetting();
  const current = settings.data?.['inventory.adjustmentApproval'];
  if (!current) return null;
  return (
    <Card size="small" title={t('inventory.adjust.thresholdTitle')} style={{ marginBottom: 12 }}>
      <Form
        layout="inline"
        initialValues={{ qty: current.qty, value: current.valueFen === null ? null : current.valueFen / 100 }}
        onFinish={async (v: { qty: number | null; value: number | null }) => {
          await save.mutateAsync({ key: 'inventory.adjustmentApproval', value: { qty: v.qty ?? null, valueFen: v.value === null || v.value === undefined ? null : Math.round(v.value * 100) } });
          void message.success(t('inventory.adjust.thresholdSaved'));
        }}
      >
        <Form.Item name="qty" label={t('inventory.adjust.thresholdQty')}>
          <InputNumber min={0} placeholder={t('inventory.adjust.noLimit')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="value" label={t('inventory.adjust.thresholdValue')}>
          <InputNumber min={0} precision={2} prefix="¥" placeholder={t('inventory.adjust.noLimit')} style={{ width: 160 }} />
        </Form.Item>
        <Space>
          <Button htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
