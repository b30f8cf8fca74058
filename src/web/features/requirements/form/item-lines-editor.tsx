import { DeleteOutlined, LinkOutlined, PlusOutlined, TagsOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input, InputNumber, Tooltip, type FormInstance, type FormRule } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { requirementItem } from '../../../../contracts/requirements.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { emptyLine, isFilled, type LineRow, type RequirementFormValues } from './form-values.ts';
import { ProductLink } from './product-link.tsx';
import { SpecEditor } from './spec-editor.tsx';

const shape = requirementItem.shape;
const siblings = (line: number) => (['description', 'qty', 'unit', 'note'] as const).map((k) => ['items', line, k]);

/** A spare empty line is skipped on save; once anything is typed in a line, it needs a description and a quantity. */
const requiredIfFilled =
  (line: number, key: 'description' | 'qty', message: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: async () => {
      const l = getFieldValue(['items', line]) as LineRow | undefined;
      const v = l?.[key];
      const missing = v === undefined || v === null || (typeof v === 'string' && !v.trim());
      if (missing && l && isFilled(l)) throw new Error(message);
    },
  });
const UNITS = ['台', '件', '个', '套', '只', '箱', '米', '千克', '吨', '卷', '张', 'pcs', 'set', 'm', 'kg'];

/**
 * 需求明细: one row per item. Enter in any field of the last line adds a new line and puts
 * the cursor in it (Enter elsewhere moves to the next line) — keyboard-only entry, as in Excel.
 * IME composition (拼音 input) uses Enter to commit characters, so that Enter is left alone.
 */
export function ItemLinesEditor({ form }: { form: FormInstance<RequirementFormValues> }) {
  const { t } = useTranslation();
  const items = Form.useWatch('items', form) as LineRow[] | undefined;
  const [linking, setLinking] = useState<Set<number>>(new Set());
  const focusLine = (index: number) => setTimeout(() => document.querySelector<HTMLInputElement>(`[data-line="${index}"] .gd-line-desc input`)?.focus(), 0);

  return (
    <Form.List name="items" rules={[{ validator: async (_r, lines: LineRow[]) => void (lines?.length ? undefined : Promise.reject(new Error(t('requirements.form.needLine')))) }]}>
      {(lines, { add, remove }, { errors }) => {
        const onEnter = (index: number) => (e: KeyboardEvent) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.shiftKey) return;
          e.preventDefault();
          if (index === lines.length - 1) {
            add(emptyLine());
            focusLine(index + 1);
          } else focusLine(index + 1);
        };
        return (
          <div className="gd-lines" data-testid="item-lines">
            <div className="gd-line gd-line-head" aria-hidden>
              <span>#</span>
              <span>{t('requirements.item.description')}</span>
              <span>{t('requirements.item.qty')}</span>
              <span>{t('requirements.item.unit')}</span>
              <span>{t('requirements.item.note')}</span>
              <span />
            </div>
            {lines.map((line, index) => {
              const specCount = items?.[line.name]?.spec?.length ?? 0;
              const linked = !!items?.[line.name]?.productId;
              return (
                <div key={line.key} className="gd-line-block" data-line={index}>
                  <div className="gd-line">
                    <span className="gd-line-no">{index + 1}</span>
                    <Form.Item name={[line.name, 'description']} className="gd-line-desc" dependencies={siblings(line.name)} rules={[requiredIfFilled(line.name, 'description', t('requirements.item.descriptionRequired')), zodRule(shape.description)]}>
                      <Input placeholder={t('requirements.item.descriptionPlaceholder')} aria-label={t('requirements.item.description')} maxLength={500} onKeyDown={onEnter(index)} />
                    </Form.Item>
                    <Form.Item name={[line.name, 'qty']} className="gd-line-qty" dependencies={siblings(line.name)} rules={[requiredIfFilled(line.name, 'qty', t('requirements.item.qtyRequired')), zodRule(shape.qty)]}>
                      <InputNumber placeholder={t('requirements.item.qty')} aria-label={t('requirements.item.qty')} min={0} style={{ width: '100%' }} onKeyDown={onEnter(index)} />
                    </Form.Item>
                    <Form.Item name={[line.name, 'unit']} className="gd-line-unit" rules={[zodRule(shape.unit)]}>
                      <AutoComplete options={UNITS.map((u) => ({ value: u }))} placeholder={t('requirements.item.unit')} aria-label={t('requirements.item.unit')} onKeyDown={onEnter(index)} filterOption={(input, o) => String(o?.value ?? '').startsWith(input)} />
                    </Form.Item>
                    <Form.Item name={[line.name, 'note']} className="gd-line-note" rules={[zodRule(shape.note)]}>
                      <Input placeholder={t('requirements.item.note')} aria-label={t('requirements.item.note')} maxLength={1000} onKeyDown={onEnter(index)} />
                    </Form.Item>
                    <span className="gd-line-actions">
                      <Tooltip title={t('requirements.item.productHelp')}>
                        <Button size="small" type={linked ? 'link' : 'text'} icon={<LinkOutlined />} onClick={() => setLinking(new Set([...linking, line.key]))} aria-label={t('requirements.item.linkProduct')} data-testid="link-product" />
                      </Tooltip>
                      <Tooltip title={t('requirements.item.specHelp')}>
                        <Button
                          size="small"
                          type={specCount ? 'link' : 'text'}
                          icon={<TagsOutlined />}
                          onClick={() => form.setFieldValue(['items', line.name, 'spec'], [...((form.getFieldValue(['items', line.name, 'spec']) as unknown[]) ?? []), {}])}
                          aria-label={t('requirements.item.addSpec')}
                        >
                          {specCount || null}
                        </Button>
                      </Tooltip>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={lines.length === 1} onClick={() => remove(line.name)} aria-label={t('requirements.item.remove', { n: index + 1 })} />
                    </span>
                  </div>
                  {(linked || linking.has(line.key)) && <ProductLink form={form} lineName={line.name} />}
                  <SpecEditor lineName={line.name} />
                </div>
              );
            })}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              block
              onClick={() => {
                add(emptyLine());
                focusLine(lines.length);
              }}
              data-testid="add-line"
            >
              {t('requirements.item.add')}
            </Button>
            <div className="gd-hint">{t('requirements.item.enterHint')}</div>
          </div>
        );
      }}
    </Form.List>
  );
}
