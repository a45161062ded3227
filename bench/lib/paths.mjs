// Where things are, relative to this file, so the bench runs from any clone.
import { fileURLToPath } from 'node:url';

export const benchDir = fileURLToPath(new URL('../', import.meta.url));
export const fromRoot = (relative) => fileURLToPath(new URL(relative, new URL('../../', import.meta.url)));
