import type { RiskReason } from '../../../contracts/workbench.ts';
import type { WorkbenchItem } from './api.ts';

/** One colour per risk reason: the same tag on the page and in the cards. */
export const riskColor: Record<RiskReason, string> = {
  overdue: 'red',
  late_stage: 'volcano',
  delay_unexplained: 'orange',
  open_exception: 'magenta',
  rejected: 'red',
  short_stock: 'gold',
  waiting_approval: 'blue',
  due_soon: 'cyan',
};
export const itemKey = (i: WorkbenchItem) => `${i.orderId}:${i.stage?.stage ?? ''}`;
/** Only a running stage with an owner can be nudged. */
export const nudgeable = (i: WorkbenchItem) => !!i.stage?.ownerId && i.stage.state !== 'done' && i.stage.state !== 'skipped';
