import { Alert, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../contracts/customers.ts';
import type { OpeningImportReport } from '../../../../contracts/opening-import.ts';
import { ImportPage } from '../../../components/import-page.tsx';
import { ImportReportView } from '../../../components/import-report.tsx';
import { formatMoney, formatQty } from '../../../lib/format.ts';
import { InventoryNav } from '../inventory-nav.tsx';
import { useOpeningImport } from './api.ts';

type Conflict = OpeningImportReport['conflicts'][number];
const opening = (r: ImportReport) => r as OpeningImportReport;

/** What the check found: the file's totals, the rows to fix, and the rows whose stock would be overwritten. */
function OpeningReport({ report }: { report: OpeningImportReport }) {
  const { t } = useTranslation();
  const s = report.summary;
  return (
    <div className="gd-stack">
      <div className="gd-stats" data-testid="opening-summary">
        <Statistic title={t('openingImport.products')} value={s.products} />
        <Statistic title={t('openingImport.warehouses')} value={s.warehouses} />
        <Statistic title={t('openingImport.totalQty')} value={formatQty(s.totalQty)} />
        {s.totalCost !== null && <Statistic title={t('openingImport.totalCost')} value={formatMoney(s.totalCost)} />}
      </div>
      <ImportReportView report={report} duplicates={false} />
      {report.conflicts.length > 0 && (
        <>
          <Alert type="warning" showIcon title={t('openingImport.conflictTitle', { count: report.conflicts.length })} description={t('openingImport.conflictHint')} />
          <Table<Conflict>
            size="small"
            rowKey="row"
            dataSource={report.conflicts}
            pagination={report.conflicts.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            data-testid="opening-conflicts"
            columns={[
              { title: t('importPage.row'), dataIndex: 'row', width: 70 },
              { title: t('openingImport.sku'), dataIndex: 'sku' },
              { title: t('inventory.warehouse'), dataIndex: 'warehouseCode' },
              { title: t('openingImport.current'), dataIndex: 'onHand', align: 'right', render: (v: number) => <span className="gd-num">{formatQty(v)}</span> },
              { title: t('openingImport.fileQty'), dataIndex: 'qty', align: 'right', render: (v: number) => <span className="gd-num">{formatQty(v)}</span> },
            ]}
          />
        </>
      )}
    </div>
  );
}

/**
 * 期初库存导入: the inventory's starting point from Excel, all rows or none. Rows whose
 * product × warehouse already has movements are listed; importing them needs a tick and then
 * sets their on hand to the file's quantity.
 */
export function OpeningImportPage() {
  const { t } = useTranslation();
  return (
    <ImportPage
      parent={{ to: '/inventory', label: t('inventory.title') }}
      title={t('openingImport.title')}
      subtitle={t('openingImport.subtitle')}
      belowHeader={<InventoryNav />}
      run={useOpeningImport()}
      template={{ path: '/api/v1/stock/opening-import/template', filename: t('openingImport.templateFile'), hint: t('openingImport.templateHint') }}
      commitLabel={(c) => t('openingImport.commit', { count: c.valid })}
      acknowledge={(c) => (opening(c).conflicts.length > 0 ? t('openingImport.overwriteAck', { count: opening(c).conflicts.length }) : null)}
      report={(c) => <OpeningReport report={opening(c)} />}
      done={{
        title: (r) => t('openingImport.doneTitle', { count: r.imported }),
        subtitle: (r) => t('openingImport.doneSubtitle', { posted: opening(r).posted, qty: formatQty(opening(r).summary.totalQty) }),
        toast: () => t('openingImport.doneToast'),
        link: { to: '/inventory', label: t('openingImport.toStock') },
      }}
    />
  );
}
