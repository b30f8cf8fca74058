import { Select, Space, Spin, Switch, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useRequirementVersions, type Requirement } from '../api.ts';
import { VersionDiff } from './version-diff.tsx';

/** 版本: every saved version (who, when, why) and a side-by-side comparison of any two. */
export function VersionsTab({ requirement: r }: { requirement: Requirement }) {
  const { t } = useTranslation();
  const versions = useRequirementVersions(r.id);
  const [pick, setPick] = useState<{ left?: number; right?: number }>({});
  const [onlyChanges, setOnlyChanges] = useState(false);
  if (versions.isPending) return <Spin />;
  if (versions.error) return <ErrorAlert error={versions.error} />;
  const list = versions.data;
  const right = pick.right ?? list[0]?.version;
  const left = pick.left ?? list[1]?.version ?? right;
  const L = list.find((v) => v.version === left);
  const R = list.find((v) => v.version === right);
  const options = list.map((v) => ({ value: v.version, label: `v${v.version} · ${formatDateTime(v.createdAt)}${v.version === r.confirmedVersion ? ` · ${t('requirements.versions.confirmedMark')}` : ''}` }));

  return (
    <div className="gd-stack">
      <Space wrap>
        <Select value={left} onChange={(v: number) => setPick({ left: v, right })} options={options} style={{ minWidth: 220 }} aria-label={t('requirements.versions.left')} data-testid="diff-left" />
        <span>↔</span>
        <Select value={right} onChange={(v: number) => setPick({ left, right: v })} options={options} style={{ minWidth: 220 }} aria-label={t('requirements.versions.right')} data-testid="diff-right" />
        <Space size={6}>
          <Switch size="small" checked={onlyChanges} onChange={setOnlyChanges} />
          <span>{t('requirements.versions.onlyChanges')}</span>
        </Space>
      </Space>
      {L && R && <VersionDiff left={L} right={R} onlyChanges={onlyChanges} />}
      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        {t('requirements.versions.all')}
      </Typography.Title>
      <Timeline
        items={list.map((v) => ({
          key: v.version,
          color: v.version === r.confirmedVersion ? 'green' : v.version === r.version ? 'blue' : 'gray',
          content: (
            <>
            <Space size={6} wrap className="gd-tl-head">
              <Typography.Text strong>v{v.version}</Typography.Text>
              <Typography.Text type="secondary">
                {v.createdByName ?? t('customers.history.someone')} · {formatDateTime(v.createdAt)}
              </Typography.Text>
              {v.version === r.confirmedVersion && <Typography.Text type="success">{t('requirements.versions.confirmedMark')}</Typography.Text>}
            </Space>
            <div>{v.changeReason ? t('requirements.versions.reason', { reason: v.changeReason }) : v.version === 1 ? t('requirements.versions.first') : <Typography.Text type="secondary">{t('requirements.versions.noReason')}</Typography.Text>}</div>
            </>
          ),
        }))}
      />
    </div>
  );
}
