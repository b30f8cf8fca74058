import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StageName } from '../../../contracts/stages.ts';
import { useRoleLabel } from '../admin/roles/use-role-label.ts';
import { useSession } from '../auth/session.ts';
import { useClaim } from './api.ts';

interface Owned {
  ownerName: string | null;
  queueRole: string | null;
}

/** A stage's owner in words: the person, else "待认领 · 跟单员" (its role queue), else unassigned. */
export function useStageOwnerLabel() {
  const { t } = useTranslation();
  const role = useRoleLabel();
  return (s: Owned | null | undefined) => s?.ownerName ?? (s?.queueRole ? t('workbench.queue', { role: role.label(s.queueRole) }) : t('workbench.noOwner'));
}

/** 认领: shown to a holder of the queue role on a stage nobody owns yet. */
export function ClaimButton({ orderId, stage, queueRole }: { orderId: string; stage: StageName; queueRole: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const claim = useClaim();
  if (!queueRole || !user.roles.includes(queueRole)) return null;
  const go = async () => {
    try {
      await claim.mutateAsync({ orderId, stage });
      void message.success(t('workbench.claimed'));
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  return (
    <Button size="small" type="link" loading={claim.isPending} onClick={go} data-testid="claim-stage" style={{ paddingInline: 0 }}>
      {t('workbench.claim')}
    </Button>
  );
}
