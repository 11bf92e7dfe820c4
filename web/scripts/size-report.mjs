// Prints the gzip size of the JS and CSS the participant page loads, and fails over budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 80 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(dist).filter((f) => ['.js', '.css'].includes(extname(f)));
let total = 0;
for (const f of files) {
  const gz = gzipSync(readFileSync(f), { level: 9 }).length;
  total += gz;
  console.log(`  ${f.slice(dist.length).padEnd(40)} ${(gz / 1024).toFixed(1).padStart(7)} KiB gzip`);
}
const verdict = total <= BUDGET ? 'within' : 'OVER';
console.log(`JS+CSS total: ${(total / 1024).toFixed(1)} KiB gzip (${verdict} the ${BUDGET / 1024} KiB budget)`);
if (total > BUDGET) process.exit(1);
