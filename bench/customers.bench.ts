/** Customer import (50,000 rows per file, streamed) and duplicate-check latency at 100,000 customers. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCustomerWorkbook } from '../test/helpers/xlsx.ts';

export async function customersBench(opts: { rowsPerFile: number; files: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'gendan-bench-cust-'));
  try {
    const files: string[] = [];
    for (let f = 0; f < opts.files; f++) {
      const path = join(dir, `customers-${f}.xlsx`);
      await writeCustomerWorkbook(path, opts.rowsPerFile, (i) => {
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
