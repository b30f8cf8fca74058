import type { WorkOrderStatus } from '../../../contracts/production.ts';
import { defineMachine } from '../../platform/state-machine.ts';

/**
 * planned → released → in_progress → done, cancelled from any open state. Guards that need
 * data (materials at release, remaining quantity on progress) live in the service; this
 * table says only which moves exist.
 */
export const workOrderMachine = defineMachine<WorkOrderStatus, 'release' | 'start' | 'report' | 'complete' | 'cancel'>({
  transitions: {
    release: { from: ['planned'], to: 'released' },
    start: { from: ['released'], to: 'in_progress' },
    /** A progress report on a started work order keeps it in progress. */
    report: { from: ['released', 'in_progress'], to: 'in_progress' },
    complete: { from: ['in_progress'], to: 'done' },
    cancel: { from: ['planned', 'released', 'in_progress'], to: 'cancelled' },
  },
  terminal: ['done', 'cancelled'],
});
