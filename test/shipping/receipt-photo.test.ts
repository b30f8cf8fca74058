import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

/** The smallest PNG there is: one transparent pixel. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

for (const d of await dialects()) {
  describe(`receipt photo through the customer's link [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let wh: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      wh = (await t.as(['warehouse'])).session;
    });
    after(() => t?.close());

    const upload = (token: string, shipmentId: string, body: Buffer, type = 'image/png') =>
      t.app.inject({ method: 'POST', url: `/api/portal/${token}/shipments/${shipmentId}/receipt-photo?name=${encodeURIComponent('签收.png')}`, payload: body, headers: { 'content-type': type } });

    /** A dispatched shipment of a rep's order and the customer's order link. */
    async function dispatched(rep: Session) {
      const w = await orderWorld(t, admin, rep, { stock: 10 });
      const o = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(20), lines: [{ productId: w.productId, qty: 2, unitPrice: 100_000 }], submit: true })).json().order;
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 2 }] })).json();
      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'sf', trackingNumber: `SF${String(Date.now()).slice(-12)}`, eta: inDays(2) })).statusCode, 200);
      const token = (await t.req(rep, 'POST', `/api/v1/orders/${o.id}/customer-link`, {})).json().url.split('/c/')[1];
      return { o, s, token };
    }

    test('after confirming receipt the customer adds one photo; the owner sees it and the timeline says so; nobody else can read it', async () => {
      const rep = await t.as(['sales']);
      const { o, s, token } = await dispatched(rep.session);
      const early = await upload(token, s.id, PNG);
      assert.equal(early.statusCode, 409, 'no photo before the receipt is answered');
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/portal/${token}/confirm-receipt`, payload: { shipmentId: s.id, disputed: false, contactName: '王收货' } })).statusCode, 200);

      const notImage = await upload(token, s.id, Buffer.from('%PDF-1.4'), 'application/pdf');
      assert.equal(notImage.statusCode, 400);
      assert.equal(notImage.json().details[0].path, 'body');
      const added = await upload(token, s.id, PNG);
      assert.equal(added.statusCode, 201, added.body);
      const { fileId } = added.json();
      assert.equal((await upload(token, s.id, PNG)).statusCode, 409, 'one photo per shipment');

      const shipment = (await t.req(rep.session, 'GET', `/api/v1/shipments/${s.id}`)).json();
      assert.equal(shipment.receipt.photoFileId, fileId);
      const file = await t.req(rep.session, 'GET', `/api/v1/files/${fileId}`);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'image/png');
      assert.deepEqual(file.rawPayload, PNG);
      const other = (await t.as(['sales'])).session;
      assert.equal((await t.req(other, 'GET', `/api/v1/files/${fileId}`)).statusCode, 404, 'another rep cannot read the photo');
      const types = (await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.map((e: { type: string }) => e.type);
      assert.ok(types.includes('shipment.receipt_photo_added'));
    });

    test('another order’s shipment through this link is 404 and stores nothing', async () => {
      const rep = await t.as(['sales']);
      const first = await dispatched(rep.session);
      const second = await dispatched(rep.session);
      const files = async () => Number((await t.db.handle.db.selectFrom('fileBlob').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await files();
      assert.equal((await upload(first.token, second.s.id, PNG)).statusCode, 404);
      assert.equal(await files(), before);
    });
  });
}
