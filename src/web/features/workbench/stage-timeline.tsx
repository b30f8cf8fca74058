import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useRoleLabel } from '../admin/roles/use-role-label.ts';
import type { TimelineEntry } from '../orders/api.ts';
import { durationText } from './duration.ts';

const TYPES = ['stage.reminded', 'stage.escalated', 'stage.nudged', 'stage.reassigned', 'stage.claimed', 'stage.delay_attributed', 'checklist.ticked', 'checklist.unticked'] as const;
type StageEvent = (typeof TYPES)[number];

/** The responsibility engine's events on an order's timeline are worded here (the order page hands them over). */
export const isStageEvent = (type: string): type is StageEvent => (TYPES as readonly string[]).includes(type);

export const stageTimelineTones: Record<StageEvent, string> = {
  'stage.reminded': 'blue',
  'stage.escalated': 'red',
  'stage.nudged': 'orange',
  'stage.reassigned': 'blue',
  'stage.claimed': 'green',
  'stage.delay_attributed': 'orange',
  'checklist.ticked': 'green',
  'checklist.unticked': 'orange',
};

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const names = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x) : []);

/** Reminders, escalations, nudges, hand-overs, delay reasons and checklist ticks in words. */
export function StageTimelineBody({ entry: e }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const role = useRoleLabel();
  const en = currentLanguage() === 'en-US';
  const d = e.data;
  const stage = t(`orders.stage.${(e.stage ?? '') as 'review'}`, { defaultValue: e.stage ?? '' });
  const note = (text: string | null, key: 'reason' | 'message' | 'note' = 'reason') => (text ? <div className="gd-history-note">{t(`workbench.timeline.${key}`, { text })}</div> : null);
  const channels = (v: unknown) => names(v).map((c) => t(`workbench.timeline.channel.${c as 'inapp'}`, { defaultValue: c })).join(t('common.listSep'));
  const who = (v: unknown, count: unknown) => {
    const list = names(v);
    if (list.length) return list.join(t('common.listSep'));
    return typeof count === 'number' && count > 0 ? t('workbench.timeline.people', { count }) : t('workbench.timeline.nobody');
  };
  switch (e.type as StageEvent) {
    case 'stage.reminded':
    case 'stage.escalated': {
      const reminded = e.type === 'stage.reminded';
      const recipients = Array.isArray(d.recipients) ? d.recipients.length : 0;
      return (
        <div data-testid={`timeline-${e.type}`}>
          <div>
            {reminded ? t('workbench.timeline.reminded', { stage, when: str(d.dueAt) ? formatDateTime(String(d.dueAt)) : '' }) : t('workbench.timeline.escalated', { stage, level: Number(d.level ?? 1), when: str(d.dueAt) ? formatDateTime(String(d.dueAt)) : '' })}
          </div>
          <div className="gd-history-note">
            {t('workbench.timeline.sentTo', { who: who(d.recipientNames, recipients) })}
            {names(d.channels).length > 0 && ` · ${channels(d.channels)}`}
          </div>
        </div>
      );
    }
    case 'stage.nudged':
      return (
        <div data-testid="timeline-stage.nudged">
          <div>{str(d.ownerName) ? t('workbench.timeline.nudgedOwner', { stage, owner: String(d.ownerName) }) : t('workbench.timeline.nudged', { stage })}</div>
          {note(str(d.message), 'message')}
        </div>
      );
    case 'stage.reassigned':
    case 'stage.claimed': {
      const to = str(d.toName) ?? (str(d.toRole) ? t('workbench.queue', { role: role.label(String(d.toRole)) }) : null);
      const reason = str(d.reason);
      return (
        <div data-testid={`timeline-${e.type}`}>
          <div>{e.type === 'stage.claimed' ? t('workbench.timeline.claimed', { stage, role: role.label(String(d.role ?? '')) }) : to ? t('workbench.timeline.reassignedTo', { stage, to }) : t('workbench.timeline.reassigned', { stage })}</div>
          {str(d.fromName) && <div className="gd-history-note">{t('workbench.timeline.from', { name: String(d.fromName) })}</div>}
          {reason === 'owner_disabled' ? <div className="gd-history-note">{t('workbench.timeline.ownerDisabled')}</div> : note(e.type === 'stage.claimed' ? null : reason)}
        </div>
      );
    }
    case 'stage.delay_attributed': {
      const label = str(en ? d.labelEn : d.label) ?? str(d.label) ?? '';
      return (
        <div data-testid="timeline-stage.delay_attributed">
          <div>
            {t('workbench.timeline.delayReason', { stage, late: durationText(t, 'workbench', Number(d.lateMinutes ?? 0)) })} <Tag color="orange">{label}</Tag>
          </div>
          {note(str(d.note), 'note')}
        </div>
      );
    }
    case 'checklist.ticked':
    case 'checklist.unticked': {
      const item = str(en ? d.labelEn : d.label) ?? str(d.label) ?? '';
      return (
        <div data-testid={`timeline-${e.type}`}>
          <div>{t(e.type === 'checklist.ticked' ? 'workbench.timeline.ticked' : 'workbench.timeline.unticked', { stage, item })}</div>
          {note(str(d.reason))}
        </div>
      );
    }
  }
}
