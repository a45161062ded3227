/** The emulator's public Prime API, read with the test key: the reference for names and hosted-ness the tree should show. */
import { z } from 'zod';
import { testConfig } from './test-config.js';

const listSchema = z.object({
  evaluations: z.array(z.looseObject({ evaluation_id: z.string(), name: z.string(), status: z.string(), is_hosted: z.boolean() })),
});

export type PrimeEvaluation = z.infer<typeof listSchema>['evaluations'][number];

export async function primeEvaluations(): Promise<PrimeEvaluation[]> {
  const { emulatorUrl, apiKey } = await testConfig();
  const res = await fetch(`${emulatorUrl}/api/v1/evaluations/?skip=0&limit=100`, { headers: { authorization: `Bearer ${apiKey}` } });
  if (!res.ok) throw new Error(`GET /api/v1/evaluations/: HTTP ${res.status}`);
  const parsed = listSchema.safeParse(await res.json());
  if (!parsed.success) throw new Error(`GET /api/v1/evaluations/: unexpected body: ${z.prettifyError(parsed.error)}`);
  return parsed.data.evaluations;
}

const samplesSchema = z.object({ samples: z.array(z.looseObject({ example_id: z.number(), reward: z.number() })), total: z.number() });

/** The samples of one Prime evaluation, as the provider API returns them (first 1000). */
export async function primeSamples(evaluationId: string): Promise<z.infer<typeof samplesSchema>> {
  const { emulatorUrl, apiKey } = await testConfig();
  const res = await fetch(`${emulatorUrl}/api/v1/evaluations/${encodeURIComponent(evaluationId)}/samples?page=1&limit=1000`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
  if (!res.ok) throw new Error(`GET samples of ${evaluationId}: HTTP ${res.status}`);
  const parsed = samplesSchema.safeParse(await res.json());
  if (!parsed.success) throw new Error(`GET samples of ${evaluationId}: unexpected body: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
