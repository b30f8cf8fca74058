import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BomCycleError, explode, type BomEdge } from './bom-explosion.ts';

// A (machine) = 2 B (sub-assembly) + 1.5 m cable C (10 % scrap); B = 3 D (5 % scrap) + 0.25 m C.
const edges = new Map<string, BomEdge[]>([
  ['A', [{ componentId: 'B', qtyPer: 2_000, scrapBp: 0 }, { componentId: 'C', qtyPer: 1_500, scrapBp: 1000 }]],
  ['B', [{ componentId: 'D', qtyPer: 3_000, scrapBp: 500 }, { componentId: 'C', qtyPer: 250, scrapBp: 0 }]],
]);
const decimals = (id: string) => (id === 'C' ? 1 : 0);
const byId = (rs: ReturnType<typeof explode>) => Object.fromEntries(rs.map((r) => [r.productId, r]));

test('two levels with scrap: a component used on both levels is summed, then rounded once', () => {
  const r = byId(explode('A', 10_000, edges, decimals));
  assert.deepEqual(r.B, { productId: 'B', level: 1, levels: [1], required: 20_000, hasBom: true });
  // 20 B × 3 × 1.05 = 63 D
  assert.deepEqual(r.D, { productId: 'D', level: 2, levels: [2], required: 63_000, hasBom: false });
  // 10 × 1.5 × 1.1 = 16.5 m directly + 20 B × 0.25 = 5 m through B
  assert.deepEqual(r.C, { productId: 'C', level: 2, levels: [1, 2], required: 21_500, hasBom: false });
});

test('rounding up to the unit: pieces to whole units, metres to one decimal', () => {
  const r = byId(explode('A', 3_000, edges, decimals));
  assert.equal(r.B.required, 6_000);
  assert.equal(r.D.required, 19_000); // 6 × 3 × 1.05 = 18.9 → 19 pieces
  assert.equal(r.C.required, 6_500); // 3 × 1.5 × 1.1 = 4.95 + 6 × 0.25 = 1.5 → 6.45 → 6.5 m
});

test('a sub-assembly is made in whole units before its components are derived', () => {
  const e = new Map<string, BomEdge[]>([
    ['A', [{ componentId: 'B', qtyPer: 500, scrapBp: 0 }]],
    ['B', [{ componentId: 'D', qtyPer: 4_000, scrapBp: 0 }]],
  ]);
  const r = byId(explode('A', 1_000, e, () => 0));
  assert.equal(r.B.required, 1_000); // half a B rounds up to one
  assert.equal(r.D.required, 4_000);
});

test('no BOM: nothing to explode; a cycle is refused instead of looping', () => {
  assert.deepEqual(explode('X', 1_000, edges, decimals), []);
  const cyclic = new Map<string, BomEdge[]>([
    ['A', [{ componentId: 'B', qtyPer: 1_000, scrapBp: 0 }]],
    ['B', [{ componentId: 'C', qtyPer: 1_000, scrapBp: 0 }]],
    ['C', [{ componentId: 'B', qtyPer: 1_000, scrapBp: 0 }]],
  ]);
  assert.throws(() => explode('A', 1_000, cyclic, () => 0), BomCycleError);
});
