// The extension's activation as VS Code itself measures it, in a real VS Code (code-server + headless Chromium):
// an installed .vsix, a fresh window per run, the activation triggered the way a user triggers it, and the time read
// from "Developer: Show Running Extensions". Used by `npm run bench` (bench/suites/extension.mjs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSetup, installVsix, startCodeServer } from './code-server.mjs';
import { startSeededEmulator, writeTestWorkspace } from './emulator.mjs';
import { launchBrowser, openViewContainer, openWorkbench, reportedActivationMs, runFromPalette } from './workbench.mjs';

/**
 * Installs each `.vsix` into its own extensions folder and, `runs` times, opens a fresh window (a new extension host),
 * triggers the extension (`trigger(page)`) and reads the activation time VS Code reports. Returns the samples (ms) per
 * extension name.
 */
export async function measureEditorActivation({ extensions, runs, log = () => {} }) {
  const tools = await ensureSetup(log);
  const scratch = mkdtempSync(join(tmpdir(), 'evalgate-activation-'));
  const stops = [];
  try {
    const { emu, url } = await startSeededEmulator();
    stops.push(() => emu.close());
    const workspace = writeTestWorkspace(join(scratch, 'workspace'), url);
    const browser = await launchBrowser(tools.CHROMIUM_BIN, join(scratch, 'chromium'));
    stops.push(() => browser.close());
    const samples = {};
    for (const { name, vsix, extensionId, displayName, trigger } of extensions) {
      const extensionsDir = join(scratch, `${name}-extensions`);
      await installVsix({ tools, scratch, vsix, extensionsDir });
      const server = await startCodeServer({ tools, scratch, name, workspace, extensionsDir, log });
      try {
        samples[name] = [];
        for (let run = 0; run < runs; run++) {
          const page = await openWorkbench({ context: browser, serverUrl: server.url, workspace });
          try {
            await withRetries(page, `${name}, window ${run + 1}: activating`, () => trigger(page));
            samples[name].push(
              await withRetries(page, `${name}, window ${run + 1}: reading the activation time`, () =>
                reportedActivationMs(page, { extensionId, displayName }),
              ),
            );
          } finally {
            await page.close();
          }
        }
      } finally {
        await server.stop();
      }
    }
    return samples;
  } finally {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * A gesture again after a failure: a still-loading workbench can move the focus and close the command palette under
 * the test (as the in-editor UI pass also sees). Escape first, three attempts, the error names what failed.
 */
async function withRetries(page, what, gesture) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await gesture();
    } catch (error) {
      if (attempt === 3) throw new Error(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      await page.keyboard.press('Escape');
    }
  }
}

/** evalgate activates when its view opens: clicking the Evaluations activity-bar entry, as a user does. */
export const openEvaluationsView = (page) => openViewContainer(page, 'Evaluations');

/** Runs a palette command of the extension (the Hello World reference activates on its command). */
export const runPaletteCommand = (title) => (page) => runFromPalette(page, title);
