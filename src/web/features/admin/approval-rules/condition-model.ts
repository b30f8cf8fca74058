import type { Condition, RuleOp } from '../../../../contracts/rules.ts';
import type { CustomField } from '../../custom-fields/api.ts';

/**
 * The condition builder edits a two-level model — a top group (all/any) of conditions and
 * sub-groups of conditions — and turns it into the API's `{field, op, value}` /
 * `{all: […]}` / `{any: […]}`. Deeper conditions (written through the API) are shown as JSON.
 */
export type Mode = 'all' | 'any';
export interface Simple {
  kind: 'cond';
  field: string;
  op: RuleOp;
  value: unknown;
}
export interface Sub {
  kind: 'group';
  mode: Mode;
  items: Simple[];
}
export interface Top {
  mode: Mode;
  items: (Simple | Sub)[];
}

export type FieldKind = 'money' | 'percent' | 'int' | 'number' | 'tier' | 'priority' | 'bool' | 'select' | 'text';
export interface FieldMeta {
  key: string;
  kind: FieldKind;
  /** Options of select-type custom fields. */
  options?: string[];
  /** Custom field label (built-in fields are worded by i18n). */
  label?: string;
}

export const builtinFields: FieldMeta[] = [
  { key: 'amount', kind: 'money' },
  { key: 'discountPct', kind: 'percent' },
  { key: 'marginPct', kind: 'percent' },
  { key: 'lineCount', kind: 'int' },
  { key: 'customerTier', kind: 'tier' },
  { key: 'priority', kind: 'priority' },
  { key: 'nonStandard', kind: 'bool' },
  { key: 'creditExceeded', kind: 'bool' },
];

export function fieldsWith(custom: CustomField[], label: (f: CustomField) => string): FieldMeta[] {
  return [
    ...builtinFields,
    ...custom.map((f): FieldMeta => ({ key: `customFields.${f.key}`, kind: f.type === 'number' ? 'number' : f.type === 'select' || f.type === 'multiselect' ? 'select' : 'text', options: f.options, label: label(f) })),
  ];
}

const numeric: RuleOp[] = ['>', '>=', '<', '<=', '==', '!='];
export function opsFor(kind: FieldKind): RuleOp[] {
  if (kind === 'bool') return ['==', '!='];
  if (kind === 'money' || kind === 'percent' || kind === 'int' || kind === 'number') return numeric;
  return ['==', '!=', 'in'];
}

export const emptySimple = (): Simple => ({ kind: 'cond', field: 'amount', op: '>=', value: undefined });
export const emptyTop = (): Top => ({ mode: 'all', items: [emptySimple()] });

const isSimple = (c: Condition): c is Extract<Condition, { field: string }> => 'field' in c;

/** API condition → model; null when it nests deeper than the builder shows. */
export function parse(c: Condition | null | undefined): Top | null {
  if (!c) return emptyTop();
  const simple = (x: Condition): Simple | null => (isSimple(x) ? { kind: 'cond', field: x.field, op: x.op, value: x.value } : null);
  if (isSimple(c)) return { mode: 'all', items: [simple(c)!] };
  const mode: Mode = 'all' in c ? 'all' : 'any';
  const list = 'all' in c ? c.all : c.any;
  const items: (Simple | Sub)[] = [];
  for (const x of list) {
    if (isSimple(x)) items.push(simple(x)!);
    else {
      const subMode: Mode = 'all' in x ? 'all' : 'any';
      const subs = ('all' in x ? x.all : x.any).map(simple);
      if (subs.some((s) => s === null)) return null;
      items.push({ kind: 'group', mode: subMode, items: subs as Simple[] });
    }
  }
  return { mode, items };
}

const toCond = (s: Simple): Condition => ({ field: s.field, op: s.op, value: s.value });

/** Model → API condition (a single condition stays a single condition). */
export function serialize(top: Top): Condition {
  const items = top.items.map((i) => (i.kind === 'cond' ? toCond(i) : i.items.length === 1 ? toCond(i.items[0]) : ({ [i.mode]: i.items.map(toCond) } as Condition)));
  return items.length === 1 ? items[0] : ({ [top.mode]: items } as Condition);
}

/** Is every condition complete (field, operator and a value)? */
export function isComplete(top: Top): boolean {
  const ok = (s: Simple) => !!s.field && !!s.op && s.value !== undefined && s.value !== null && s.value !== '' && !(Array.isArray(s.value) && s.value.length === 0);
  return top.items.length > 0 && top.items.every((i) => (i.kind === 'cond' ? ok(i) : i.items.length > 0 && i.items.every(ok)));
}
