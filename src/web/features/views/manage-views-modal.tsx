import { DeleteOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { App, Button, Empty, Modal, Popconfirm, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import './views.css';
import { useTranslation } from 'react-i18next';
import { useDeleteView, useUpdateView, type SavedView, type SavedViewEntity } from './api.ts';

/** Rename, share, make default or delete; views others shared can only be made my default. */
export function ManageViewsModal({ entity, views, open, onClose, summary }: { entity: SavedViewEntity; views: SavedView[]; open: boolean; onClose: () => void; summary: (query: Record<string, unknown>) => string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateView(entity);
  const remove = useDeleteView(entity);
  const fail = (err: unknown) => void message.error((err as Error).message);
  const patch = (v: SavedView, p: Parameters<typeof update.mutateAsync>[0]['patch']) =>
    update.mutateAsync({ id: v.id, patch: p }).then(() => void message.success(t('views.updated')), fail);

  return (
    <Modal open={open} title={t('views.manageTitle')} onCancel={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>} width={640}>
      {views.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('views.none')} />
      ) : (
        <div className="gd-view-list" data-testid="manage-views">
          {views.map((v) => (
            <div key={v.id} className="gd-view-row">
              <div className="gd-view-main">
                <Space size={6} wrap>
                  {v.editable ? (
                    <Typography.Text strong editable={{ triggerType: ['icon', 'text'], tooltip: t('views.rename'), maxLength: 60, onChange: (name) => name.trim() && name.trim() !== v.name && void patch(v, { name: name.trim() }) }}>
                      {v.name}
                    </Typography.Text>
                  ) : (
                    <Typography.Text strong>{v.name}</Typography.Text>
                  )}
                  {v.isDefault && <Tag color="gold">{t('views.isDefault')}</Tag>}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {summary(v.query)}
                </Typography.Text>
                {v.editable ? (
                  <Space size={6}>
                    <Switch size="small" checked={v.shared} onChange={(shared) => void patch(v, { shared })} aria-label={t('views.share')} />
                    <Typography.Text style={{ fontSize: 12 }}>{t('views.share')}</Typography.Text>
                  </Space>
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('views.sharedBy', { name: v.ownerName ?? '' })} · {t('views.readOnly')}
                  </Typography.Text>
                )}
              </div>
              <Space size={0}>
                <Tooltip title={v.isDefault ? t('views.unsetDefault') : t('views.makeDefault')}>
                  <Button type="text" size="small" aria-label={v.isDefault ? t('views.unsetDefault') : t('views.makeDefault')} icon={v.isDefault ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />} onClick={() => void patch(v, { isDefault: !v.isDefault })} />
                </Tooltip>
                {v.editable && (
                  <Popconfirm title={t('views.deleteConfirm', { name: v.name })} description={v.shared ? t('views.deleteShared') : undefined} onConfirm={() => remove.mutateAsync(v.id).then(() => void message.success(t('views.deleted')), fail)} okButtonProps={{ danger: true }}>
                    <Button type="text" size="small" danger aria-label={t('views.delete')} icon={<DeleteOutlined />} />
                  </Popconfirm>
                )}
              </Space>
            </div>
          ))}
        </div>
      )}
    </Modal>
  );
}
