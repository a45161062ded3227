// Stands in for zod's locale index in the extension bundle (see build.mjs): English only.
export { default as en } from 'zod/v4/locales/en.js';
