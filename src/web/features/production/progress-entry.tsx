import { App, Button, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportProgress, type WorkOrderDetail } from './api.ts';

/** Good / scrap for one operation and 报工 — large enough to tap on a shop-floor tablet. */
export function ProgressEntry({ workOrderId, operation }: { workOrderId: string; operation: WorkOrderDetail['operations'][number] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportProgress();
  const [good, setGood] = useState<number | null>(null);
  const [scrap, setScrap] = useState<number | null>(null);
  const submit = async () => {
    try {
      await report.mutateAsync({ id: workOrderId, operationId: operation.id, goodQty: good ?? 0, scrapQty: scrap ?? 0 });
      setGood(null);
      setScrap(null);
      void message.success(t('production.reported'));
    } catch (err) {
      // The server says what is wrong and how much is left (PROGRESS_EXCEEDS_REMAINING).
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Space.Compact>
      <InputNumber min={0} value={good} onChange={setGood} placeholder={t('production.good')} style={{ width: 90 }} aria-label={t('production.good')} data-testid={`good-${operation.seq}`} />
      <InputNumber min={0} value={scrap} onChange={setScrap} placeholder={t('production.scrap')} style={{ width: 90 }} aria-label={t('production.scrap')} />
      <Button type="primary" onClick={() => void submit()} loading={report.isPending} disabled={!good && !scrap} data-testid={`report-${operation.seq}`}>
        {t('production.report')}
      </Button>
    </Space.Compact>
  );
}
