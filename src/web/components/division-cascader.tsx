import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaDivisions, type Division } from '../../contracts/cn.ts';

export interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

// Built once: the tree is static, and the names are what the API stores.
const toOption = (d: Division): CascaderOption => ({ value: d.n, label: d.n, ...(d.d?.length ? { children: d.d.map(toOption) } : {}) });
export const divisionOptions: CascaderOption[] = chinaDivisions.map(toOption);
export const provinceOptions = chinaDivisions.map((d) => ({ value: d.n, label: d.n }));

/** Province / city / district, searchable by any level's name (e.g. 南山). */
export function DivisionCascader(props: { value?: string[]; onChange?: (v: string[] | undefined) => void; id?: string; status?: 'error' | 'warning' | '' }) {
  const { t } = useTranslation();
  return (
    <Cascader
      id={props.id}
      status={props.status}
      options={divisionOptions}
      value={props.value}
      onChange={(v) => props.onChange?.(v as string[] | undefined)}
      placeholder={t('address.regionPlaceholder')}
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input.trim())), limit: 50 }}
      style={{ width: '100%' }}
      allowClear
    />
  );
}
