import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** 规格选项: each option (电压, 颜色) with its allowed values; order entry offers exactly these. */
export function SpecOptionsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="specOptions">
      {(rows, { add, remove }) => (
        <div className="gd-spec-opts" data-testid="spec-options">
          {rows.map((row) => (
            <div key={row.key} className="gd-spec-opt">
              <Form.Item name={[row.name, 'key']} rules={[{ required: true, whitespace: true, message: t('catalog.form.specKeyRequired') }, { max: 32 }]}>
                <Input maxLength={32} placeholder={t('catalog.form.specKey')} aria-label={t('catalog.form.specKey')} />
              </Form.Item>
              <Form.Item name={[row.name, 'values']} rules={[{ required: true, type: 'array', min: 1, message: t('catalog.form.specValuesRequired') }]}>
                <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} placeholder={t('catalog.form.specValues')} aria-label={t('catalog.form.specValues')} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('catalog.form.removeSpec')} />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ values: [] })}>
            {t('catalog.form.addSpec')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
