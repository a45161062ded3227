/** Acme's gate settings: one suite run against one model. */
export interface AcmeSettings {
  provider: 'acme';
  suite: string;
  model: string;
}
