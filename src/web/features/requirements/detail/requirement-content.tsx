import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProducts } from '../../catalog/api.ts';
import { useCustomFieldDefs } from '../../custom-fields/api.ts';
import { CustomFieldValue } from '../../custom-fields/custom-field-value.tsx';
import { useFieldLabel } from '../../custom-fields/use-field-label.ts';
import type { Requirement, RequirementItem } from '../api.ts';

export const formatQty = (qty: number, unit?: string | null) => `${qty.toLocaleString('zh-CN', { maximumFractionDigits: 3 })}${unit ? ` ${unit}` : ''}`;

/** The current version's lines, custom fields and note. */
export function RequirementContent({ requirement: r }: { requirement: Requirement }) {
  const { t } = useTranslation();
  const defs = useCustomFieldDefs('requirement');
  const label = useFieldLabel();
  const none = t('common.none');
  const products = useProducts(r.items.map((i) => i.productId ?? ''));
  // Values of fields the admin has since deactivated are still shown, under their key.
  const extraKeys = Object.keys(r.customFields).filter((k) => !defs.data?.some((d) => d.key === k));
  return (
    <div className="gd-stack">
      <Table<RequirementItem & { no: number }>
        size="small"
        rowKey="no"
        pagination={false}
        dataSource={r.items.map((i, n) => ({ ...i, no: n + 1 }))}
        scroll={{ x: 'max-content' }}
        data-testid="requirement-items"
        columns={[
          { title: '#', dataIndex: 'no', width: 40 },
          {
            title: t('requirements.item.description'),
            key: 'description',
            render: (_, i) => (
              <div className="gd-user-cell">
                <span className="gd-prewrap">{i.description}</span>
                {i.productId && (
                  <Typography.Text type="secondary" className="gd-mono" data-testid="linked-product">
                    {products.get(i.productId)?.sku ?? t('requirements.item.linked')}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          { title: t('requirements.item.qty'), key: 'qty', align: 'right', width: 100, render: (_, i) => formatQty(i.qty, i.unit) },
          {
            title: t('requirements.item.spec'),
            key: 'spec',
            render: (_, i) =>
              Object.keys(i.spec).length ? (
                Object.entries(i.spec).map(([k, v]) => (
                  <Tag key={k} style={{ marginBottom: 2 }}>
                    {k}：{v}
                  </Tag>
                ))
              ) : (
                <Typography.Text type="secondary">{none}</Typography.Text>
              ),
          },
          { title: t('requirements.item.note'), dataIndex: 'note', render: (v: string | null) => v ?? none },
        ]}
      />
      {(!!defs.data?.length || extraKeys.length > 0) && (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            ...(defs.data ?? []).map((d) => ({ key: d.key, label: label(d), children: <CustomFieldValue def={d} value={r.customFields[d.key]} /> })),
            ...extraKeys.map((k) => ({ key: k, label: k, children: <CustomFieldValue value={r.customFields[k]} /> })),
          ]}
        />
      )}
      {r.note && (
        <div>
          <Typography.Text type="secondary">{t('requirements.note')}</Typography.Text>
          <div className="gd-prewrap">{r.note}</div>
        </div>
      )}
    </div>
  );
}
