import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Result, Space, Spin, Steps, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useImportFlow } from '../../../lib/import-flow.ts';
import { ImportReportView } from '../../customers/import/import-report.tsx';
import { downloadOrderTemplate, useImportOrders } from './api.ts';

/**
 * 订单导入: template → upload → the server's check (row-by-row errors) → import as drafts,
 * all rows or none. Rows with the same customer and order key form one order.
 */
export function OrderImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useImportOrders();
  const { file, check, done, step, start, commit, reset } = useImportFlow(run, { onImported: (r) => void message.success(t('orders.import.doneToast', { count: r.imported })) });

  return (
    <div className="gd-stack">
      <Breadcrumb items={[{ title: <Link to="/orders">{t('nav.orders')}</Link> }, { title: t('orders.import.title') }]} />
      <PageHeader title={t('orders.import.title')} subtitle={t('orders.import.subtitle')} />
      <Card size="small">
        <Steps
          current={step}
          status={done ? 'finish' : 'process'}
          size="small"
          responsive={false}
          titlePlacement="vertical"
          items={[{ title: t('customers.import.step.template') }, { title: t('customers.import.step.upload') }, { title: t('customers.import.step.check') }, { title: t('customers.import.step.done') }]}
        />
      </Card>
      {done ? (
        <Card size="small">
          <Result
            status="success"
            title={t('orders.import.doneTitle', { count: done.imported })}
            subTitle={t('orders.import.doneSubtitle', { rows: done.rows })}
            extra={
              <Space wrap>
                <Link to="/orders?status=draft">
                  <Button type="primary">{t('orders.import.toDrafts')}</Button>
                </Link>
                <Button onClick={reset}>{t('customers.import.another')}</Button>
              </Space>
            }
          />
        </Card>
      ) : (
        <Card size="small">
          <div className="gd-stack">
            <Space wrap>
              <Button icon={<DownloadOutlined />} onClick={() => downloadOrderTemplate(t('orders.import.templateFile')).catch((e: Error) => void message.error(e.message))}>
                {t('customers.import.download')}
              </Button>
              <Typography.Text type="secondary">{t('orders.import.templateHint')}</Typography.Text>
            </Space>
            <Upload.Dragger accept=".xlsx" multiple={false} showUploadList={false} beforeUpload={start} disabled={run.isPending}>
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? file.name : t('customers.import.drop')}</p>
              <p className="ant-upload-hint">{t('customers.import.dropHint')}</p>
            </Upload.Dragger>
            {run.isPending && (
              <div className="gd-progress">
                <Spin size="small" /> <span>{t(check ? 'customers.import.importing' : 'customers.import.checking')}</span>
              </div>
            )}
            {run.error && <ErrorAlert error={run.error} />}
            {check && !run.isPending && (
              <>
                <ImportReportView report={check} />
                {check.rows === 0 && <Typography.Text type="warning">{t('customers.import.emptyFile')}</Typography.Text>}
                {check.errorCount > 0 && <Typography.Text>{t('customers.import.fixAndRetry')}</Typography.Text>}
                <Space wrap>
                  {check.errorCount === 0 && (
                    <Button type="primary" disabled={check.rows === 0} onClick={commit}>
                      {t('orders.import.commit', { count: check.valid })}
                    </Button>
                  )}
                  <Button onClick={reset}>{t('customers.import.chooseOther')}</Button>
                </Space>
              </>
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
