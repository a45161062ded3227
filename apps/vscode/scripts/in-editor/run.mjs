#!/usr/bin/env node
// The extension's in-editor tests in a real VS Code on a machine without Microsoft's download server:
// code-server's VS Code + headless Chromium (see .ci/setup-vscode-offline.sh).
//   1. the mocha suite (out/test/integration) in the extension host, against a seeded emulator;
//   2. a UI pass with Playwright: activity bar → rows → context menus → sidebar.png;
//   3. the packaged evalgate.vsix installed into a fresh extensions dir → vsix-sidebar.png.
// It builds nothing: `turbo run build` and `npm run test:integration:build` come first.
// Usage: node scripts/in-editor/run.mjs [--extension-path DIR] [--vsix FILE] [--skip-vsix]
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureSetup, installVsix, startCodeServer } from './code-server.mjs';
import { startSeededEmulator, writeTestWorkspace } from './emulator.mjs';
import { killAllGroupsNow, stopAllGroups } from './process-groups.mjs';
import { tailFile } from './tail-file.mjs';
import { checkCompare, checkDetails } from './details-checks.mjs';
import { checkSidebar, checkVsixSidebar } from './ui-checks.mjs';
import { launchBrowser, openWorkbench, runSuiteInPage } from './workbench.mjs';

const HARD_TIMEOUT_MS = 6 * 60 * 1000;
const SUITE_TIMEOUT_MS = 3 * 60 * 1000;
const SETUP_TIMEOUT_MS = 15 * 60 * 1000;

const appRoot = fileURLToPath(new URL('../../', import.meta.url));
const { values: options } = parseArgs({
  options: {
    'extension-path': { type: 'string', default: appRoot },
    vsix: { type: 'string', default: join(appRoot, 'evalgate.vsix') },
    'skip-vsix': { type: 'boolean', default: false },
  },
});
const extensionPath = resolve(options['extension-path']);
const vsixPath = resolve(options.vsix);
const testsPath = join(appRoot, 'out', 'test', 'integration', 'index.js');
const outputDir = join(appRoot, 'test-output');

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (message) => console.log(`[in-editor ${elapsed()}] ${message}`);
let phase = 'starting';
const failures = [];

// Everything that must be undone, newest first; groups are also killed on any exit.
const cleanups = [];
let cleaningUp;
function cleanup() {
  cleaningUp ??= (async () => {
    for (const undo of cleanups.reverse()) await undo().catch((error) => log(`cleanup: ${error.message}`));
    await stopAllGroups();
  })();
  return cleaningUp;
}
process.on('exit', killAllGroupsNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    log(`${signal} during ${phase}: stopping everything`);
    void cleanup().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
  });
}
// The one-off setup (about 5 minutes on a fresh machine) gets its own budget; the tests get theirs after it.
let hardTimeout;
function armHardTimeout(ms) {
  clearTimeout(hardTimeout);
  hardTimeout = setTimeout(() => {
    log(`FAILED: hard timeout of ${ms / 1000} s reached during ${phase}; stopping everything`);
    void cleanup().finally(() => process.exit(1));
  }, ms);
}
armHardTimeout(SETUP_TIMEOUT_MS);

/** On failure, what every open page showed: test-output/failure-<n>.png. */
async function screenshotOpenPages() {
  const pages = browserContext?.pages() ?? [];
  for (const [index, page] of pages.entries()) {
    const file = join(outputDir, `failure-${index + 1}.png`);
    await page
      .screenshot({ path: file, timeout: 10_000 })
      .then(() => log(`failure screenshot: ${file}`))
      .catch(() => {});
  }
}
let browserContext;

function requireBuilt(file, how) {
  if (!existsSync(file)) throw new Error(`${file} is missing: ${how}`);
}

