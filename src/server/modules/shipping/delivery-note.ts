import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Locale } from '../../../contracts/errors.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import { carriers } from '../../../contracts/shipping.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { createLink, type ResolvedLink } from '../../platform/links.ts';
import { getSetting } from '../../platform/settings.ts';

/**
 * CJK fonts the delivery note can use, most specific first: [path, face inside a collection].
 * Debian/Ubuntu `fonts-noto-cjk` ships the first; other layouts follow. GENDAN_CJK_FONT
 * (a path, optionally `path#Face`) goes before all of them.
 */
const FONT_CANDIDATES: [string, string | undefined][] = [
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf', undefined],
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYiMicroHei'],
];

/** The first CJK font present, or null. Looked up per request: installing the package needs no restart. */
export function findCjkFont(candidates: [string, string | undefined][] = fontCandidates()): { path: string; face?: string } | null {
  for (const [path, face] of candidates) if (existsSync(path)) return { path, face };
  return null;
}

function fontCandidates(): [string, string | undefined][] {
  const env = process.env.GENDAN_CJK_FONT;
  if (!env) return FONT_CANDIDATES;
  const [path, face] = env.split('#');
  return [[path, face || undefined]];
}

const labels = {
  'zh-CN': {
    title: '送货单',
    shipment: '发货单号',
    order: '订单号',
    customerPo: '客户采购单号',
    customer: '客户',
    recipient: '收货人',
    phone: '电话',
    address: '收货地址',
    carrier: '承运商',
    tracking: '物流单号',
    eta: '预计到达',
    cols: ['序号', 'SKU', '品名', '规格', '单位', '数量'],
    packages: (n: number, kg: number) => `共 ${n} 件，总重 ${kg} kg`,
    noPackages: '未登记包裹',
    sign: ['发货人', '承运人', '收货人签字（盖章）'],
    date: '日期',
    printed: (t: string) => `打印时间：${t}（北京时间）`,
    scan: '扫码查看物流并确认收货',
    page: (n: number) => `第 ${n} 页`,
  },
  'en-US': {
    title: 'Delivery note',
    shipment: 'Shipment',
    order: 'Order',
    customerPo: 'Customer PO',
    customer: 'Customer',
    recipient: 'Recipient',
    phone: 'Phone',
    address: 'Address',
    carrier: 'Carrier',
    tracking: 'Tracking no.',
    eta: 'ETA',
    cols: ['#', 'SKU', 'Item', 'Spec', 'Unit', 'Qty'],
    packages: (n: number, kg: number) => `${n} package(s), ${kg} kg in total`,
    noPackages: 'No packages recorded',
    sign: ['Shipped by', 'Carrier', 'Received by (signature / stamp)'],
    date: 'Date',
    printed: (t: string) => `Printed ${t} (China time)`,
    scan: 'Scan to track and confirm receipt',
    page: (n: number) => `Page ${n}`,
  },
} as const;

