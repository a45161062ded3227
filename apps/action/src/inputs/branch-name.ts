// A branch name the Action may write to (badge-branch), checked by git's own rules (git check-ref-format) so a typo
// fails at the start of the run, naming the input, rather than as a 422 after the evaluation.
import { reject } from '@evalgate/gate';
import * as z from 'zod/mini';

function branchProblem(name: string): string | undefined {
  if (name.length > 200) return 'is longer than 200 characters';
  const control = [...name].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f);
  if (control || /[~^:?*[\\]/.test(name)) return 'may not contain spaces, control characters or any of ~ ^ : ? * [ \\';
  if (name.includes('..') || name.includes('@{') || name === '@') return 'may not contain ".." or "@{" or be "@"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'may not start or end with "/" or contain "//"';
  if (name.startsWith('-')) return 'may not start with "-"';
  if (name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) return 'may not have a part that starts with "." or ends with ".lock"';
  if (name.endsWith('.')) return 'may not end with "."';
  if (name.startsWith('refs/')) return 'is a branch name, without refs/heads/';
  return undefined;
}

/** Empty: unset. Otherwise a branch name git would accept, e.g. `badges`. */
export const branchName = z.pipe(
  z.string(),
  z.transform((raw, payload): string | undefined => {
    const name = raw.trim();
    if (name === '') return undefined;
    const problem = branchProblem(name);
    if (problem) {
      return reject(payload, `${problem} (got ${JSON.stringify(name.slice(0, 80))}); use a plain branch name such as badges`);
    }
    return name;
  }),
);
