import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Checkbox, Progress, Result, Space, Spin, Steps, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportReport } from '../../contracts/customers.ts';
import { api, saveBlob } from '../lib/api.ts';
import { useImportFlow, type ImportMutation } from '../lib/import-flow.ts';
import { useLiveProgress } from '../lib/live-progress.ts';
import { ErrorAlert } from './error-alert.tsx';
import { ImportReportView } from './import-report.tsx';
import { PageHeader } from './page-header.tsx';

/** What one import page says and where it goes; the flow and the layout are the same for every import. */
export interface ImportPageProps {
  /** The list the rows land in: the breadcrumb's first crumb. */
  parent: { to: string; label: string };
  title: string;
  subtitle: string;
  /** Drawn between the page header and the steps, e.g. a section's tabs (as on the section's other pages). */
  belowHeader?: ReactNode;
  /** From `useImportMutation(path, invalidates)`. */
  run: ImportMutation;
  template: { path: string; filename: string; hint: string };
  /** The server's live-progress task name, for imports that report progress while they run. */
  progressTask?: string;
  commitLabel: (check: ImportReport) => string;
  /**
   * A statement the user must tick before a clean check may be imported (e.g. "these are not
   * duplicates"); null when the check needs none.
   */
  acknowledge?: (check: ImportReport) => string | null;
  /** The report of a check; the errors-and-duplicates view unless the import says otherwise. */
  report?: (check: ImportReport) => ReactNode;
  done: { title: (r: ImportReport) => string; subtitle: (r: ImportReport) => string; toast: (r: ImportReport) => string; link: { to: string; label: string } };
}

/**
 * An Excel import: template → upload → the server's dry run (row-by-row errors) → import, all
 * rows or none. Each import page only names its endpoint, its words and where it leads.
 */
export function ImportPage(p: ImportPageProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [acked, setAcked] = useState(false);
  const { run } = p;
  const progress = useLiveProgress(p.progressTask ?? '', !!p.progressTask && run.isPending);
  const { file, check, done, step, start, commit, reset } = useImportFlow(run, { onStart: () => setAcked(false), onImported: (r) => void message.success(p.done.toast(r)) });
  const ack = check ? (p.acknowledge?.(check) ?? null) : null;
  const canCommit = !!check && check.errorCount === 0 && check.rows > 0 && (!ack || acked);
  const pct = progress?.total ? Math.round(((progress.imported ?? 0) / progress.total) * 100) : null;
  const download = () =>
    api
      .download(p.template.path)
      .then((blob) => saveBlob(blob, p.template.filename))
      .catch((e: Error) => void message.error(e.message));

  return (
    <div className="gd-stack">
      <Breadcrumb items={[{ title: <Link to={p.parent.to}>{p.parent.label}</Link> }, { title: p.title }]} />
      {p.belowHeader ? (
        // Header and tabs as one block, spaced like the section's other pages (the tabs bring their own bottom margin).
        <div style={{ marginBottom: -12 }}>
          <PageHeader title={p.title} subtitle={p.subtitle} />
          {p.belowHeader}
        </div>
      ) : (
        <PageHeader title={p.title} subtitle={p.subtitle} />
      )}
      <Card size="small">
        <Steps
          current={step}
          status={done ? 'finish' : 'process'}
          size="small"
          responsive={false}
          titlePlacement="vertical"
          items={[{ title: t('importPage.step.template') }, { title: t('importPage.step.upload') }, { title: t('importPage.step.check') }, { title: t('importPage.step.done') }]}
        />
      </Card>
      {done ? (
        <Card size="small">
          <Result
            status="success"
            title={p.done.title(done)}
            subTitle={p.done.subtitle(done)}
            extra={
              <Space wrap>
                <Link to={p.done.link.to}>
                  <Button type="primary">{p.done.link.label}</Button>
                </Link>
                <Button onClick={reset}>{t('importPage.another')}</Button>
              </Space>
            }
          />
        </Card>
      ) : (
        <Card size="small">
          <div className="gd-stack">
            <Space wrap>
              <Button icon={<DownloadOutlined />} onClick={download} data-testid="download-template">
                {t('importPage.download')}
              </Button>
              <Typography.Text type="secondary">{p.template.hint}</Typography.Text>
            </Space>
            <Upload.Dragger accept=".xlsx" multiple={false} showUploadList={false} beforeUpload={start} disabled={run.isPending} data-testid="import-upload">
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? file.name : t('importPage.drop')}</p>
              <p className="ant-upload-hint">{t('importPage.dropHint')}</p>
            </Upload.Dragger>
            {run.isPending && (
              <div className="gd-progress" data-testid="import-progress">
                <Spin size="small" /> <span>{t(check ? 'importPage.importing' : 'importPage.checking')}</span>
                {progress?.processed !== undefined && <Typography.Text type="secondary">{t('importPage.processed', { count: progress.processed })}</Typography.Text>}
                {pct !== null && <Progress percent={pct} size="small" />}
              </div>
            )}
            {run.error && <ErrorAlert error={run.error} />}
            {check && !run.isPending && (
              <>
                {p.report ? p.report(check) : <ImportReportView report={check} />}
                {check.rows === 0 && <Typography.Text type="warning">{t('importPage.emptyFile')}</Typography.Text>}
                {check.errorCount > 0 && <Typography.Text>{t('importPage.fixAndRetry')}</Typography.Text>}
                {check.errorCount === 0 && ack && (
                  <Checkbox checked={acked} onChange={(e) => setAcked(e.target.checked)}>
                    {ack}
                  </Checkbox>
                )}
                <Space wrap>
                  {check.errorCount === 0 && (
                    <Button type="primary" disabled={!canCommit} onClick={commit} data-testid="commit-import">
                      {p.commitLabel(check)}
                    </Button>
                  )}
                  <Button onClick={reset}>{t('importPage.chooseOther')}</Button>
                </Space>
              </>
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
