// Writes evalgate.schema.json (committed, for editors) from the config file's zod schema. test/config-schema.test.ts
// fails when the committed file is out of date; run `npm run schema -w @evalgate/cli` to refresh it.
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = await build({
  absWorkingDir: root,
  stdin: { contents: "export { configJsonSchema } from './src/config/schema.ts';", resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const { configJsonSchema } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
await writeFile(new URL('../evalgate.schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
