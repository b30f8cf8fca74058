import { useTranslation } from 'react-i18next';
import type { Condition, RuleOp } from '../../../../contracts/rules.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useCustomFieldDefs } from '../../custom-fields/api.ts';
import { useFieldLabel } from '../../custom-fields/use-field-label.ts';
import { builtinFields, fieldsWith, type FieldMeta } from './condition-model.ts';

const symbols: Partial<Record<RuleOp, string>> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '==': '=', '!=': '≠' };

/** Rule conditions in words: "金额 ≥ ¥100,000.00 且 客户等级 属于 A、B". */
export function useConditionText() {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const defs = useCustomFieldDefs('order');
  const fields = fieldsWith(defs.data ?? [], label);
  const meta = (key: string): FieldMeta => fields.find((f) => f.key === key) ?? builtinFields.find((f) => f.key === key) ?? { key, kind: 'text' };
  const fieldName = (key: string) => {
    const m = meta(key);
    return m.label ?? t(`approvalRules.field.${key as 'amount'}`, { defaultValue: key });
  };
  const one = (v: unknown, m: FieldMeta): string => {
    if (m.kind === 'money') return formatMoney(Number(v));
    if (m.kind === 'percent') return `${String(v)}%`;
    if (m.kind === 'bool') return v ? t('common.yes') : t('common.no');
    if (m.kind === 'priority') return t(`orders.priority.${String(v) as 'normal'}`, { defaultValue: String(v) });
    return String(v);
  };
  const value = (v: unknown, key: string) => (Array.isArray(v) ? v.map((x) => one(x, meta(key))).join(t('common.listSep')) : v === undefined || v === null || v === '' ? '…' : one(v, meta(key)));
  const opText = (op: RuleOp) => symbols[op] ?? t('approvalRules.op.in');
  const text = (c: Condition, nested = false): string => {
    if ('field' in c) return `${fieldName(c.field)} ${opText(c.op)} ${value(c.value, c.field)}`;
    const list = 'all' in c ? c.all : c.any;
    const joined = list.map((x) => text(x, true)).join(t(`approvalRules.join.${'all' in c ? 'all' : 'any'}`));
    return nested && list.length > 1 ? `(${joined})` : joined;
  };
  return { text, fieldName, fields, meta };
}
