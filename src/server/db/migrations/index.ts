import type { Migration } from 'kysely';
import * as m0001 from './0001-platform.ts';
import * as m0002 from './0002-customers.ts';
import * as m0003 from './0003-requirements.ts';
import * as m0004 from './0004-customer-changes.ts';
import * as m0005 from './0005-catalog.ts';
import * as m0006 from './0006-inventory.ts';
import * as m0010 from './0010-orders.ts';
import * as m0011 from './0011-shipping.ts';
import * as m0012 from './0012-bom.ts';
import * as m0013 from './0013-exceptions.ts';
import * as m0014 from './0014-stages.ts';
import * as m0017 from './0017-sla.ts';
import * as m0019 from './0019-production.ts';
import * as m0015 from './0015-saved-views.ts';
import * as m0016 from './0016-revision-confirmation.ts';
import * as m0018 from './0018-shipping-packing.ts';
import * as m0020 from './0020-responsibility.ts';
import * as m0021 from './0021-order-list-indexes.ts';
import * as m0024 from './0024-stock-count.ts';
import * as m0026 from './0026-order-number-search.ts';
import * as m0027 from './0027-equipment-down-prefill.ts';
import * as m0029 from './0029-sales-report-index.ts';
import * as m0030 from './0030-work-center-shift.ts';
import * as m0031 from './0031-sales-month.ts';
import * as m0032 from './0032-stage-report-order.ts';
import * as m0033 from './0033-stage-month.ts';
import * as m0034 from './0034-order-text-search.ts';

/** Every migration, in order. Names are stable: they are recorded in kysely_migration. */
export const migrations: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-customers': m0002,
  '0003-requirements': m0003,
  '0004-customer-changes': m0004,
  '0005-catalog': m0005,
  '0006-inventory': m0006,
  '0010-orders': m0010,
  '0011-shipping': m0011,
  '0012-bom': m0012,
  '0013-exceptions': m0013,
  '0014-stages': m0014,
  '0015-saved-views': m0015,
  '0016-revision-confirmation': m0016,
  '0017-sla': m0017,
  '0018-shipping-packing': m0018,
  '0020-responsibility': m0020,
  '0019-production': m0019,
  '0021-order-list-indexes': m0021,
  '0024-stock-count': m0024,
  '0026-order-number-search': m0026,
  '0027-equipment-down-prefill': m0027,
  '0029-sales-report-index': m0029,
  '0030-work-center-shift': m0030,
  '0031-sales-month': m0031,
  '0032-stage-report-order': m0032,
  '0033-stage-month': m0033,
  '0034-order-text-search': m0034,
};
