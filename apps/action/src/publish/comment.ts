// One sticky PR comment; each check name (e.g. each matrix job) owns a section between its own markers.

/** Identifies the comment this action maintains. */
export const COMMENT_MARKER = '<!-- evalgate -->';

export function sectionStart(checkName: string): string {
  return `<!-- evalgate:${sanitize(checkName)} -->`;
}

function sectionEnd(checkName: string): string {
  return `<!-- /evalgate:${sanitize(checkName)} -->`;
}

function sanitize(checkName: string): string {
  return checkName.replace(/-->/g, '').replace(/[\r\n]/g, ' ');
}

/** The comment body with `checkName`'s section set to `markdown`, other sections kept in place. */
export function upsertSection(existing: string | undefined, checkName: string, markdown: string): string {
  const start = sectionStart(checkName);
  const end = sectionEnd(checkName);
  const section = `${start}\n${markdown}\n${end}`;
  if (existing === undefined || !existing.includes(COMMENT_MARKER)) return `${COMMENT_MARKER}\n${section}\n`;
  const from = existing.indexOf(start);
  const to = existing.indexOf(end, from);
  if (from !== -1 && to !== -1) return existing.slice(0, from) + section + existing.slice(to + end.length);
  return `${existing.replace(/\n*$/, '')}\n\n${section}\n`;
}

/** The sections in a comment body, by check name, in order. */
export function listSections(body: string): string[] {
  return [...body.matchAll(/<!-- evalgate:(.*?) -->/g)].map((match) => match[1] ?? '');
}
