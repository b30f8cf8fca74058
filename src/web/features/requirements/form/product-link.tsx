import { Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../catalog/api.ts';
import { ProductSelect } from '../../catalog/product-select.tsx';
import type { LineRow, RequirementFormValues } from './form-values.ts';

/**
 * The catalog product a requirement line is about. Linking it up front lets the confirmed
 * requirement become an order without re-typing; an empty description and unit are filled
 * from the product.
 */
export function ProductLink({ form, lineName }: { form: FormInstance<RequirementFormValues>; lineName: number }) {
  const { t } = useTranslation();
  const pick = (_id: string, p?: Product) => {
    if (!p) return;
    const line = form.getFieldValue(['items', lineName]) as LineRow | undefined;
    if (!line?.description?.trim()) form.setFieldValue(['items', lineName, 'description'], p.name);
    if (!line?.unit?.trim()) form.setFieldValue(['items', lineName, 'unit'], p.unit);
  };
  return (
    <div className="gd-specs">
      <div className="gd-spec gd-product-link">
        <span className="gd-hint" style={{ lineHeight: '24px' }}>
          {t('requirements.item.product')}
        </span>
        <Form.Item name={[lineName, 'productId']} getValueFromEvent={(id: string) => id || null}>
          <ProductSelect allowClear onChange={pick} placeholder={t('requirements.item.productPlaceholder')} />
        </Form.Item>
      </div>
    </div>
  );
}
