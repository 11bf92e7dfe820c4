// SPDX-License-Identifier: EUPL-1.2
// Prints the gzip size of the JS and CSS the participant page loads, and fails over budget.
// The page loads the entry and what it imports statically (Vite's manifest says which); parts
// loaded on demand (accounts, groups and meetings) are listed apart and do not count.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// DESIGN.md: the participant page ≤ 64 KiB gzip (JS + CSS).
const BUDGET = 64 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error('dist/.vite/manifest.json is missing: vite.config.ts must set build.manifest');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

/** The files a chunk brings with it when loaded: itself, its CSS, and its static imports. */
function filesOf(key, seen = new Set()) {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  return [chunk.file, ...(chunk.css ?? []), ...(chunk.imports ?? []).flatMap((k) => filesOf(k, seen))];
}

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kib = (n) => `${(n / 1024).toFixed(1).padStart(7)} KiB gzip`;
const isAsset = (f) => f.endsWith('.js') || f.endsWith('.css');

const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
const page = [...new Set(entries.flatMap((k) => filesOf(k)))].filter(isAsset);
let total = 0;
console.log('participant page:');
for (const f of page) {
  const size = gz(f);
  total += size;
  console.log(`  ${f.padEnd(44)} ${kib(size)}`);
}
const lazy = [
  ...new Set(
    Object.keys(manifest)
      .filter((k) => manifest[k].isDynamicEntry)
      .flatMap((k) => filesOf(k)),
  ),
].filter((f) => isAsset(f) && !page.includes(f));
if (lazy.length) {
  console.log('loaded on demand (not in the budget):');
  for (const f of lazy) console.log(`  ${f.padEnd(44)} ${kib(gz(f))}`);
}
const verdict = total <= BUDGET ? 'within' : 'OVER';
console.log(`JS+CSS total: ${(total / 1024).toFixed(1)} KiB gzip (${verdict} the ${BUDGET / 1024} KiB budget)`);
if (total > BUDGET) process.exit(1);
