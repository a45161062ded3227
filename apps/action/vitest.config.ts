import { defineConfig } from 'vitest/config';
import { versionDefine } from './scripts/version-define.mjs';

export default defineConfig({
  define: versionDefine,
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
