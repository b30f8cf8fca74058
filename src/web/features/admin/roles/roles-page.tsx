import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Grid, Menu, Row, Select, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useRoles } from './api.ts';
import { RoleCreateModal } from './role-create-modal.tsx';
import { RoleEditor } from './role-editor.tsx';

/** 设置 → 角色与权限: role list on the left, the selected role's editor on the right. */
export function RolesPage() {
  const { t, i18n } = useTranslation();
  const roles = useRoles();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const list = roles.data ?? [];
  const selected = list.find((r) => r.key === params.get('role')) ?? list[0];
  const { modal } = App.useApp();
  const [dirty, setDirty] = useState(false);
  const go = (key: string) => {
    setDirty(false);
    setParams({ role: key }, { replace: true });
  };
  // Switching roles would drop ticked-but-unsaved permissions: ask first.
  const select = (key: string) => {
    if (key === selected?.key) return;
    if (!dirty) return go(key);
    modal.confirm({ title: t('roles.discardTitle'), content: t('roles.discardHint'), okText: t('roles.discard'), okButtonProps: { danger: true }, cancelText: t('common.cancel'), onOk: () => go(key) });
  };
  const narrow = Grid.useBreakpoint().lg === false;
  const label = (r: (typeof list)[number]) => (i18n.language === 'en-US' ? r.nameEn : r.name);

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        subtitle={t('roles.subtitle')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('roles.create')}
          </Button>
        }
      />
      {roles.error && <ErrorAlert error={roles.error} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          {narrow ? (
            <Select
              style={{ width: '100%' }}
              loading={roles.isPending}
              value={selected?.key}
              onChange={select}
              options={list.map((r) => ({ value: r.key, label: label(r) }))}
              aria-label={t('roles.title')}
            />
          ) : (
            <Card size="small" styles={{ body: { padding: 4 } }}>
              {roles.isPending ? (
                <Skeleton active style={{ padding: 12 }} />
              ) : (
                <Menu
                  mode="inline"
                  selectedKeys={selected ? [selected.key] : []}
                  onClick={({ key }) => select(key)}
                  style={{ borderInlineEnd: 0 }}
                  items={list.map((r) => ({
                    key: r.key,
                    label: (
                      <span className="gd-role-item">
                        <span>{label(r)}</span>
                        {!r.builtin && <Tag color="purple">{r.key}</Tag>}
                      </span>
                    ),
                  }))}
                />
              )}
            </Card>
          )}
        </Col>
        <Col xs={24} lg={18}>
          {selected ? <RoleEditor key={selected.key} role={selected} onDirtyChange={setDirty} /> : !roles.isPending && <Empty description={t('roles.selectRole')} />}
        </Col>
      </Row>
      {creating && (
        <RoleCreateModal
          onClose={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            select(r.key);
          }}
        />
      )}
    </>
  );
}
