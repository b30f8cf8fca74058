import { createStatusTag } from '../../components/status-tag.tsx';
import type { MovementType } from './api.ts';

/** A ledger movement's type (contracts `movementTypes`). */
export const MovementTypeTag = createStatusTag<MovementType>({
  receipt: { color: 'green', label: 'inventory.movementType.receipt' },
  issue: { color: 'orange', label: 'inventory.movementType.issue' },
  adjustment: { color: 'purple', label: 'inventory.movementType.adjustment' },
  transfer_out: { color: 'blue', label: 'inventory.movementType.transfer_out' },
  transfer_in: { color: 'cyan', label: 'inventory.movementType.transfer_in' },
  count: { color: 'geekblue', label: 'inventory.movementType.count' },
});
