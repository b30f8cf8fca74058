import { useTranslation } from 'react-i18next';
import type { AlertChannel, SlaRule } from '../../../../contracts/sla.ts';
import { useUserOptions } from '../users/api.ts';
import { useRoleLabel } from '../roles/use-role-label.ts';

type Target = SlaRule['owner'] | SlaRule['escalations'][number]['to'];

/** A rule's owner, deadline, reminders and escalation in words, in the UI language. */
export function useRuleText() {
  const { t } = useTranslation();
  const roles = useRoleLabel();
  const users = useUserOptions();
  const userName = (id: string) => users.data?.find((u) => u.id === id)?.displayName ?? id;
  const unit = (u: SlaRule['due']['unit']) => t(`slaRules.units.${u}`);
  const target = (x: Target) => {
    if (x.type === 'role') return `${t('slaRules.targetType.role')} · ${roles.label(x.role)}`;
    if (x.type === 'user') return userName(x.userId);
    return x.type === 'manager' ? t('slaRules.targetType.manager') : t('slaRules.ownerType.customer_owner');
  };
  return {
    owner: (r: Pick<SlaRule, 'owner'>) => (r.owner.type === 'role' ? `${t('slaRules.ownerType.role')} · ${roles.label(r.owner.role)}` : r.owner.type === 'user' ? userName(r.owner.userId) : t('slaRules.ownerType.customer_owner')),
    due: (r: Pick<SlaRule, 'due'>) => {
      const anchor = t(`slaRules.anchors.${r.due.anchor}`);
      if (r.due.amount === 0) return t('slaRules.dueAt', { anchor });
      return t('slaRules.dueText', { anchor, amount: Math.abs(r.due.amount), unit: unit(r.due.unit), direction: t(r.due.amount < 0 ? 'slaRules.direction.before' : 'slaRules.direction.after') });
    },
    reminder: (x: SlaRule['reminders'][number]) => t('slaRules.reminderText', { amount: x.before.amount, unit: unit(x.before.unit) }),
    escalation: (x: SlaRule['escalations'][number]) => t('slaRules.escalationText', { level: x.level, amount: x.after.amount, unit: unit(x.after.unit), to: target(x.to) }),
    channels: (list: readonly AlertChannel[]) => list.map((c) => t(`slaRules.channel.${c}`)).join(' · '),
  };
}
