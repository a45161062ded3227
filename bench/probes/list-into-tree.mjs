// One measurement in a fresh process (run with --expose-gc): load every evaluation of a prime connection into
// the extension's store page by page and build its tree rows, or (reference) collect core list() into an array.
// Prints {"ms","heapDeltaBytes","items","rows","requests"}. Usage: node --expose-gc list-into-tree.mjs <logic.mjs> <baseUrl> <apiKey> store|plain
import { createClient } from '@evalgate/core';

const [logicPath, baseUrl, apiKey, mode] = process.argv.slice(2);
const { EvaluationStore, rootNodes, childNodes } = await import(logicPath);
if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');

let requests = 0;
const countingFetch = (input, init) => {
  requests++;
  return fetch(input, init);
};
// The extension's own client settings (src/vscode/session.ts).
const makeClient = (key) =>
  createClient({ provider: 'prime', baseUrl, apiKey: key, timeoutMs: 30_000, maxRetries: 2, userAgent: 'evalgate-vscode', fetch: countingFetch });

const settle = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};

let keep;
const heapBefore = settle();
const start = performance.now();
if (mode === 'store') {
  const connection = { id: 'bench', provider: 'prime', baseUrl };
  const store = new EvaluationStore({ createClient: (_connection, key) => makeClient(key) });
  store.setConnections([{ connection, apiKey }]);
  await store.ensureTopListsLoaded();
  // What clicking "Load more…" until the end does.
  while (store.evaluations({ connectionId: connection.id })?.nextCursor !== undefined) await store.loadMore({ connectionId: connection.id });
  const [root] = rootNodes(store, 'ready');
  const rows = childNodes(store, root, Date.now());
  keep = { store, rows };
  const items = store.evaluations({ connectionId: connection.id }).items.length;
  finish(items, rows.filter((row) => row.kind === 'evaluation').length);
} else {
  const client = makeClient(apiKey);
  const items = [];
  // 200 pages: past core's default cap of 100 pages per walk, which guards against providers that never end a list.
  for await (const evaluation of client.list({ pageSize: 50, maxPages: 200 })) items.push(evaluation);
  keep = items;
  finish(items.length, 0);
}

function finish(items, rows) {
  const ms = performance.now() - start;
  const heapDeltaBytes = settle() - heapBefore;
  process.stdout.write(JSON.stringify({ ms, heapDeltaBytes, items, rows, requests, kept: keep !== undefined }));
}
