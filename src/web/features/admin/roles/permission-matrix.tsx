import { Checkbox, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { permissionList, type Permission } from '../../../../contracts/permissions.ts';

type Resource = Permission extends `${infer R}:${string}` ? R : never;
type Action = Permission extends `${string}:${infer A}` ? A : never;

const split = (p: Permission) => p.split(':') as [Resource, Action];
const resources = [...new Set(permissionList.map((p) => split(p)[0]))];
const actions = [...new Set(permissionList.map((p) => split(p)[1]))];
const permsOf = (r: Resource) => permissionList.filter((p) => split(p)[0] === r);

/**
 * Resource × action grid of checkboxes over `permissionList`; a cell exists only where the
 * permission does. `locked` permissions show ticked and cannot be changed here.
 */
export function PermissionMatrix({ value = [], onChange, locked = [], lockedReason }: { value?: Permission[]; onChange?: (v: Permission[]) => void; locked?: Permission[]; lockedReason?: string }) {
  const { t } = useTranslation();
  const has = new Set(value);
  const set = (perms: Permission[], on: boolean) => {
    const next = new Set(has);
    for (const p of perms) if (!locked.includes(p)) on ? next.add(p) : next.delete(p);
    // Keep the canonical order so saved lists read the same everywhere.
    onChange?.(permissionList.filter((p) => next.has(p)));
  };

  return (
    <Table<Resource>
      size="small"
      bordered
      pagination={false}
      rowKey={(r) => r}
      dataSource={resources}
      scroll={{ x: 680 }}
      className="gd-perm-matrix"
      columns={[
        { title: t('roles.resource'), key: 'resource', fixed: 'left', width: 120, render: (_, r) => t(`roles.resources.${r}`) },
        {
          title: t('roles.selectAllRow'),
          key: 'row',
          width: 60,
          align: 'center',
          render: (_, r) => {
            const perms = permsOf(r);
            const n = perms.filter((p) => has.has(p)).length;
            return <Checkbox checked={n === perms.length} indeterminate={n > 0 && n < perms.length} onChange={(e) => set(perms, e.target.checked)} aria-label={`${t(`roles.resources.${r}`)} ${t('roles.selectAllRow')}`} />;
          },
        },
        ...actions.map((a) => ({
          title: t(`roles.actions.${a}`),
          key: a,
          align: 'center' as const,
          render: (_: unknown, r: Resource) => {
            const p = `${r}:${a}` as Permission;
            if (!permissionList.includes(p)) return null;
            const box = <Checkbox checked={has.has(p)} disabled={locked.includes(p)} onChange={(e) => set([p], e.target.checked)} aria-label={p} data-perm={p} />;
            return locked.includes(p) && lockedReason ? <Tooltip title={lockedReason}>{box}</Tooltip> : box;
          },
        })),
      ]}
    />
  );
}
