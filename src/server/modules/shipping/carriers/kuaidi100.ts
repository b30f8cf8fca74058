import { createHash } from 'node:crypto';
import type { Config } from '../../../config.ts';

/**
 * Kuaidi100 (快递100) subscribe + push, as its published protocol describes:
 * - subscribe: form POST to the poll URL with `schema=json` and `param` = JSON
 *   { company, number, key, parameters: { callbackurl, salt } }; answer { result, returnCode, message };
 * - push: form POST to our callback with `param` = JSON { status, lastResult: { state, ischeck,
 *   com, nu, data: [{ context, ftime, areaName? }] } } and `sign` = upper-case MD5(param + salt);
 *   we answer { result: true, returnCode: "200", message } or it is pushed again later.
 */
export const kuaidi100Codes: Record<string, string> = { sf: 'shunfeng', jd: 'jd', zto: 'zhongtong', yto: 'yuantong' };

export interface TrackingUpdate {
  carrierCode: string;
  trackingNumber: string;
  events: { at: string; status: 'in_transit' | 'delivered' | 'exception'; location: string | null; description: string }[];
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex').toUpperCase();

/** state: 3 签收 → delivered; 2 疑难, 4 退签, 6 退回, 14 拒签 → exception; others (在途, 揽收, 派件 …) → in transit. */
function mapState(state: string): TrackingUpdate['events'][number]['status'] {
  if (state === '3') return 'delivered';
  if (['2', '4', '6', '14'].includes(state)) return 'exception';
  return 'in_transit';
}

/** Kuaidi100 times are Beijing time without a zone: `2026-11-27 16:33:19`. */
const toIso = (t: string) => new Date(`${t.replace(' ', 'T')}+08:00`).toISOString();

export function createKuaidi100(config: Pick<Config, 'kuaidi100' | 'publicUrl'>) {
  return {
    configured: () => !!config.kuaidi100.key,

    async subscribe(carrier: string, trackingNumber: string, to?: string) {
      const company = kuaidi100Codes[carrier];
      if (!company || !config.kuaidi100.key) return { subscribed: false, reason: company ? 'not_configured' : 'carrier_not_supported' };
      const param = JSON.stringify({
        company,
        number: trackingNumber,
        ...(to ? { to } : {}),
        key: config.kuaidi100.key,
        parameters: { callbackurl: `${config.publicUrl}/api/v1/carriers/kuaidi100/webhook`, ...(config.kuaidi100.salt ? { salt: config.kuaidi100.salt } : {}), resultv2: '1' },
      });
      const res = await fetch(config.kuaidi100.pollUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ schema: 'json', param }).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json().catch(() => ({}))) as { result?: boolean; returnCode?: string; message?: string };
      // 501 = "already subscribed": fine for a retried job.
      if (body.result === true || body.returnCode === '501') return { subscribed: true };
      throw new Error(`kuaidi100 subscribe failed: ${res.status} ${body.returnCode ?? ''} ${body.message ?? ''}`);
    },

    /** Verifies and reads a push; null when the signature does not match. */
    parsePush(form: Record<string, string>): TrackingUpdate | null {
      const param = form.param ?? '';
      if (config.kuaidi100.salt && md5(param + config.kuaidi100.salt) !== (form.sign ?? '').toUpperCase()) return null;
      const p = JSON.parse(param) as { lastResult?: { state?: string; com?: string; nu?: string; data?: { context: string; ftime?: string; time?: string; areaName?: string }[] } };
      const last = p.lastResult;
      if (!last?.nu) return null;
      const latest = mapState(String(last.state ?? '0'));
      const data = last.data ?? [];
      return {
        carrierCode: String(last.com ?? ''),
        trackingNumber: last.nu,
        // Kuaidi100 lists newest first; the newest entry carries the waybill's state.
        events: data.map((d, i) => ({ at: toIso(d.ftime ?? d.time ?? ''), status: i === 0 ? latest : 'in_transit', location: d.areaName ?? null, description: d.context })),
      };
    },

    sign: (param: string) => md5(param + (config.kuaidi100.salt ?? '')),
  };
}
export type Kuaidi100 = ReturnType<typeof createKuaidi100>;
