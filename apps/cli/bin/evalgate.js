#!/usr/bin/env node
// A committed launcher for the built CLI: npm links a workspace's bin when it installs, before `npm run build` has
// made dist/, and skips a bin whose file does not exist yet.
const cli = new URL('../dist/evalgate.js', import.meta.url);
try {
  await import(cli.href);
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/evalgate.js')) {
    console.error('evalgate is not built yet: run `npm run build` at the repository root first.');
    process.exit(2);
  }
  throw error;
}
