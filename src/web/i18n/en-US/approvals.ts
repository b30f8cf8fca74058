import type { Messages } from '../messages.ts';

/** Approvals inbox in English. */
export const approvals: Messages['approvals'] = {
  title: 'Approvals',
  subtitle: 'Approvals waiting for you. Rejecting needs a reason; the requester is notified.',
  tabs: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected' },
  customerChanges: 'Customer changes',
  empty: 'Nothing waiting for approval — you are notified when something arrives',
  emptyDecided: 'Nothing here',
  requestedBy: 'Requested by {{name}}',
  reason: 'Reason: {{reason}}',
  decidedBy: 'Decided {{when}}',
  decisionComment: 'Comment: {{comment}}',
  openCustomer: 'Open customer',
  approve: 'Approve',
  reject: 'Reject',
  approveTitle: 'Approve the change to “{{name}}”?',
  rejectTitle: 'Reject the change to “{{name}}”?',
  approveComment: 'Comment (optional)',
  rejectReason: 'Reason for rejecting (sent to the requester)',
  approved: 'Change to {{name}} approved',
  rejected: 'Change to {{name}} rejected',
  noPermission: 'You can see approvals but may not decide them.',
  state: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected' },
};
