import { defineConfig } from 'vitest/config';

// Only the unit tests: the in-editor suite (test/integration) runs inside VS Code with mocha.
export default defineConfig({
  test: { include: ['test/unit/**/*.test.ts'], testTimeout: 20_000 },
});
