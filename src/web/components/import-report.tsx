import { Alert, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../contracts/customers.ts';

type Issue = ImportReport['errors'][number];
type Dup = ImportReport['duplicates'][number];

/**
 * What the server found in the file: counts, the errors by row and column, possible duplicates.
 * `duplicates={false}` for imports without duplicate detection: no 疑似重复 figure or table.
 */
export function ImportReportView({ report, duplicates = true }: { report: ImportReport; duplicates?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="gd-stack">
      <div className="gd-stats">
        <Statistic title={t('importPage.rows')} value={report.rows} />
        <Statistic title={t('importPage.valid')} value={report.valid} styles={{ content: { color: '#389e0d' } }} />
        <Statistic title={t('importPage.errors')} value={report.errorCount} styles={{ content: { color: report.errorCount ? '#cf1322' : undefined } }} />
        {duplicates && <Statistic title={t('importPage.duplicates')} value={report.duplicates.length} styles={{ content: { color: report.duplicates.length ? '#d46b08' : undefined } }} />}
      </div>
      {report.errorCount > 0 && (
        <>
          <Alert type="error" showIcon title={t('importPage.hasErrors', { count: report.errorCount })} description={report.errors.length < report.errorCount ? t('importPage.listedFirst', { count: report.errors.length }) : undefined} />
          <Table<Issue>
            size="small"
            rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
            dataSource={report.errors}
            pagination={report.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            data-testid="import-errors"
            columns={[
              { title: t('importPage.row'), dataIndex: 'row', width: 70 },
              { title: t('importPage.column'), dataIndex: 'column', width: 140, render: (v: string | null) => v ?? t('common.none') },
              { title: t('importPage.problem'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
      {duplicates && report.duplicates.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('customers.import.dupTitle')}
          </Typography.Title>
          <Table<Dup>
            size="small"
            rowKey="row"
            dataSource={report.duplicates}
            pagination={report.duplicates.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('importPage.row'), dataIndex: 'row', width: 70 },
              { title: t('customers.name'), dataIndex: 'name', width: 220 },
              {
                title: t('customers.import.similarTo'),
                key: 'matches',
                render: (_, d) =>
                  d.matches.map((m, i) => (
                    <div key={i}>
                      {m.row ? t('customers.import.inFileRow', { row: m.row, name: m.name }) : m.name} <Tag color="orange">{t(`customers.dup.reason.${m.reason as 'name'}`)}</Tag>
                    </div>
                  )),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
