/** What a caller asks Acme (the test-only provider) to create: a job running one suite against one model. */
export interface AcmeCreateRequest {
  provider: 'acme';
  suite: string;
  model: string;
  labels?: Record<string, string>;
}
