import { settingDefs } from '../../../contracts/settings.ts';
import type { Carrier } from '../../../contracts/shipping.ts';
import type { Tx } from '../../platform/db/database.ts';
import { localDate } from '../../platform/dates.ts';
import { getSetting } from '../../platform/settings.ts';

/** A lane's average needs a few deliveries before it beats the carrier's default. */
export const LANE_MIN_SAMPLES = 3;
/** Only recent history counts: carriers change their networks. */
const LANE_SAMPLE = 200;
const DAY_MS = 86_400_000;

/**
 * The ETA of a dispatch without one typed in: the average transit time (dispatch → delivery,
 * rounded up to whole days) of the lane's last deliveries — ship-from province (setting
 * `shipping.originProvince`) to ship-to province — or, with fewer than LANE_MIN_SAMPLES of
 * them, the carrier's default transit days (setting `shipping.transitDays`). The date is a
 * calendar date in the company time zone.
 */
export async function estimateEta(tx: Tx, input: { carrier: Carrier; originProvince: string; destProvince: string; now: Date; timeZone: string }) {
  const rows = await tx
    .selectFrom('shipment')
    .select(['dispatchedAt', 'deliveredAt'])
    .where('destProvince', '=', input.destProvince)
    .where('status', '=', 'delivered')
    .where('originProvince', '=', input.originProvince)
    .where('dispatchedAt', 'is not', null)
    .where('deliveredAt', 'is not', null)
    .orderBy('deliveredAt', 'desc')
    .limit(LANE_SAMPLE)
    .execute();
  const spans = rows.map((r) => Date.parse(r.deliveredAt!) - Date.parse(r.dispatchedAt!)).filter((ms) => Number.isFinite(ms) && ms >= 0);
  let days: number;
  let source: 'lane' | 'carrier_default';
  if (spans.length >= LANE_MIN_SAMPLES) {
    days = Math.max(1, Math.ceil(spans.reduce((a, b) => a + b, 0) / spans.length / DAY_MS));
    source = 'lane';
  } else {
    const defaults = await getSetting(tx, 'shipping.transitDays');
    days = defaults[input.carrier] ?? settingDefs['shipping.transitDays'].default[input.carrier] ?? 3;
    source = 'carrier_default';
  }
  return { eta: localDate(new Date(input.now.getTime() + days * DAY_MS), input.timeZone), days, source, samples: spans.length };
}
