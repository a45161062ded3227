// How every zod schema in evalgate behaves; global and idempotent (zod/mini and classic zod, e.g. the CLI's config
// file schema, share this config).
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config({
  // zod/mini (chosen for tree-shaking: the extension bundles core) loads no locale, so every issue would read just
  // "Invalid input". The English locale makes a provider's unexpected response and a bad eval_config say what was
  // expected.
  ...en(),
  // zod generates and compiles a parser for each object schema on its first parse; evalgate parses a handful of
  // values per schema and run, so that compile costs more than it saves (the Action pays it before its first
  // request). The results are the same either way.
  jitless: true,
});
