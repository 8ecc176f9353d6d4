// `npm start` runs this first: build the web app when it is missing or older than its sources,
// so a fresh clone needs only `npm ci && npm start`.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const index = path.join(root, 'build', 'index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sourcesTime = Math.max(newest(path.join(root, 'src')), statSync(path.join(root, 'svelte.config.js')).mtimeMs, statSync(path.join(root, 'vite.config.ts')).mtimeMs);
if (existsSync(index) && statSync(index).mtimeMs >= sourcesTime) process.exit(0);
console.log('Building the web app (first start or changed sources)...');
const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
