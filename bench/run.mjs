// npm run bench: runs every suite, prints figure | evalgate | reference | unit, and writes bench/results.json.
import { rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { renderTable } from './lib/table.mjs';
import { round } from './lib/stats.mjs';
import { runCoreBenchmarks } from './suites/core.mjs';
import { runExtensionBenchmarks } from './suites/extension.mjs';
import { runActionBundleBenchmarks } from './suites/action-bundle.mjs';
import { runActionOverheadBenchmarks } from './suites/action-overhead.mjs';

const SUITES = [
  ['core', runCoreBenchmarks],
  ['extension', runExtensionBenchmarks],
  ['action bundle', runActionBundleBenchmarks],
  ['action overhead', runActionOverheadBenchmarks],
];

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

const started = Date.now();
const rows = [];
const notes = [];
const failures = [];
for (const [name, suite] of SUITES) {
  try {
    const result = await suite(log);
    rows.push(...(Array.isArray(result) ? result : result.rows));
    if (!Array.isArray(result) && result.notes) notes.push(...result.notes);
  } catch (error) {
    failures.push(name);
    log(`suite ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

const table = renderTable(rows);
process.stdout.write(`\n${table}\n`);
if (notes.length > 0) process.stdout.write(`\n${notes.map((note) => `- ${note}`).join('\n')}\n`);
process.stdout.write(`\nMethods: bench/README.md. Took ${Math.round((Date.now() - started) / 1000)} s.\n`);

const results = {
  generatedAt: new Date().toISOString(),
  machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown' },
  rows: rows.map((row) => ({ ...row, evalgate: round(row.evalgate, 3), reference: round(row.reference, 3) })),
  notes,
  failedSuites: failures,
};
const target = new URL('results.json', import.meta.url);
const temporary = new URL('results.json.tmp', import.meta.url);
await writeFile(temporary, `${JSON.stringify(results, null, 2)}\n`);
await rename(temporary, target);

if (failures.length > 0) {
  log(`failed suites: ${failures.join(', ')}`);
  process.exitCode = 1;
}
