/** The create request of Acme, the test-only provider (core's tests hold its client; this is the extension's view). */
export interface AcmeCreateRequest {
  provider: 'acme';
  suite: string;
  model: string;
}
