/**
 * A value built on its first use and kept. Building zod schemas is most of core's import cost, and a run needs the
 * schemas of one provider only, so wire schemas are built when that provider first parses a response.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
