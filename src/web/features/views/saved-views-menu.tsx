import { AppstoreOutlined, DownOutlined, SaveOutlined, SettingOutlined, StarFilled } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sameQuery, useSavedViews, type SavedView, type SavedViewEntity } from './api.ts';
import { ManageViewsModal } from './manage-views-modal.tsx';
import { SaveViewModal } from './save-view-modal.tsx';

interface Props {
  entity: SavedViewEntity;
  /** The list's filters now (URL params, empty values allowed). */
  current: Record<string, string>;
  /** Replaces the list's filters with a view's. */
  onApply: (query: Record<string, string>) => void;
  /** A short human description of a filter set. */
  summary: (query: Record<string, unknown>) => string;
  /** Apply my default view once, when the list opened without filters. */
  applyDefault: boolean;
}

const asParams = (q: Record<string, unknown>) => Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)]));

/** 视图: pick a saved filter set, save the current one, manage mine and the shared ones. Reusable by any list. */
export function SavedViewsMenu({ entity, current, onApply, summary, applyDefault }: Props) {
  const { t } = useTranslation();
  const views = useSavedViews(entity);
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);
  const defaultApplied = useRef(false);
  const items = views.data ?? [];

  useEffect(() => {
    if (defaultApplied.current || !views.data) return;
    defaultApplied.current = true;
    const d = views.data.find((v) => v.isDefault);
    if (applyDefault && d) onApply(asParams(d.query));
  }, [views.data, applyDefault, onApply]);

  const active = items.find((v) => sameQuery(v.query, current));
  const entry = (v: SavedView) => ({
    key: v.id,
    label: (
      <span data-testid="view-item">
        {v.name}
        {v.isDefault && <StarFilled style={{ color: '#faad14', marginInlineStart: 6 }} />}
        {!v.editable && <span style={{ color: '#8c8c8c', marginInlineStart: 6, fontSize: 12 }}>{t('views.sharedBy', { name: v.ownerName ?? '' })}</span>}
      </span>
    ),
    onClick: () => onApply(asParams(v.query)),
  });
  const mine = items.filter((v) => v.editable);
  const others = items.filter((v) => !v.editable);
  const menu: MenuProps['items'] = [
    ...(items.length === 0 ? [{ key: 'none', label: t('views.none'), disabled: true }] : []),
    ...(mine.length ? [{ type: 'group' as const, key: 'mine', label: t('views.mine'), children: mine.map(entry) }] : []),
    ...(others.length ? [{ type: 'group' as const, key: 'shared', label: t('views.shared'), children: others.map(entry) }] : []),
    { type: 'divider' as const },
    { key: 'save', icon: <SaveOutlined />, label: t('views.saveCurrent'), onClick: () => setSaving(true) },
    ...(items.length ? [{ key: 'manage', icon: <SettingOutlined />, label: t('views.manage'), onClick: () => setManaging(true) }] : []),
  ];
  const query = Object.fromEntries(Object.entries(current).filter(([, v]) => v));

  return (
    <>
      <Dropdown menu={{ items: menu, selectedKeys: active ? [active.id] : [] }} trigger={['click']}>
        <Button icon={<AppstoreOutlined />} data-testid="views-button" style={{ maxWidth: 220 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{active ? t('views.current', { name: active.name }) : t('views.button')}</span>
          <DownOutlined />
        </Button>
      </Dropdown>
      <SaveViewModal entity={entity} query={query} summary={summary(query)} open={saving} onClose={() => setSaving(false)} onSaved={() => setSaving(false)} />
      <ManageViewsModal entity={entity} views={items} open={managing} onClose={() => setManaging(false)} summary={summary} />
    </>
  );
}
