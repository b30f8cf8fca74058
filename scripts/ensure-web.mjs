#!/usr/bin/env node
// Builds the web app when dist/web is missing or older than its sources, so `npm start`
// works on a fresh clone without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const out = 'dist/web/index.html';
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const sources = ['src/web', 'src/contracts'];
if (!existsSync(out) || statSync(out).mtimeMs < Math.max(...sources.map(newest))) {
  console.log('Building the web app (first start or changed sources)…');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
