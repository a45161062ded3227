// zod/mini (chosen for tree-shaking: the extension bundles core) loads no locale, so every issue would read just
// "Invalid input". The English locale makes a provider's unexpected response and a bad eval_config say what was
// expected. Global and idempotent: classic zod (the Action's inputs) configures the same one.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());