/** "2026-11-27 16:33" in the company time zone. */
function localTime(at: Date, timeZone: string) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const specText = (spec: Record<string, unknown>) =>
  Object.entries(spec)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}:${String(v)}`)
    .join(' ');

/**
 * The delivery note (送货单) of a shipment as a PDF: company, numbers, customer, recipient and
 * address in Chinese order (省市区 + 详细地址), lines, packages, signature boxes, the time it
 * was printed, and a QR code (plus the URL in print) to the customer's order page. A print by
 * staff makes a fresh customer link (links are stored hashed, so an earlier one's token cannot
 * be shown again); a print by the customer through their link points at the page they came
 * from, within that link's scope (its order, or any order of its customer), and mints nothing.
 */
export function createDeliveryNotes(db: Db, config: Pick<Config, 'publicUrl' | 'timeZone'>) {
  return {
    async render(by: Actor | { link: ResolvedLink; url: string }, id: string, locale: Locale): Promise<{ number: string; pdf: Buffer }> {
      const font = findCjkFont();
      if (!font) throw new AppError('PDF_FONT_MISSING', { install: 'fonts-noto-cjk' });
      const { s, url, lines, packages, company } = await inTransaction(db, async (tx) => {
        let q = tx
          .selectFrom('shipment')
          .innerJoin('salesOrder', 'salesOrder.id', 'shipment.orderId')
          .innerJoin('customer', 'customer.id', 'shipment.customerId')
          .select(['shipment.id', 'shipment.number', 'shipment.orderId', 'shipment.status', 'shipment.shipTo', 'shipment.carrier', 'shipment.trackingNumber', 'shipment.eta', 'salesOrder.number as orderNumber', 'salesOrder.customerPo', 'customer.name as customerName'])
          .where('shipment.id', '=', id);
        if ('link' in by) {
          if (by.link.kind !== 'order' && by.link.kind !== 'customer') throw notFound();
          q = q.where(by.link.kind === 'order' ? 'shipment.orderId' : 'shipment.customerId', '=', by.link.entityId).where('shipment.status', '!=', 'draft');
        } else q = q.where(scopeCondition(by, 'shipment.ownerId'));
        const s = await q.executeTakeFirst();
        if (!s) throw notFound();
        if (s.status === 'cancelled') throw new AppError('INVALID_STATE', { action: 'print', state: s.status });
        const lines = await tx
          .selectFrom('shipmentLine as l')
          .innerJoin('product as p', 'p.id', 'l.productId')
          .innerJoin('orderLine as ol', 'ol.id', 'l.orderLineId')
          .select(['p.sku', 'p.name', 'p.unit', 'ol.spec', 'ol.lineNo', 'l.qty'])
          .where('l.shipmentId', '=', id)
          .orderBy('ol.lineNo')
          .execute();
        const packages = await tx.selectFrom('shipmentPackage').select('weightG').where('shipmentId', '=', id).execute();
        const url = 'link' in by ? by.url : `${config.publicUrl}/c/${(await createLink(tx, { kind: 'order', entityId: s.orderId, createdBy: by.id, expiresInDays: 60 })).token}`;
        return { s, url, lines, packages, company: await getSetting(tx, 'company.name') };
      });
      const qr = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
      const L = labels[locale];
      const addr = json.read<{ province?: string; city?: string; district?: string; detail?: string; recipient?: string; phone?: string } | null>(s.shipTo, null);
      const carrierName = s.carrier ? (carriers[s.carrier as keyof typeof carriers]?.[locale === 'en-US' ? 'en' : 'zh'] ?? s.carrier) : null;

      const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `${L.title} ${s.number}`, Subject: s.orderNumber ?? '', Creator: 'Gendan' } });
      doc.registerFont('cjk', font.path, font.face);
      doc.font('cjk');
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise<Buffer>((resolve, reject) => {
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);
      });

      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      // Header: company and title, QR code on the right.
      doc.fontSize(16).text(company || ' ', left, 40, { width: width - 110 });
      doc.fontSize(20).text(L.title, left, doc.y + 4, { width: width - 110 });
      doc.image(qr, left + width - 96, 36, { width: 96 });
      doc.fontSize(7).text(L.scan, left + width - 120, 136, { width: 120, align: 'center' });
      doc.fontSize(6).text(url, left + width - 200, 146, { width: 200, align: 'right' });

      let y = 110;
      doc.fontSize(10);
      const field = (label: string, value: string | null | undefined, x: number, w: number) => {
        doc.text(`${label}：${value ?? '—'}`, x, y, { width: w });
      };
      // Beside the QR code the rows keep clear of it.
      const narrow = width - 130;
      field(L.shipment, s.number, left, narrow / 2);
      field(L.order, s.orderNumber, left + narrow / 2, narrow / 2);
      y += 16;
      field(L.customer, s.customerName, left, narrow);
      y = doc.y + 2;
      if (s.customerPo) field(L.customerPo, s.customerPo, left, narrow);
      y = Math.max(doc.y + 6, 168);
      field(L.recipient, addr?.recipient, left, 200);
      field(L.phone, addr?.phone, left + 200, 200);
      y += 16;
      field(L.address, addr ? `${addr.province ?? ''}${addr.city ?? ''}${addr.district ?? ''}${addr.detail ?? ''}` : null, left, width);
      y = doc.y + 4;
      if (carrierName) {
        field(L.carrier, carrierName, left, 200);
        field(L.tracking, s.trackingNumber, left + 200, 200);
        if (s.eta) field(L.eta, s.eta, left + 400, width - 400);
        y += 16;
      }

      // Lines.
      const cols = [30, 90, 150, 135, 50, 60];
      const header = () => {
        y += 8;
        doc.rect(left, y - 3, width, 18).fillAndStroke('#eeeeee', '#999999').fillColor('black');
        let x = left;
        L.cols.forEach((c, i) => {
          doc.text(c, x + 3, y, { width: cols[i] - 6, align: i === 5 ? 'right' : 'left' });
          x += cols[i];
        });
        y += 18;
      };
      header();
      const bottom = doc.page.height - doc.page.margins.bottom - 150;
      lines.forEach((l, i) => {
        const cells = [String(i + 1), l.sku, l.name, specText(json.read(l.spec, {})), l.unit, String(fromMilli(Number(l.qty)))];
        const h = Math.max(...cells.map((c, j) => doc.heightOfString(c, { width: cols[j] - 6 }))) + 6;
        if (y + h > bottom) {
          doc.addPage();
          doc.font('cjk').fontSize(10);
          y = doc.page.margins.top;
          header();
        }
        let x = left;
        cells.forEach((c, j) => {
          doc.text(c, x + 3, y, { width: cols[j] - 6, align: j === 5 ? 'right' : 'left' });
          x += cols[j];
        });
        y += h;
        doc.moveTo(left, y - 2).lineTo(left + width, y - 2).strokeColor('#cccccc').stroke().strokeColor('black');
      });

      // Packages, signatures, printed time.
      y += 8;
      const kg = packages.reduce((a, p) => a + Number(p.weightG), 0) / 1000;
      doc.text(packages.length ? L.packages(packages.length, kg) : L.noPackages, left, y, { width });
      y += 28;
      const boxW = (width - 20) / 3;
      L.sign.forEach((label, i) => {
        const x = left + i * (boxW + 10);
        doc.rect(x, y, boxW, 64).stroke();
        doc.fontSize(9).text(label, x + 6, y + 6, { width: boxW - 12 });
        doc.text(`${L.date}：`, x + 6, y + 46, { width: boxW - 12 });
      });
      y += 76;
      doc.fontSize(8).text(L.printed(localTime(new Date(), config.timeZone)), left, y, { width });
      doc.end();
      return { number: s.number, pdf: await done };
    },
  };
}
export type DeliveryNotes = ReturnType<typeof createDeliveryNotes>;
