/**
 * Builds a URL path whose interpolated parameters are percent-encoded, so an id such as `a/b?c`
 * can never escape its path segment: path`/evals/${id}` → `/evals/a%2Fb%3Fc`.
 */
export function path(strings: TemplateStringsArray, ...params: Array<string | number>): string {
  let result = strings[0] ?? '';
  params.forEach((param, index) => {
    result += encodeURIComponent(String(param)) + (strings[index + 1] ?? '');
  });
  return result;
}
