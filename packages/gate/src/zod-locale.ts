// zod/mini loads no locale, so an issue would read just "Invalid input"; eval-config's problems quote zod's messages
// ("expected boolean, received string"). Global and idempotent: core's zod-config sets the same locale.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());
