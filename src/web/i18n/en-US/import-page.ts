import type { Messages } from '../messages.ts';

/** Words every Excel import page shares: the steps, the upload, the check report. */
export const importPage: Messages['importPage'] = {
  step: { template: 'Template', upload: 'Upload', check: 'Check', done: 'Done' },
  download: 'Download the template',
  drop: 'Click or drop an .xlsx file here',
  dropHint: 'The file is checked first, not imported yet',
  checking: 'Checking the file…',
  importing: 'Importing…',
  processed: '{{count}} rows processed',
  rows: 'Rows',
  valid: 'Ready',
  errors: 'Errors',
  duplicates: 'Possible duplicates',
  hasErrors: '{{count}} problem(s) found — fix them in Excel and upload again',
  listedFirst: 'Only the first {{count}} are listed',
  row: 'Row',
  column: 'Column',
  problem: 'Problem',
  emptyFile: 'The file has no data rows',
  fixAndRetry: 'Fix the file, then click the area above to upload it again.',
  chooseOther: 'Choose another file',
  another: 'Import more',
};
