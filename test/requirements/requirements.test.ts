import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

for (const d of await dialects()) {
  describe(`requirements and customer confirmation [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: { user: { id: string }; session: Session };
    let customerId: string;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = await t.as(['sales']);
      const f = await t.req(admin, 'POST', '/api/v1/admin/custom-fields', { entity: 'requirement', key: 'finish', label: '表面处理', labelEn: 'Finish', type: 'select', options: ['哑光黑', '亮银'], required: true });
      assert.equal(f.statusCode, 201, f.body);
      await t.req(admin, 'POST', '/api/v1/admin/custom-fields', { entity: 'requirement', key: 'voltage', label: '电压', type: 'number' });
      const c = await t.req(rep.session, 'POST', '/api/v1/customers', { name: '宁波海天精密机械', contacts: [{ name: '周工', phone: '13600136000' }] });
      customerId = c.json().customer.id;
    });
    after(() => t?.close());

    const body = (over: Record<string, unknown> = {}) => ({
      customerId,
      title: '注塑机外壳定制',
      items: [{ description: '外壳 A 型', qty: 200, unit: '件', spec: { 颜色: '黑' } }],
      dueDate: '2026-12-20',
      customFields: { finish: '哑光黑', voltage: 380 },
      ...over,
    });
    const count = async () => Number((await t.db.handle.db.selectFrom('requirement').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const portal = (token: string, method = 'GET', payload?: unknown, ip = '127.0.0.1') => t.app.inject({ method: method as any, url: `/api/portal/${token}${method === 'POST' ? '/confirm' : ''}`, payload: payload as any, remoteAddress: ip });
    const tokenOf = (url: string) => url.split('/c/')[1];

    test('custom fields are enforced: empty required, wrong type, unknown key → 400 naming the field, nothing written', async () => {
      const n = await count();
      const cases: [Record<string, unknown>, string, string][] = [
        [{ voltage: 220 }, 'customFields.finish', 'required'],
        [{ finish: '金色' }, 'customFields.finish', 'invalid_select'],
        [{ finish: '亮银', voltage: '220V' }, 'customFields.voltage', 'invalid_number'],
        [{ finish: '亮银', colour: 'x' }, 'customFields.colour', 'unknown_field'],
      ];
      for (const [customFields, path, code] of cases) {
        const r = await t.req(rep.session, 'POST', '/api/v1/requirements', body({ customFields }));
        assert.equal(r.statusCode, 400, r.body);
        assert.deepEqual(
          r.json().details.map((x: any) => [x.path, x.code]),
          [[path, code]],
        );
      }
      const q = await t.req(rep.session, 'POST', '/api/v1/requirements', body({ items: [{ description: 'x', qty: 1.2345 }] }));
      assert.equal(q.statusCode, 400);
      assert.equal(q.json().details[0].path, 'items.0.qty');
      assert.equal(await count(), n);
    });

    test('every save is a new version; the customer confirms through the link; the timeline records it', async () => {
      const r = (await t.req(rep.session, 'POST', '/api/v1/requirements', body())).json();
      assert.match(r.number, /^REQ-\d{8}-\d{4}$/);
      assert.equal(r.status, 'draft');
      const v2 = await t.req(rep.session, 'PATCH', `/api/v1/requirements/${r.id}`, { version: 1, items: [{ description: '外壳 A 型', qty: 250, unit: '件', spec: { 颜色: '黑' } }], changeReason: '客户电话追加 50 件' });
      assert.equal(v2.json().version, 2);
      assert.equal((await t.req(rep.session, 'PATCH', `/api/v1/requirements/${r.id}`, { title: r.title })).json().version, 2, 'no change, no version');
      const versions = (await t.req(rep.session, 'GET', `/api/v1/requirements/${r.id}/versions`)).json().items;
      assert.deepEqual(versions.map((v: any) => [v.version, v.items[0].qty]), [[2, 250], [1, 200]]);
      assert.equal(versions[0].changeReason, '客户电话追加 50 件');

      const link = await t.req(rep.session, 'POST', `/api/v1/requirements/${r.id}/confirmation-link`, {});
      assert.equal(link.statusCode, 201, link.body);
      const listed = (await t.req(rep.session, 'GET', `/api/v1/requirements/${r.id}/links`)).json().items;
      assert.deepEqual(listed.map((l: any) => [l.id, l.revokedAt]), [[link.json().id, null]]);
      assert.ok(!JSON.stringify(listed).includes(link.json().url.split('/c/')[1]), 'listed links carry no token');
      const token = tokenOf(link.json().url);
      assert.ok(token.length >= 43, '≥ 256-bit token');
      const stored = await t.db.handle.db.selectFrom('customerLink').select('tokenHash').where('id', '=', link.json().id).executeTakeFirstOrThrow();
      assert.notEqual(stored.tokenHash, token);

      const view = await portal(token);
      assert.equal(view.statusCode, 200);
      const page = view.json();
      assert.equal(page.version, 2);
      assert.equal(page.status, 'sent');
      assert.deepEqual(page.customFields, [
        { label: '表面处理', labelEn: 'Finish', value: '哑光黑' },
        { label: '电压', labelEn: null, value: 380 },
      ]);
      for (const internal of ['ownerId', 'ownerName', 'customerId', 'id', 'creditLimit']) assert.ok(!(internal in page), `portal leaks ${internal}`);

      const ok = await t.app.inject({ method: 'POST', url: `/api/portal/${token}/confirm`, payload: { version: 2, comment: '确认，请尽快排产', contactName: '周工' }, headers: { 'user-agent': 'MicroMessenger/8.0' } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { recordedVersion: 2, currentVersion: 2, outdated: false, status: 'confirmed' });
      const after = (await t.req(rep.session, 'GET', `/api/v1/requirements/${r.id}`)).json();
      assert.equal(after.confirmedVersion, 2);
      assert.equal(after.lastConfirmation.userAgent, 'MicroMessenger/8.0');
      assert.ok(after.lastConfirmation.ip);
      const events = await t.db.handle.db.selectFrom('event').select(['type', 'data']).where('entityId', '=', r.id).orderBy('id').execute();
      assert.deepEqual(
        events.map((e) => e.type),
        ['requirement.created', 'requirement.updated', 'requirement.sent', 'requirement.customer_confirmed'],
      );
      const notes = await t.db.handle.db.selectFrom('outbox').select('payload').where('topic', '=', 'requirement.customer_confirmed').where('channel', '=', 'inapp').execute();
      assert.ok(notes.some((n) => JSON.parse(n.payload).userId === rep.user.id), 'owner notified');
      const hist = (await t.req(rep.session, 'GET', `/api/v1/customers/${customerId}/history`)).json().items;
      assert.ok(hist.some((h: any) => h.type === 'requirement.customer_confirmed'), 'confirmation on the customer timeline');

      // A new version after confirmation needs a new confirmation.
      const v3 = (await t.req(rep.session, 'PATCH', `/api/v1/requirements/${r.id}`, { dueDate: '2026-12-25' })).json();
      assert.equal(v3.status, 'draft');
      assert.equal(v3.confirmedVersion, 2);
      const again = await portal(token, 'POST', { version: 3 });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'REQUIREMENT_NOT_CONFIRMABLE');
    });

    test('editing while the customer confirms the old version: the confirmation records the version seen', async () => {
      const r = (await t.req(rep.session, 'POST', '/api/v1/requirements', body({ title: '控制柜' }))).json();
      const token = tokenOf((await t.req(rep.session, 'POST', `/api/v1/requirements/${r.id}/confirmation-link`, {})).json().url);
      const seen = (await portal(token)).json().version;
      await t.req(rep.session, 'PATCH', `/api/v1/requirements/${r.id}`, { note: '改为 IP65 防护' });
      const res = await portal(token, 'POST', { version: seen });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { recordedVersion: 1, currentVersion: 2, outdated: true, status: 'sent' });
      const now = (await t.req(rep.session, 'GET', `/api/v1/requirements/${r.id}`)).json();
      assert.equal(now.status, 'sent');
      assert.equal(now.confirmedVersion, null);
      assert.equal(now.lastConfirmation.version, 1);
      assert.equal((await portal(token, 'POST', { version: 2 })).json().status, 'confirmed');
    });

    test('revoked, expired, unknown and guessed links', async () => {
      const r = (await t.req(rep.session, 'POST', '/api/v1/requirements', body({ title: '链接测试' }))).json();
      const l1 = (await t.req(rep.session, 'POST', `/api/v1/requirements/${r.id}/confirmation-link`, {})).json();
      const other = await t.as(['sales']);
      assert.equal((await t.req(other.session, 'DELETE', `/api/v1/customer-links/${l1.id}`)).statusCode, 404, 'not your document');
      assert.equal((await t.req(rep.session, 'DELETE', `/api/v1/customer-links/${l1.id}`)).statusCode, 200);
      const revoked = await portal(tokenOf(l1.url));
      assert.equal(revoked.statusCode, 410);
      assert.equal(revoked.json().code, 'LINK_EXPIRED');
      const l2 = (await t.req(rep.session, 'POST', `/api/v1/requirements/${r.id}/confirmation-link`, { expiresInDays: 1 })).json();
      await t.db.handle.db.updateTable('customerLink').set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where('id', '=', l2.id).execute();
      assert.equal((await portal(tokenOf(l2.url))).statusCode, 410);
      assert.equal((await portal('A'.repeat(43), 'GET', undefined, '10.9.9.9')).statusCode, 404);
      let last = 0;
      for (let i = 0; i < 25; i++) last = (await portal(`guess${i}${'x'.repeat(40)}`, 'GET', undefined, '10.9.9.9')).statusCode;
      assert.equal(last, 429, 'guessing is rate-limited per IP');
      assert.equal((await portal('B'.repeat(43), 'GET', undefined, '10.9.9.10')).statusCode, 404, 'other IPs unaffected');
    });

    test("data scope: another rep cannot see or edit the requirement", async () => {
      const r = (await t.req(rep.session, 'POST', '/api/v1/requirements', body({ title: '范围测试' }))).json();
      const other = await t.as(['sales']);
      assert.equal((await t.req(other.session, 'GET', `/api/v1/requirements/${r.id}`)).statusCode, 404);
      assert.equal((await t.req(other.session, 'PATCH', `/api/v1/requirements/${r.id}`, { title: 'x' })).statusCode, 404);
      assert.ok(!(await t.req(other.session, 'GET', '/api/v1/requirements')).json().items.some((x: any) => x.id === r.id));
      assert.equal((await t.req(other.session, 'POST', '/api/v1/requirements', body())).statusCode, 400, "cannot file a requirement on another rep's customer");
    });
  });
}
