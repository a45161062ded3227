// The environments setting: Prime hub environment ids, each `id` or `id@version`.
import * as z from 'zod/mini';
import { echo, reject, splitList } from '../../settings/fields.js';
import type { EnvironmentRef } from './types.js';

const ENVIRONMENT_ID = /^[A-Za-z0-9][A-Za-z0-9._/:-]*$/;
const ENVIRONMENT_VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/** `id` or `id@version`, comma separated. */
export const environmentList = z.pipe(
  z.string(),
  z.transform((raw, payload): EnvironmentRef[] => {
    const refs: EnvironmentRef[] = [];
    for (const item of splitList(raw)) {
      const at = item.lastIndexOf('@');
      const id = at === -1 ? item : item.slice(0, at);
      const versionId = at === -1 ? undefined : item.slice(at + 1);
      if (!ENVIRONMENT_ID.test(id) || (versionId !== undefined && !ENVIRONMENT_VERSION.test(versionId))) {
        return reject(payload, `must be a comma-separated list of environment ids, each "id" or "id@version" (bad item ${echo(item)})`);
      }
      refs.push(versionId === undefined ? { id } : { id, versionId });
    }
    return refs;
  }),
);
