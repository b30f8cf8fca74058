import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { customFieldEntities } from '../../../../contracts/custom-fields.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { createStatusTag } from '../../../components/status-tag.tsx';
import type { CustomField, CustomFieldEntity } from '../../custom-fields/api.ts';
import { CustomFieldItems } from '../../custom-fields/custom-field-items.tsx';
import { useFieldLabel } from '../../custom-fields/use-field-label.ts';
import { useAdminCustomFields, useSaveCustomField } from './api.ts';
import { CustomFieldFormModal } from './custom-field-form-modal.tsx';

const FieldStatusTag = createStatusTag<'active' | 'inactive'>({
  active: { color: 'success', label: 'customFields.status.active' },
  inactive: { color: 'default', label: 'customFields.status.inactive' },
});

/** 设置 → 表单设计: the extra fields of each document type, their order, and a live preview. */
export function CustomFieldsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const entity: CustomFieldEntity = (customFieldEntities as readonly string[]).includes(params.get('entity') ?? '') ? (params.get('entity') as CustomFieldEntity) : 'requirement';
  const list = useAdminCustomFields(entity);
  const save = useSaveCustomField();
  const label = useFieldLabel();
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const rows = list.data ?? [];
  const active = rows.filter((f) => f.active);

  const toggle = (f: CustomField) =>
    save.mutate(
      { id: f.id, patch: { active: !f.active } },
      { onSuccess: (saved) => void message.success(t('customFields.updated', { name: saved.label })), onError: (err) => void message.error(err.message) },
    );

  return (
    <>
      <PageHeader
        title={t('customFields.title')}
        subtitle={t('customFields.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-custom-field">
            {t('customFields.create')}
          </Button>
        }
      />
      <div className="gd-stack">
        <Segmented<CustomFieldEntity> value={entity} onChange={(v) => setParams({ entity: v }, { replace: true })} options={customFieldEntities.map((e) => ({ value: e, label: t(`customFields.entities.${e}`) }))} />
        <Card size="small">
          {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
          <Table<CustomField>
            size="small"
            rowKey="id"
            loading={list.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customFields.empty')} /> }}
            columns={[
              { title: t('customFields.sort'), dataIndex: 'sort', width: 60 },
              {
                title: t('customFields.name'),
                key: 'label',
                render: (_, f) => (
                  <div className="gd-user-cell">
                    <span>
                      {label(f)} {f.required && <Typography.Text type="danger">*</Typography.Text>}
                    </span>
                    <Typography.Text type="secondary" className="gd-mono">
                      {f.key}
                    </Typography.Text>
                  </div>
                ),
              },
              { title: t('customFields.type'), dataIndex: 'type', width: 90, render: (v: CustomField['type']) => t(`customFields.types.${v}`) },
              { title: t('customFields.options'), dataIndex: 'options', responsive: ['md'], render: (v: string[]) => (v.length ? v.map((o) => <Tag key={o}>{o}</Tag>) : t('common.none')) },
              { title: t('customFields.help'), dataIndex: 'help', responsive: ['lg'], ellipsis: true, render: (v: string | null) => v ?? t('common.none') },
              { title: t('common.status'), key: 'active', width: 80, render: (_, f) => <FieldStatusTag status={f.active ? 'active' : 'inactive'} /> },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 120,
                render: (_, f) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing(f)}>
                      {t('common.edit')}
                    </Button>
                    <Button type="link" size="small" danger={f.active} onClick={() => toggle(f)}>
                      {t(f.active ? 'common.disable' : 'common.enable')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        {active.length > 0 && (
          <Card size="small" title={t('customFields.preview')}>
            <Typography.Paragraph type="secondary">{t('customFields.previewHint')}</Typography.Paragraph>
            <Form layout="vertical">
              <CustomFieldItems defs={active} />
            </Form>
          </Card>
        )}
      </div>
      {editing && <CustomFieldFormModal entity={entity} field={editing === 'new' ? undefined : editing} nextSort={(rows.at(-1)?.sort ?? 0) + 10} onClose={() => setEditing(null)} />}
    </>
  );
}
