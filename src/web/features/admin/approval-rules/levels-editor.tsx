import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoleLabel } from '../roles/use-role-label.ts';
import { useUserOptions } from '../users/api.ts';
import { useSession } from '../../auth/session.ts';

export interface LevelValues {
  kind: 'role' | 'user';
  approverRole?: string;
  approverUserId?: string;
  mode: 'any' | 'all';
}

/** 审批层级: level 1 decides first; each level is a role (any or all of its members) or one named person. */
export function LevelsEditor() {
  const { t } = useTranslation();
  const { can } = useSession();
  const roles = useRoleLabel();
  const users = useUserOptions(can('admin:users'));
  const userOptions = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.displayName}${t('common.paren', { text: u.username })}` }));
  return (
    <Form.List name="levels" rules={[{ validator: async (_r, v: unknown[]) => void (v?.length ? undefined : Promise.reject(new Error(t('approvalRules.needLevel')))) }]}>
      {(rows, { add, remove }, { errors }) => (
        <div className="gd-stack" style={{ gap: 8 }} data-testid="levels-editor">
          {rows.map((row, i) => (
            <div key={row.key} className="gd-level" data-testid="level">
              <span className="gd-level-no">{t('orders.approvals.levelN', { n: i + 1 })}</span>
              <Form.Item name={[row.name, 'kind']} noStyle>
                <Radio.Group optionType="button" size="small" options={[{ value: 'role', label: t('approvalRules.byRole') }, { value: 'user', label: t('approvalRules.byUser'), disabled: !can('admin:users') }]} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  getFieldValue(['levels', row.name, 'kind']) === 'user' ? (
                    <Form.Item name={[row.name, 'approverUserId']} rules={[{ required: true, message: t('approvalRules.userRequired') }]} className="gd-level-who">
                      <Select options={userOptions} showSearch={{ optionFilterProp: 'label' }} placeholder={t('approvalRules.userPlaceholder')} />
                    </Form.Item>
                  ) : (
                    <Form.Item name={[row.name, 'approverRole']} rules={[{ required: true, message: t('approvalRules.roleRequired') }]} className="gd-level-who">
                      <Select options={roles.options} placeholder={t('approvalRules.rolePlaceholder')} data-testid="level-role" />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Form.Item name={[row.name, 'mode']} className="gd-level-mode">
                <Select options={[{ value: 'any', label: t('approvalRules.levelMode.any') }, { value: 'all', label: t('approvalRules.levelMode.all') }]} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} disabled={rows.length === 1} onClick={() => remove(row.name)} aria-label={t('approvalRules.removeLevel')} />
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          {rows.length < 5 && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'role', mode: 'any' })} data-testid="add-level">
              {t('approvalRules.addLevel')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