async function main() {
  phase = 'setup';
  const tools = await ensureSetup(log);
  armHardTimeout(HARD_TIMEOUT_MS);
  requireBuilt(join(extensionPath, 'package.json'), 'pass --extension-path <extension folder>');
  requireBuilt(testsPath, 'run `npm run test:integration:build -w evalgate-vscode` first');
  mkdirSync(outputDir, { recursive: true });
  // Screenshots of an earlier run would pass for this one's.
  for (const file of readdirSync(outputDir)) if (file.endsWith('.png')) rmSync(join(outputDir, file));

  const scratch = mkdtempSync(join(tmpdir(), 'evalgate-in-editor-'));
  cleanups.push(async () => rmSync(scratch, { recursive: true, force: true }));

  phase = 'emulator';
  const { emu, url: emulatorUrl } = await startSeededEmulator();
  cleanups.push(() => emu.close());
  log(`emulator at ${emulatorUrl}`);
  const workspace = writeTestWorkspace(join(scratch, 'workspace'), emulatorUrl);

  phase = 'code-server (extension under development)';
  const mochaLog = join(scratch, 'mocha-report.log');
  const dev = await startCodeServer({ tools, scratch, name: 'dev', workspace, extraEnv: { EVALGATE_MOCHA_LOG: mochaLog }, log });
  cleanups.push(() => dev.stop());
  const browser = await launchBrowser(tools.CHROMIUM_BIN, join(scratch, 'chromium'));
  browserContext = browser;
  cleanups.push(() => browser.close());

  phase = 'mocha suite';
  const suiteStarted = Date.now();
  const report = tailFile(mochaLog, (line) => console.log(`  | ${line}`));
  const exitCode = await runSuiteInPage({
    context: browser,
    serverUrl: dev.url,
    workspace,
    extensionPath,
    testsPath,
    print: (line) => console.log(`  [page] ${line}`),
    timeoutMs: SUITE_TIMEOUT_MS,
  }).finally(() => report.stop());
  log(`mocha suite exited with ${exitCode} after ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s`);
  if (exitCode !== 0) failures.push(`mocha suite exit code ${exitCode}`);
  if (process.env.EVALGATE_IN_EDITOR_DEBUG) log(`code-server output:\n${dev.output()}`);

  phase = 'UI pass (extension under development)';
  const page = await openWorkbench({ context: browser, serverUrl: dev.url, workspace, extensionPath });
  failures.push(...(await checkSidebar({ page, emulatorUrl, screenshot: join(outputDir, 'sidebar.png'), log })));
  failures.push(...(await checkDetails({ page, emulatorUrl, screenshot: join(outputDir, 'details.png'), log })));
  failures.push(...(await checkCompare({ page, emulatorUrl, screenshot: join(outputDir, 'compare.png'), log })));
  await page.close();
  await dev.stop();

  if (options['skip-vsix']) {
    log('skipping the .vsix pass (--skip-vsix)');
    return;
  }
  phase = 'UI pass (installed .vsix)';
  requireBuilt(vsixPath, 'run `npm run package -w evalgate-vscode` first');
  const extensionsDir = join(scratch, 'vsix-extensions');
  log(await installVsix({ tools, scratch, vsix: vsixPath, extensionsDir }));
  const installed = await startCodeServer({ tools, scratch, name: 'vsix', workspace, extensionsDir, log });
  cleanups.push(() => installed.stop());
  const vsixPage = await openWorkbench({ context: browser, serverUrl: installed.url, workspace });
  failures.push(...(await checkVsixSidebar({ page: vsixPage, emulatorUrl, screenshot: join(outputDir, 'vsix-sidebar.png'), log })));
}

let exitStatus = 0;
try {
  await main();
} catch (error) {
  failures.push(`${phase}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await screenshotOpenPages();
} finally {
  phase = 'cleanup';
  await cleanup();
  clearTimeout(hardTimeout);
}
if (failures.length > 0) {
  exitStatus = 1;
  log(`FAILED (${failures.length}):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
} else {
  log('in-editor tests passed');
}
process.exit(exitStatus);
