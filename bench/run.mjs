// npm run bench: runs every suite, prints figure | evalgate | reference | unit, and writes bench/results.json.
// `npm run bench -- action-bundle` runs the named suites only and updates their rows in results.json, keeping each
// replaced figure under `previous` (the full run takes minutes, one suite well under one).
import { readFile, rename, writeFile } from 'node:fs/promises';
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
  ['action-bundle', runActionBundleBenchmarks],
  ['action-overhead', runActionOverheadBenchmarks],
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !SUITES.some(([known]) => known === name));
if (unknown.length > 0) {
  process.stderr.write(`Unknown suite ${unknown.join(', ')}. Fix: name some of ${SUITES.map(([name]) => name).join(', ')}, or none for all.\n`);
  process.exit(2);
}
const selected = only.length > 0 ? SUITES.filter(([name]) => only.includes(name)) : SUITES;

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

const started = Date.now();
const rows = [];
const notes = [];
const failures = [];
for (const [name, suite] of selected) {
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

const now = new Date().toISOString();
const machine = { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown' };
const measured = rows.map((row) => ({ ...row, evalgate: round(row.evalgate, 3), reference: round(row.reference, 3) }));
const target = new URL('results.json', import.meta.url);
const results = only.length > 0 ? await withRowsReplaced(target, measured) : { generatedAt: now, machine, rows: measured, notes, failedSuites: failures };
const temporary = new URL('results.json.tmp', import.meta.url);
await writeFile(temporary, `${JSON.stringify(results, null, 2)}\n`);
await rename(temporary, target);

if (failures.length > 0) {
  log(`failed suites: ${failures.join(', ')}`);
  process.exitCode = 1;
}

/** The last results with the rows just measured put in place of theirs (the old figures kept under `previous`). */
async function withRowsReplaced(file, fresh) {
  const last = JSON.parse(await readFile(file, 'utf8'));
  const byId = new Map(fresh.map((row) => [row.id, row]));
  const replaced = (old) => {
    const row = byId.get(old.id);
    if (!row) return old;
    byId.delete(old.id);
    const previous = { evalgate: old.evalgate, reference: old.reference, measuredAt: old.measuredAt ?? last.generatedAt };
    return { ...row, previous, measuredAt: now, machine };
  };
  return {
    ...last,
    rows: [...last.rows.map(replaced), ...[...byId.values()].map((row) => ({ ...row, measuredAt: now, machine }))],
    notes: [...last.notes.filter((note) => !notes.some((fresh) => sameNote(note, fresh))), ...notes],
    failedSuites: [...new Set([...(last.failedSuites ?? []), ...failures])],
  };
}

/** Notes match when they start alike: a suite's note keeps its opening words from run to run, its figures change. */
function sameNote(a, b) {
  return a.slice(0, 40) === b.slice(0, 40);
}
