import type { Messages } from '../messages.ts';

/** Admin → Delay reasons & checklists, in English. */
export const responsibilityAdmin: Messages['responsibilityAdmin'] = {
  title: 'Delay reasons & checklists',
  subtitle: 'Owners pick one of these reasons when a stage is late; a stage finishes only when the required items of its checklist are ticked.',
  reasons: {
    title: 'Delay reasons',
    add: 'Add reason',
    code: 'Code',
    codeHelp: 'Starts with a lowercase letter; lowercase letters, digits and underscores only (e.g. design_change); cannot change later',
    labelZh: 'Chinese name',
    labelEn: 'English name',
    prefill: 'Pre-filled by events',
    active: 'Active',
  },
  checklists: {
    title: 'Checklists',
    help: 'For example: Review → customer confirmed spec and date, finance reviewed payment terms; Preparation → shipping notice sent. Unticked required items stop the stage from finishing (confirm, dispatch and so on name the missing items).',
    empty: 'No items for this stage',
    add: 'Add item',
    labelZh: 'Item (Chinese)',
    labelEn: 'Item (English)',
    required: 'Required',
  },
};
