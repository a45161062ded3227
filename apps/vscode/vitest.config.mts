import { defineConfig } from 'vitest/config';
import { versionDefine } from './scripts/version-define.mjs';

// Only the unit tests: the in-editor suite (test/integration) runs inside VS Code with mocha.
export default defineConfig({
  define: versionDefine,
  test: { include: ['test/unit/**/*.test.ts'], testTimeout: 20_000 },
});
