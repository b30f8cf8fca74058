import type { RequirementStatus } from '../../../contracts/requirements.ts';
import { defineMachine } from '../../platform/state-machine.ts';

/**
 * 需求单: edit makes a new version; a version the customer has not confirmed is never
 * "confirmed" — editing a confirmed requirement sends it back to draft, and only a
 * confirmation of the current version confirms it.
 */
export const requirementMachine = defineMachine<RequirementStatus, 'edit' | 'send' | 'confirm' | 'requestChanges' | 'convert' | 'cancel'>({
  transitions: {
    edit: { from: ['draft', 'sent', 'confirmed', 'changes_requested'], to: (s) => (s === 'sent' ? 'sent' : 'draft') },
    send: { from: ['draft', 'sent', 'changes_requested'], to: 'sent' },
    confirm: { from: ['sent'], to: 'confirmed' },
    requestChanges: { from: ['sent'], to: 'changes_requested' },
    convert: { from: ['confirmed'], to: 'converted' },
    cancel: { from: ['draft', 'sent', 'confirmed', 'changes_requested'], to: 'cancelled' },
  },
  terminal: ['converted', 'cancelled'],
});
