/**
 * Customer import (rows per file streamed) and duplicate-check latency at the resulting customer
 * count. `sharedStrings` writes the text the way Excel itself does (a shared-string table the
 * reader must hold) instead of inline strings.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerImportColumns } from '../src/contracts/customers.ts';
import ExcelJS from '../src/server/platform/exceljs.ts';
import { writeCustomerWorkbook, type Row } from '../test/helpers/xlsx.ts';

async function writeSharedStringWorkbook(path: string, count: number, row: (i: number) => Row): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('客户');
  ws.addRow(customerImportColumns.map((c) => c.zh)).commit();
  for (let i = 0; i < count; i++) ws.addRow(customerImportColumns.map((c) => row(i)[c.key] ?? null)).commit();
  ws.commit();
  await wb.commit();
}

export async function customersBench(opts: { rowsPerFile: number; files: number; sharedStrings?: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), 'gendan-bench-cust-'));
  try {
    const files: string[] = [];
    for (let f = 0; f < opts.files; f++) {
      const path = join(dir, `customers-${f}.xlsx`);
      await (opts.sharedStrings ? writeSharedStringWorkbook : writeCustomerWorkbook)(path, opts.rowsPerFile, (i) => {
        const n = f * opts.rowsPerFile + i;
        return {
          name: `基准客户${n}有限公司`,
          tier: 'C',
          contactName: '张三',
          contactPhone: `139${String(n).padStart(8, '0')}`,
          province: '江苏省',
          city: '苏州市',
          district: '吴中区',
          detail: `东吴北路 ${n} 号`,
          recipient: '李四',
          recipientPhone: '0512-66668888',
        };
      });
      files.push(path);
    }
    const r = spawnSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', 'bench/customers-child.ts', `sqlite:${join(dir, 'b.db')}`, ...files], { encoding: 'utf8', maxBuffer: 10 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').pop()!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
