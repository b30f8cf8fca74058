import type { Messages } from '../messages.ts';

/** Opening stock import in English. */
export const openingImport: Messages['openingImport'] = {
  title: 'Import opening stock',
  subtitle: 'Bring each warehouse\'s current stock in at go-live: the file is checked first and nothing is imported while any row is wrong; each row posts one "Opening stock import" receipt.',
  templateFile: 'opening-stock-template.xlsx',
  templateHint: 'One row per product × warehouse: SKU, warehouse code and quantity are required; unit cost (CNY) and note are optional.',
  products: 'Products',
  warehouses: 'Warehouses',
  totalQty: 'Total quantity',
  totalCost: 'Opening value',
  conflictTitle: 'Products that already have stock movements ({{count}} rows)',
  conflictHint: 'These products already have receipts or issues in that warehouse. Importing sets their on hand to the file quantity (posted as an adjustment).',
  sku: 'SKU',
  current: 'On hand now',
  fileQty: 'File quantity',
  overwriteAck: 'I confirm: set the on hand of these {{count}} rows to the file quantity',
  commit: 'Import {{count}} rows of opening stock',
  doneTitle: 'Imported {{count}} rows of opening stock',
  doneSubtitle: '{{posted}} stock movements posted, total quantity {{qty}}',
  doneToast: 'Opening stock imported',
  toStock: 'View stock',
};
