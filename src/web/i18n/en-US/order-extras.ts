import type { Messages } from '../messages.ts';

/** Copy an order, product per item when converting, customer confirmation of a revision (and its portal page) — English. */
export const orderCopy: Messages['orderCopy'] = {
  action: 'Copy order',
  confirmTitle: 'Copy order {{number}}?',
  confirmText: 'A new draft with the same customer, lines (product, qty, spec, discount), ship-to and priority. The customer PO is cleared, the promised date is recalculated from the longest lead time and prices are re-quoted at today’s price.',
  ok: 'Copy',
  done: 'Copied to a new draft; check it and submit',
  warningsTitle: 'What changed while copying',
  priceChanged: 'Line {{line}} {{sku}}: price updated to the {{source}} {{old}} → {{new}}',
  source: { tier: 'tier price', last: 'customer’s last price', list: 'list price' },
  dropped: '{{sku}} {{name}} is inactive and was not copied (was line {{line}})',
  timeline: { copiedFrom: 'Copied from order {{number}}', copied: 'Copied to a new order', open: 'Open' },
};

export const convertItems: Messages['convertItems'] = {
  title: 'Products for the requirement lines',
  hint: 'Lines with a description only need a product; a linked product can be changed too. Quantities and specs come from the confirmed requirement.',
  item: 'Requirement line',
  product: 'Product',
  pick: 'Search products by SKU or name',
  missing: 'Line {{lines}} has no product yet',
  qty: 'Qty {{qty}}',
};

export const revisionConfirm: Messages['revisionConfirm'] = {
  action: 'Ask customer to confirm',
  again: 'New confirmation link',
  title: 'Customer confirmation of revision {{n}}',
  help: 'Send the link by WeChat or email. The customer sees the change on their phone (quantities, prices, dates, address and the reason — never cost or internal notes) and confirms or declines.',
  making: 'Making the link…',
  expires: 'Valid until {{at}}; a new link replaces this one.',
  copyByHand: 'Could not copy automatically; copy the link by hand',
  state: { requested: 'Awaiting customer', confirmed: 'Customer confirmed', declined: 'Customer declined' },
  requestedAt: 'Sent by {{name}} at {{at}}',
  answeredAt: 'Answered at {{at}}',
  contact: 'Contact: {{name}}',
  comment: 'Customer comment: {{text}}',
  timeline: { link: 'Sent the customer a link to confirm revision {{n}}', confirmed: 'The customer confirmed revision {{n}}', declined: 'The customer declined revision {{n}}' },
};

export const portalRevision: Messages['portalRevision'] = {
  defaultCompany: 'Order change',
  docTitle: '{{company}} · change to order {{number}}',
  title: 'Order {{number}} — change {{n}}',
  intro: 'Dear {{customer}}, we have changed your order as below. Please check and answer.',
  reason: 'Reason',
  amount: 'Order amount (incl. VAT)',
  promisedDate: 'Delivery date',
  address: 'Ship-to address',
  lines: 'Lines',
  qty: 'Qty',
  price: 'Unit price',
  added: 'Added',
  removed: 'Removed',
  unchanged: 'Unchanged',
  answerTitle: 'Your answer',
  contactName: 'Your name (optional)',
  comment: 'Comment',
  commentHelp: 'If you decline, tell us why; we will contact you soon.',
  commentRequired: 'Please give a reason when declining',
  confirm: 'Accept the change',
  decline: 'Decline',
  confirmTitle: 'Accept this change?',
  confirmText: 'We will produce and ship according to the changed order.',
  back: 'Back',
  state: { confirmed: 'You accepted this change', declined: 'You declined this change; we will contact you soon' },
  answeredAt: 'Answered at {{at}}',
};
