import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Order } from '../orders/api.ts';
import type { Shipment } from './api.ts';
import { dispatchChecks, lineStates, sameAddress } from './dispatch-rules.ts';

const address = { province: '江苏省', city: '苏州市', district: '苏州工业园区', detail: '星湖街 328 号', recipient: '陆建国', phone: '13862151903', label: null };
const line = (id: string, qty: number, reservedQty: number) => ({ id, qty, reservedQty, sku: id, name: id, unit: '台' }) as unknown as Order['lines'][number];
const order = (lines: Order['lines'], status: Order['status'] = 'confirmed') => ({ id: 'o1', status, shipToAddress: address, lines }) as unknown as Order;
const shipment = (status: Shipment['status'], lines: [string, number][]) => ({ status, lines: lines.map(([orderLineId, qty]) => ({ orderLineId, qty })) }) as unknown as Shipment;
const states = (s: Parameters<typeof dispatchChecks>[0], o: Order, input: Parameters<typeof dispatchChecks>[2] = {}) => Object.fromEntries(dispatchChecks(s, o, input).map((c) => [c.code, c.state]));

describe('new shipment: open quantities per order line', () => {
  test('shipped counts dispatched shipments only; the proposal is the reserved remainder less other drafts', () => {
    const o = order([line('a', 10, 6), line('b', 5, 5)]);
    const [a, b] = lineStates(o, [shipment('dispatched', [['a', 4]]), shipment('cancelled', [['a', 3]]), shipment('draft', [['b', 2]])]);
    assert.deepEqual([a.shipped, a.drafted, a.remaining, a.suggested], [4, 0, 6, 6]);
    assert.deepEqual([b.shipped, b.drafted, b.remaining, b.suggested], [0, 2, 5, 3]);
  });

  test('never proposes more than is reserved, nor below zero; decimals stay exact', () => {
    const [a, b] = lineStates(order([line('a', 10, 2), line('b', 2.5, 0.1)]), [shipment('delivered', [['b', 0.2]]), shipment('draft', [['a', 3]])]);
    assert.equal(a.suggested, 0, 'drafts already hold more than is reserved');
    assert.equal(b.remaining, 2.3);
    assert.equal(b.suggested, 0.1);
  });
});

describe('dispatch checks as the server makes them', () => {
  const o = order([line('a', 10, 4)]);
  test('a complete, real, unchanged address and quantities within the reservation pass; the tracking number waits for input', () => {
    assert.deepEqual(states({ shipToAddress: address, lines: [{ orderLineId: 'a', qty: 4, sku: 'a', unit: '台' }] as Shipment['lines'] }, o), { address: 'ok', division: 'ok', phone: 'ok', orderState: 'ok', reserved: 'ok', tracking: 'pending' });
  });

  test('a district not in the city, a bad phone, more than reserved and an order on hold block', () => {
    const s = { shipToAddress: { ...address, district: '南山区', phone: '12345' }, lines: [{ orderLineId: 'a', qty: 5, sku: 'a', unit: '台' }] as Shipment['lines'] };
    const r = states(s, order(o.lines, 'on_hold'));
    assert.equal(r.division, 'block');
    assert.equal(r.phone, 'block');
    assert.equal(r.reserved, 'block');
    assert.equal(r.orderState, 'block');
    assert.equal(r.addressChanged, 'reason', 'a changed address asks for a reason');
    assert.equal(states(s, o, { reason: '客户改址' }).addressChanged, 'ok');
  });

  test("tracking numbers are checked against the carrier's pattern from contracts", () => {
    const s = { shipToAddress: address, lines: [] as Shipment['lines'] };
    assert.equal(states(s, o, { carrier: 'sf', trackingNumber: 'SF12345' }).tracking, 'block');
    assert.equal(states(s, o, { carrier: 'sf', trackingNumber: 'SF100000000001' }).tracking, 'ok');
    assert.equal(states(s, o, { carrier: 'manual', trackingNumber: 'ABC-12345' }).tracking, 'ok');
  });

  test('once packing started, every line must be packed exactly', () => {
    const lines = [{ orderLineId: 'a', qty: 4, sku: 'a', unit: '台' }] as Shipment['lines'];
    const pkg = (qty: number) => [{ no: 1, weightKg: 3, lengthCm: null, widthCm: null, heightCm: null, lines: [{ orderLineId: 'a', qty }] }];
    assert.equal(states({ shipToAddress: address, lines, packages: pkg(3) }, o).packing, 'block');
    assert.equal(states({ shipToAddress: address, lines, packages: pkg(4) }, o).packing, 'ok');
    assert.equal(states({ shipToAddress: address, lines, packages: [] }, o).packing, undefined, 'no packing, no check');
  });

  test('same address means every part equal, the label aside', () => {
    assert.ok(sameAddress(address, { ...address, label: '总部' }));
    assert.ok(!sameAddress(address, { ...address, detail: '星湖街 329 号' }));
    assert.ok(!sameAddress(address, null));
  });
});
