import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

for (const d of await dialects()) {
  describe(`files, user directory, public settings [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
    });
    after(() => t?.close());

    const upload = (s: Session, body: Buffer, name: string, type = 'application/pdf') =>
      t.app.inject({ method: 'POST', url: `/api/v1/files?name=${encodeURIComponent(name)}`, payload: body, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': type } });

    test('an attachment round-trips byte for byte; over 10 MB is 413 FILE_TOO_LARGE and nothing is stored', async () => {
      const { session } = await t.as(['sales']);
      const body = Buffer.from('%PDF-1.4 报价单 test');
      const r = await upload(session, body, '报价单.pdf');
      assert.equal(r.statusCode, 201, r.body);
      const got = await t.req(session, 'GET', `/api/v1/files/${r.json().id}`);
      assert.equal(got.statusCode, 200);
      assert.deepEqual(got.rawPayload, body);
      assert.match(String(got.headers['content-disposition']), /filename\*=UTF-8''%E6%8A%A5/);
      const before = Number((await t.db.handle.db.selectFrom('fileBlob').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const big = await upload(session, Buffer.alloc(10 * 1024 * 1024 + 1), 'big.bin', 'application/octet-stream');
      assert.equal(big.statusCode, 413);
      assert.equal(big.json().code, 'FILE_TOO_LARGE');
      assert.equal(Number((await t.db.handle.db.selectFrom('fileBlob').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), before);
    });

    test('an attachment custom field takes uploaded files', async () => {
      const rep = (await t.as(['sales'])).session;
      await t.req(admin, 'POST', '/api/v1/admin/custom-fields', { entity: 'requirement', key: 'drawing', label: '图纸', type: 'attachment', required: true });
      const c = (await t.req(rep, 'POST', '/api/v1/customers', { name: '附件测试客户' })).json().customer;
      const f = (await upload(rep, Buffer.from('dwg'), 'A-01.dwg', 'application/octet-stream')).json();
      const bad = await t.req(rep, 'POST', '/api/v1/requirements', { customerId: c.id, title: 't', items: [{ description: 'x', qty: 1 }], customFields: { drawing: 'A-01.dwg' } });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().details[0].code, 'invalid_attachment');
      const ok = await t.req(rep, 'POST', '/api/v1/requirements', { customerId: c.id, title: 't', items: [{ description: 'x', qty: 1 }], customFields: { drawing: [{ id: f.id, name: f.name }] } });
      assert.equal(ok.statusCode, 201, ok.body);
      await t.req(admin, 'PATCH', `/api/v1/admin/custom-fields/${(await t.req(admin, 'GET', '/api/v1/admin/custom-fields?entity=requirement')).json().items[0].id}`, { active: false });
    });

    test('a file is readable by its uploader and by whoever sees a record it is attached to — nobody else, even with its id', async () => {
      const team = (await t.req(admin, 'POST', '/api/v1/admin/teams', { name: '附件组' })).json().id as string;
      const coordinator = (await t.as(['coordinator'], { teamId: team })).session;
      const rep = (await t.as(['sales'], { teamId: team })).session;
      const outsider = (await t.as(['sales'])).session;
      const warehouse = (await t.as(['warehouse'])).session; // all scope, but no requirements:read
      const c = (await t.req(rep, 'POST', '/api/v1/customers', { name: '附件可见性客户' })).json().customer;
      const f = (await upload(coordinator, Buffer.from('图纸 v2'), 'B-02.pdf')).json();
      const read = async (s: Session) => (await t.req(s, 'GET', `/api/v1/files/${f.id}`)).statusCode;
      assert.deepEqual([await read(coordinator), await read(rep), await read(outsider)], [200, 404, 404], 'before it is attached, only the uploader');
      const r = await t.req(rep, 'POST', '/api/v1/requirements', { customerId: c.id, title: '带附件的需求', items: [{ description: 'x', qty: 1 }], attachments: [{ id: f.id, name: f.name }] });
      assert.equal(r.statusCode, 201, r.body);
      assert.deepEqual([await read(rep), await read(admin), await read(outsider), await read(warehouse)], [200, 200, 404, 404]);
    });

    test('the user directory follows the data scope; ids resolve to names for anyone', async () => {
      const team = (await t.req(admin, 'POST', '/api/v1/admin/teams', { name: '目录测试组' })).json().id;
      const mgr = await t.as(['sales_manager'], { teamId: team });
      const mate = await t.as(['sales'], { teamId: team });
      const outsider = await t.as(['sales']);
      const ids = (s: Session, q = '') => t.req(s, 'GET', `/api/v1/users?limit=200${q}`).then((r) => r.json().items.map((u: any) => u.id));
      const forMgr = await ids(mgr.session);
      assert.ok(forMgr.includes(mate.user.id) && !forMgr.includes(outsider.user.id));
      assert.deepEqual(await ids(outsider.session), [outsider.user.id]);
      assert.deepEqual((await ids(outsider.session, `&ids=${mate.user.id}`)).sort(), [outsider.user.id, mate.user.id].sort());
      assert.ok((await ids(admin)).includes(outsider.user.id));
    });

    test('public settings are readable by everyone; admin settings are not', async () => {
      const { session } = await t.as(['sales']);
      const r = await t.req(session, 'GET', '/api/v1/settings/public');
      assert.equal(r.statusCode, 200);
      assert.deepEqual(r.json()['customer.approvalFields'], ['creditLimit', 'taxId', 'invoice']);
      assert.equal((await t.req(session, 'GET', '/api/v1/admin/settings')).statusCode, 403);
    });
  });
}
