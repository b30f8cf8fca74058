import { writeFileSync } from 'node:fs';
import { deflateRawSync, crc32 } from 'node:zlib';
import type * as XL from 'exceljs';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { customerImportColumns } from '../../src/contracts/customers.ts';

export type Row = Partial<Record<(typeof customerImportColumns)[number]['key'], string | number | XL.CellFormulaValue>>;

/** A customer import workbook with the template's zh-CN headers. */
export async function customerWorkbook(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(customerImportColumns.map((c) => c.zh));
  for (const r of rows) ws.addRow(customerImportColumns.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Streams a large workbook to disk without holding it in memory (benchmarks): a header of the columns' zh-CN labels, then `count` rows. */
export async function writeWorkbook<K extends string>(path: string, sheet: string, columns: readonly { key: K; zh: string }[], count: number, row: (i: number) => Partial<Record<K, unknown>>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet);
  ws.addRow(columns.map((c) => c.zh)).commit();
  for (let i = 0; i < count; i++) {
    const r = row(i);
    ws.addRow(columns.map((c) => r[c.key] ?? null)).commit();
  }
  ws.commit();
  await wb.commit();
}

/** A large customer import workbook, streamed to disk. */
export const writeCustomerWorkbook = (path: string, count: number, row: (i: number) => Row) => writeWorkbook(path, '客户', customerImportColumns, count, row);

/** A minimal zip with one deflated entry: `size` bytes of zeros (a compression bomb). */
export function zipBomb(size: number): Buffer {
  const data = Buffer.alloc(size);
  const comp = deflateRawSync(data, { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(comp.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(comp.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + comp.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, comp, central, name, eocd]);
}

export function save(path: string, buf: Buffer) {
  writeFileSync(path, buf);
}
