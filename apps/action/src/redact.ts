/** Replaces every occurrence of each secret (4+ chars) with ***, so an echoed key never reaches a log, check or file. */
export function makeRedactor(secrets: Array<string | undefined>): (text: string) => string {
  const values = secrets.filter((secret): secret is string => !!secret && secret.length >= 4).sort((a, b) => b.length - a.length);
  return (text) => values.reduce((result, secret) => result.split(secret).join('***'), text);
}
