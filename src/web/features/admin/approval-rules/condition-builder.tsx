import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { emptySimple, type Mode, type Simple, type Sub, type Top } from './condition-model.ts';
import { ConditionRow } from './condition-row.tsx';
import { useConditionText } from './use-condition-text.ts';

/**
 * 触发条件: conditions joined by "all" or "any", plus groups of conditions (one level deep),
 * with the rule read back in words underneath so the admin sees what was built.
 */
export function ConditionBuilder({ value, onChange, invalid }: { value: Top; onChange: (t: Top) => void; invalid?: boolean }) {
  const { t } = useTranslation();
  const words = useConditionText();
  const modeSelect = (mode: Mode, set: (m: Mode) => void, testId?: string) => (
    <Select size="small" value={mode} onChange={set} options={[{ value: 'all', label: t('approvalRules.mode.all') }, { value: 'any', label: t('approvalRules.mode.any') }]} style={{ minWidth: 150 }} data-testid={testId} />
  );
  const setItem = (i: number, item: Simple | Sub) => onChange({ ...value, items: value.items.map((x, j) => (j === i ? item : x)) });
  const removeItem = (i: number) => onChange({ ...value, items: value.items.filter((_, j) => j !== i) });

  return (
    <div className="gd-stack" style={{ gap: 8 }} data-testid="condition-builder">
      <Space wrap>
        <span>{t('approvalRules.when')}</span>
        {modeSelect(value.mode, (mode) => onChange({ ...value, mode }), 'cond-mode')}
      </Space>
      {value.items.map((item, i) =>
        item.kind === 'cond' ? (
          <ConditionRow key={i} value={item} fields={words.fields} fieldName={words.fieldName} invalid={invalid} onChange={(s) => setItem(i, s)} onRemove={value.items.length > 1 ? () => removeItem(i) : undefined} />
        ) : (
          <div key={i} className="gd-cond-group">
            <div className="gd-cond-group-head">
              {modeSelect(item.mode, (mode) => setItem(i, { ...item, mode }))}
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => removeItem(i)}>
                {t('approvalRules.removeGroup')}
              </Button>
            </div>
            {item.items.map((s, k) => (
              <ConditionRow
                key={k}
                value={s}
                fields={words.fields}
                fieldName={words.fieldName}
                invalid={invalid}
                onChange={(n) => setItem(i, { ...item, items: item.items.map((x, j) => (j === k ? n : x)) })}
                onRemove={item.items.length > 1 ? () => setItem(i, { ...item, items: item.items.filter((_, j) => j !== k) }) : undefined}
              />
            ))}
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setItem(i, { ...item, items: [...item.items, emptySimple()] })}>
              {t('approvalRules.addCondition')}
            </Button>
          </div>
        ),
      )}
      <Space wrap>
        <Button size="small" icon={<PlusOutlined />} onClick={() => onChange({ ...value, items: [...value.items, emptySimple()] })} data-testid="add-condition">
          {t('approvalRules.addCondition')}
        </Button>
        <Button size="small" icon={<PlusOutlined />} onClick={() => onChange({ ...value, items: [...value.items, { kind: 'group', mode: value.mode === 'all' ? 'any' : 'all', items: [emptySimple()] }] })}>
          {t('approvalRules.addGroup')}
        </Button>
      </Space>
    </div>
  );
}

/** The condition in words, as a sentence under the builder and in the rule list. */
export function ConditionSummary({ text }: { text: string }) {
  return (
    <Typography.Text type="secondary" className="gd-cond-summary">
      {text}
    </Typography.Text>
  );
}
