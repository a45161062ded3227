import { constants } from 'node:fs';
import { lstat, mkdir, open, readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Files } from '../ports.js';

/**
 * Reads relative to the working directory (the runner sets it to the workspace); writes only inside `workspace`.
 * A write path that leaves the workspace (`..`, an absolute path elsewhere) or passes through a symbolic link on
 * any component is refused: a checked-out PR could plant a link that points at the runner's files.
 */
export function workspaceFiles(workspace: string): Files {
  return {
    read: (path) => readFile(path, 'utf8'),
    write: async (path, content) => {
      const root = await realpath(workspace);
      const target = resolve(root, path);
      const inside = relative(root, target);
      if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
        throw new Error(`${path} is outside the workspace (${workspace}); use a path inside GITHUB_WORKSPACE, e.g. .github/badges/evalgate.svg`);
      }
      const parts = inside.split(sep);
      let current = root;
      for (const part of parts.slice(0, -1)) {
        current = join(current, part);
        const stat = await lstat(current).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw error;
        });
        if (stat === undefined) await mkdir(current);
        else if (stat.isSymbolicLink()) throw new Error(`${path} goes through a symbolic link (${relative(root, current)}); refusing to write through it`);
        else if (!stat.isDirectory()) throw new Error(`${path}: ${relative(root, current)} is not a folder`);
      }
      // O_NOFOLLOW: a link planted as the file itself fails (ELOOP) instead of being written through.
      const handle = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ELOOP') throw new Error(`${path} is a symbolic link; refusing to write through it`);
          throw error;
        },
      );
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
    },
  };
}
