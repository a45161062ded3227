// The one place provider text (status, error message, names, URLs) is made safe to render in GitHub Markdown:
// check run summaries, the job summary and the PR comment. Provider text is untrusted.

const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Inline Markdown text that renders as the literal characters: no HTML, no links or images, no autolinks, no
 * @mentions (which would notify people), no code spans, no table cells broken by pipes, no line breaks.
 */
export function escapeText(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      // What could start an entity, a tag or a comment; a lone `a < b` stays readable in the raw text.
      .replace(/&(?=[#A-Za-z])/g, '&amp;')
      .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
      // Without an unescaped bracket no link or image can form; backticks would open code, pipes split table cells.
      // (Emphasis is left alone: it cannot hide text or point anywhere.)
      .replace(/[\\`[\]|]/g, '\\$&')
      // A zero-width space stops GitHub from turning these into mentions, references and autolinks.
      .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
      .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
      .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}${ZERO_WIDTH_SPACE}.`)
  );
}

/** Text inside a fenced ```text block: only a fence in the text could end it early. */
export function escapeFenced(text: string): string {
  return text.replace(/`{3,}/g, (fence) => "'".repeat(fence.length));
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The URL when it is safe to link or to hand to a workflow: `https:`, or `http:` on loopback (a local emulator),
 * without credentials. Anything else (javascript:, data:, relative, malformed) is undefined.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const allowed = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname));
  if (!allowed || parsed.username || parsed.password) return undefined;
  // Characters that could end a Markdown link destination or break out of a quoted attribute, percent-encoded.
  return parsed.href.replace(/[()<>"'\s`|[\]\\]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[label](url)` for a safe URL; otherwise the URL as inert text, so a reader still sees what the provider sent. */
export function markdownLink(label: string, url: string | undefined): string | undefined {
  if (!url) return undefined;
  const safe = safeUrl(url);
  return safe ? `[${escapeText(label)}](${safe})` : `${escapeText(label)}: ${escapeText(url)} (not linked: not an https URL)`;
}

/** An inline code span holding `text` literally (ids): backticks in it cannot close it. */
export function codeSpan(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  const longestRun = Math.max(0, ...[...clean.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** Letters, digits and `._:/-` (OpenAI's ids are `<eval_id>/<run_id>`): nothing a shell or an expression interprets. */
const SAFE_ID = /^[A-Za-z0-9._:/-]{1,200}$/;

/** The id when it is safe to hand to a workflow as an output, else undefined. */
export function safeId(id: string | undefined): string | undefined {
  return id !== undefined && SAFE_ID.test(id) ? id : undefined;
}
