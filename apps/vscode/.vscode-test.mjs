// The in-editor suite under @vscode/test-cli (desktop VS Code, downloaded by @vscode/test-electron):
//   npm run test:integration:build && xvfb-run -a npx vscode-test --label integration
// used by .github/workflows/vscode.yml. Machines without Microsoft's download server run the same suite in
// code-server instead: npm run test:in-editor (scripts/in-editor/run.mjs).
//
// Loading this file starts the seeded emulator in the vscode-test process (the same helper run.mjs uses);
// vscode-test exits the process when the tests end, which stops the emulator with it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@vscode/test-cli';
import { startSeededEmulator, writeTestWorkspace } from './scripts/in-editor/emulator.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'evalgate-vscode-test-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const { url: emulatorUrl } = await startSeededEmulator();
const workspace = writeTestWorkspace(join(scratch, 'workspace'), emulatorUrl);
console.log(`evalgate emulator for the in-editor suite at ${emulatorUrl}`);

export default defineConfig({
  tests: [
    {
      label: 'integration',
      files: 'out/test/integration/suite/**/*.test.js',
      workspaceFolder: workspace,
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      mocha: { ui: 'tdd', timeout: 60_000, color: false },
      // Downloads are cached under the gitignored .cache/; profile and extensions are fresh every run,
      // so no API key stored by an earlier run leaks into this one.
      cachePath: join(repoRoot, '.cache', 'vscode-test'),
      launchArgs: [
        `--user-data-dir=${join(scratch, 'user-data')}`,
        `--extensions-dir=${join(scratch, 'extensions')}`,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    },
  ],
});
