// The committed bundle holds only what its entries load: a chunk left over from an earlier build (a turbo cache
// restore does not delete files) would ship dead code and inflate the bundle-size figure of the bench.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../../dist');

/** Every file an entry reaches through static and dynamic relative imports. */
function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = entries.map((entry) => join(dist, entry));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      pending.push(join(dirname(file), match[1] ?? ''));
    }
  }
  return seen;
}

describe('the committed dist', () => {
  it('has no file that neither index.js nor post.js loads', () => {
    const loaded = reachable(['index.js', 'post.js']);
    const files = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
      .map((entry) => join(entry.parentPath, entry.name));
    const unused = files.filter((file) => !loaded.has(file)).map((file) => relative(dist, file));
    expect(unused, 'rebuild from scratch: npm run build -w @evalgate/action').toEqual([]);
    expect(loaded.size).toBeGreaterThan(2);
  });
});
