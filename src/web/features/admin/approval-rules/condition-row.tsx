import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerTiers } from '../../../../contracts/customers.ts';
import { priorities } from '../../../../contracts/orders.ts';
import type { RuleOp } from '../../../../contracts/rules.ts';
import { opsFor, type FieldMeta, type Simple } from './condition-model.ts';

interface Props {
  value: Simple;
  fields: FieldMeta[];
  fieldName: (key: string) => string;
  onChange: (s: Simple) => void;
  onRemove?: () => void;
  invalid?: boolean;
}

/** One condition: field, operator and a value editor that fits the field (¥ for amounts, tiers, yes/no…). */
export function ConditionRow({ value: s, fields, fieldName, onChange, onRemove, invalid }: Props) {
  const { t } = useTranslation();
  const meta = fields.find((f) => f.key === s.field) ?? fields[0];
  const ops = opsFor(meta.kind);
  const status = invalid && (s.value === undefined || s.value === '' || (Array.isArray(s.value) && s.value.length === 0)) ? 'error' : undefined;
  const setField = (key: string) => {
    const m = fields.find((f) => f.key === key) ?? fields[0];
    const op = opsFor(m.kind).includes(s.op) ? s.op : opsFor(m.kind)[0];
    onChange({ ...s, field: key, op, value: m.kind === 'bool' ? true : undefined });
  };
  const setOp = (op: RuleOp) => onChange({ ...s, op, value: (op === 'in') !== Array.isArray(s.value) ? undefined : s.value });
  const options = meta.kind === 'tier' ? customerTiers.map((x) => ({ value: x, label: x })) : meta.kind === 'priority' ? priorities.map((p) => ({ value: p, label: t(`orders.priority.${p}`) })) : (meta.options ?? []).map((o) => ({ value: o, label: o }));

  let editor;
  if (meta.kind === 'money') {
    editor = <InputNumber status={status} min={0} precision={2} prefix="¥" value={typeof s.value === 'number' ? s.value / 100 : undefined} onChange={(v) => onChange({ ...s, value: v === null ? undefined : Math.round(Number(v) * 100) })} style={{ width: '100%' }} aria-label={t('approvalRules.value')} data-testid="cond-value" />;
  } else if (meta.kind === 'percent' || meta.kind === 'int' || meta.kind === 'number') {
    editor = <InputNumber status={status} precision={meta.kind === 'int' ? 0 : undefined} suffix={meta.kind === 'percent' ? '%' : undefined} value={typeof s.value === 'number' ? s.value : undefined} onChange={(v) => onChange({ ...s, value: v === null ? undefined : Number(v) })} style={{ width: '100%' }} aria-label={t('approvalRules.value')} data-testid="cond-value" />;
  } else if (meta.kind === 'bool') {
    editor = <Select value={s.value === false ? 'false' : 'true'} onChange={(v: string) => onChange({ ...s, value: v === 'true' })} options={[{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]} aria-label={t('approvalRules.value')} />;
  } else if (options.length > 0 || meta.kind === 'tier' || meta.kind === 'priority') {
    editor =
      s.op === 'in' ? (
        <Select status={status} mode="multiple" value={Array.isArray(s.value) ? (s.value as string[]) : []} onChange={(v: string[]) => onChange({ ...s, value: v })} options={options} aria-label={t('approvalRules.value')} />
      ) : (
        <Select status={status} value={typeof s.value === 'string' ? s.value : undefined} onChange={(v: string) => onChange({ ...s, value: v })} options={options} aria-label={t('approvalRules.value')} />
      );
  } else {
    editor =
      s.op === 'in' ? (
        <Select status={status} mode="tags" value={Array.isArray(s.value) ? (s.value as string[]) : []} onChange={(v: string[]) => onChange({ ...s, value: v })} open={false} aria-label={t('approvalRules.value')} />
      ) : (
        <Input status={status} value={typeof s.value === 'string' ? s.value : ''} onChange={(e) => onChange({ ...s, value: e.target.value })} aria-label={t('approvalRules.value')} />
      );
  }

  return (
    <div className="gd-cond" data-testid="condition">
      <Select value={meta.key} onChange={setField} options={fields.map((f) => ({ value: f.key, label: fieldName(f.key) }))} showSearch={{ optionFilterProp: 'label' }} aria-label={t('approvalRules.fieldLabel')} data-testid="cond-field" />
      <Select value={s.op} onChange={setOp} options={ops.map((o) => ({ value: o, label: t(`approvalRules.opName.${o === '>' ? 'gt' : o === '>=' ? 'gte' : o === '<' ? 'lt' : o === '<=' ? 'lte' : o === '==' ? 'eq' : o === '!=' ? 'ne' : 'in'}`) }))} aria-label={t('approvalRules.opLabel')} data-testid="cond-op" />
      {editor}
      <Button type="text" danger icon={<DeleteOutlined />} disabled={!onRemove} onClick={onRemove} aria-label={t('approvalRules.removeCondition')} />
    </div>
  );
}
