import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Checkbox, Progress, Result, Space, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useImportFlow } from '../../../lib/import-flow.ts';
import { useLiveProgress } from '../../../lib/live-progress.ts';
import { downloadTemplate, useImportCustomers } from './api.ts';
import { ImportReportView } from './import-report.tsx';

/**
 * 客户导入: template → upload → the server's dry run (row-by-row errors, duplicates) →
 * import, all rows or none. Progress of big files arrives over the live stream.
 */
export function CustomerImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [dupsOk, setDupsOk] = useState(false);
  const run = useImportCustomers();
  const progress = useLiveProgress('customers.import', run.isPending);
  const { file, check, done, step, start, commit, reset } = useImportFlow(run, { onStart: () => setDupsOk(false), onImported: (r) => void message.success(t('customers.import.doneToast', { count: r.imported })) });
  const canCommit = !!check && check.errorCount === 0 && check.rows > 0 && (check.duplicates.length === 0 || dupsOk);
  const pct = progress?.total ? Math.round(((progress.imported ?? 0) / progress.total) * 100) : null;

  return (
    <div className="gd-stack">
      <Breadcrumb items={[{ title: <Link to="/customers">{t('nav.customers')}</Link> }, { title: t('customers.import.title') }]} />
      <PageHeader title={t('customers.import.title')} subtitle={t('customers.import.subtitle')} />
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
            title={t('customers.import.doneTitle', { count: done.imported })}
            subTitle={t('customers.import.doneSubtitle', { rows: done.rows, seconds: (done.durationMs / 1000).toFixed(1) })}
            extra={
              <Space wrap>
                <Link to="/customers">
                  <Button type="primary">{t('customers.import.toList')}</Button>
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
              <Button icon={<DownloadOutlined />} onClick={() => downloadTemplate(t('customers.import.templateFile')).catch((e: Error) => void message.error(e.message))} data-testid="download-template">
                {t('customers.import.download')}
              </Button>
              <Typography.Text type="secondary">{t('customers.import.templateHint')}</Typography.Text>
            </Space>
            <Upload.Dragger accept=".xlsx" multiple={false} showUploadList={false} beforeUpload={start} disabled={run.isPending} data-testid="import-upload">
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? file.name : t('customers.import.drop')}</p>
              <p className="ant-upload-hint">{t('customers.import.dropHint')}</p>
            </Upload.Dragger>
            {run.isPending && (
              <div className="gd-progress" data-testid="import-progress">
                <Spin size="small" /> <span>{t(check ? 'customers.import.importing' : 'customers.import.checking')}</span>
                {progress?.processed !== undefined && <Typography.Text type="secondary">{t('customers.import.processed', { count: progress.processed })}</Typography.Text>}
                {pct !== null && <Progress percent={pct} size="small" />}
              </div>
            )}
            {run.error && <ErrorAlert error={run.error} />}
            {check && !run.isPending && (
              <>
                <ImportReportView report={check} />
                {check.rows === 0 && <Typography.Text type="warning">{t('customers.import.emptyFile')}</Typography.Text>}
                {check.errorCount > 0 && <Typography.Text>{t('customers.import.fixAndRetry')}</Typography.Text>}
                {check.errorCount === 0 && check.duplicates.length > 0 && (
                  <Checkbox checked={dupsOk} onChange={(e) => setDupsOk(e.target.checked)}>
                    {t('customers.import.dupsAck', { count: check.duplicates.length })}
                  </Checkbox>
                )}
                <Space wrap>
                  {check.errorCount === 0 && (
                    <Button type="primary" disabled={!canCommit} onClick={commit} data-testid="commit-import">
                      {t('customers.import.commit', { count: check.valid })}
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
