import * as z from 'zod';

// Acme is fictional: its API is a job resource with five states, an integer progress pair and a mean score.
export const acmeJob = z.object({
  id: z.string(),
  suite: z.string(),
  model: z.string(),
  state: z.string(),
  done: z.number().int().nonnegative().nullish(),
  total: z.number().int().nonnegative().nullish(),
  score_mean: z.number().nullish(),
  labels: z.record(z.string(), z.unknown()).nullish(),
  created: z.string().nullish(),
});
export type AcmeJobWire = z.infer<typeof acmeJob>;

export const acmeJobEnvelope = z.object({ job: acmeJob });
export const acmeJobList = z.object({ jobs: z.array(acmeJob), next_page_token: z.string().nullish() });
