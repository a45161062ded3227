// One cold activation in a fresh process: require(bundle) + activate(context), with `vscode` served by a fake.
// Prints {"requireMs","activateMs"} as JSON. Usage: node activate-extension.cjs <bundle.js>
'use strict';
const Module = require('node:module');
const path = require('node:path');
const { createFakeVscode, fakeExtensionContext } = require('../lib/fake-vscode.cjs');

const bundle = path.resolve(process.argv[2]);
const fake = createFakeVscode({
  'evalgate.connections': [{ provider: 'prime', baseUrl: 'http://127.0.0.1:9' }],
  'evalgate.pollIntervalSeconds': 5,
  'evalgate.notifyOnFinish': true,
});
const originalLoad = Module._load;
Module._load = function load(request, ...rest) {
  if (request === 'vscode') return fake;
  return originalLoad.call(this, request, ...rest);
};

const start = process.hrtime.bigint();
const extension = require(bundle);
const loaded = process.hrtime.bigint();
const context = fakeExtensionContext();
const api = extension.activate(context);
const activated = process.hrtime.bigint();
for (const item of context.subscriptions) item?.dispose?.();
process.stdout.write(
  JSON.stringify({
    requireMs: Number(loaded - start) / 1e6,
    activateMs: Number(activated - loaded) / 1e6,
    returnedApi: api !== undefined && api !== null,
  }),
);
process.exit(0);
