// Provider text (names, ids, error messages) goes to a terminal: control characters could move the cursor, rewrite
// the screen or hide text (ANSI escapes, bidi overrides), so they are dropped. Tabs and line breaks stay.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}
