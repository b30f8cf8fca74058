import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { createRequire } from 'node:module';
import { readSheet } from '../../src/server/platform/xlsx.ts';
import { zipEntries, zipEntryStream } from '../../src/server/platform/zip.ts';
import { zipBomb } from '../helpers/xlsx.ts';

const dir = mkdtempSync(join(tmpdir(), 'gendan-xlsx-'));
const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip');

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading workbooks', () => {
  test('a workbook whose xl/workbook.xml comes last reads whole every time, 200 reads 10 at a time', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['名称', '电话']);
    for (let i = 1; i <= 50; i++) ws.addRow([`江苏客户${i}`, `1380000${String(i).padStart(4, '0')}`]);
    const path = join(dir, 'order.xlsx');
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const names = (await zipEntries(path)).entries.map((e) => e.name);
    assert.equal(names.at(-1), 'xl/workbook.xml', 'exceljs writes the workbook part last — the case that used to lose it');
    const readOnce = async () => {
      let header: unknown[] = [];
      const rows: unknown[][] = [];
      await readSheet(path, (h) => (header = h), (_n, cells) => void rows.push(cells));
      return { header, rows: rows.length, last: rows.at(-1) };
    };
    for (let round = 0; round < 20; round++) {
      for (const r of await Promise.all(Array.from({ length: 10 }, readOnce))) {
        assert.deepEqual(r, { header: ['名称', '电话'], rows: 50, last: ['江苏客户50', '13800000050'] });
      }
    }
  });

  test('an entry that inflates beyond the limit is cut off, whatever size the directory claims', async () => {
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(path, zipBomb(8 * 1024 * 1024));
    const [entry] = (await zipEntries(path)).entries;
    const stream = await zipEntryStream(path, { ...entry!, size: 100 }, 1024 * 1024);
    await assert.rejects(async () => {
      for await (const _ of stream);
    }, (err: { details?: { reason?: string } }) => err.details?.reason === 'zip_bomb');
  });

  test('an XML external entity is never resolved: the file is refused or the cell stays without the file content', async () => {
    const zip = await JSZip.loadAsync(await workbook([['名称'], ['占位']]));
    const strings: string = await zip.file('xl/sharedStrings.xml').async('string');
    const hostile = strings
      .replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
      .replace('占位', '&xxe;');
    assert.notEqual(hostile, strings);
    zip.file('xl/sharedStrings.xml', hostile);
    const path = join(dir, 'xxe.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const cells: unknown[] = [];
    try {
      await readSheet(path, () => {}, (_n, c) => void cells.push(...c));
    } catch (err) {
      assert.equal((err as { code?: string }).code, 'IMPORT_FILE_INVALID');
    }
    assert.ok(!JSON.stringify(cells).includes('root:'), `file content leaked: ${JSON.stringify(cells)}`);
  });

  test('more rows than the limit → IMPORT_FILE_INVALID too_many_rows, before anything is handed on past the limit', async () => {
    const path = join(dir, 'many.xlsx');
    writeFileSync(path, await workbook([['名称'], ...Array.from({ length: 30 }, (_, i) => [`客户${i}`])]));
    let seen = 0;
    await assert.rejects(
      readSheet(path, () => {}, () => void (seen += 1), { maxRows: 20 }),
      (err: { code?: string; details?: { reason?: string; limit?: number } }) => err.code === 'IMPORT_FILE_INVALID' && err.details?.reason === 'too_many_rows' && err.details.limit === 20,
    );
    assert.equal(seen, 20);
    let all = 0;
    await readSheet(path, () => {}, () => void (all += 1), { maxRows: 30 });
    assert.equal(all, 30, 'exactly the limit is fine');
  });
});
