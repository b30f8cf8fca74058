import { CloseOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** A line's specification as key/value pairs (颜色: 黑色, 电压: 220V) — what gets misrecorded most. */
export function SpecEditor({ lineName }: { lineName: number }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[lineName, 'spec']}>
      {(rows, { remove }) =>
        rows.length > 0 && (
          <div className="gd-specs">
            {rows.map((row) => (
              <div key={row.key} className="gd-spec">
                <Form.Item name={[row.name, 'key']} rules={[{ required: true, whitespace: true, message: t('requirements.item.specKeyRequired') }, { max: 64 }]}>
                  <Input size="small" placeholder={t('requirements.item.specKey')} aria-label={t('requirements.item.specKey')} maxLength={64} />
                </Form.Item>
                <Form.Item name={[row.name, 'value']} rules={[{ max: 200 }]}>
                  <Input size="small" placeholder={t('requirements.item.specValue')} aria-label={t('requirements.item.specValue')} maxLength={200} />
                </Form.Item>
                <Button size="small" type="text" icon={<CloseOutlined />} onClick={() => remove(row.name)} aria-label={t('requirements.item.removeSpec')} />
              </div>
            ))}
          </div>
        )
      }
    </Form.List>
  );
}
