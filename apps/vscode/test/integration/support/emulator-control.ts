/** The emulator's `/__emulator/*` control API (loopback, no auth), to compare what the tree shows with what the server has. */
import { z } from 'zod';
import { testConfig } from './test-config.js';

const requestLogSchema = z.object({
  requests: z.array(z.looseObject({ method: z.string(), path: z.string(), status: z.number() })),
});

const evaluationsSchema = z.object({
  evaluations: z.array(z.looseObject({ id: z.string(), status: z.string(), phase: z.string() })),
});

export type EmulatorRequest = z.infer<typeof requestLogSchema>['requests'][number];
export type EmulatorEvaluation = z.infer<typeof evaluationsSchema>['evaluations'][number];
export type Provider = 'prime' | 'openai' | 'nugen';

async function getJson<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  const { emulatorUrl } = await testConfig();
  const res = await fetch(`${emulatorUrl}/__emulator${path}`);
  if (!res.ok) throw new Error(`GET /__emulator${path}: HTTP ${res.status} ${await res.text()}`);
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) throw new Error(`GET /__emulator${path}: unexpected body: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Every provider request the emulator has answered, in arrival order. */
export async function emulatorRequests(): Promise<EmulatorRequest[]> {
  return (await getJson('/requests', requestLogSchema)).requests;
}

/** The emulator's own view of one provider's evaluations, oldest first. */
export async function emulatorEvaluations(provider: Provider): Promise<EmulatorEvaluation[]> {
  return (await getJson(`/evaluations?provider=${provider}`, evaluationsSchema)).evaluations;
}

/** Cancels a hosted Prime evaluation through the emulator's public API: someone else's tool doing it. */
export async function cancelPrimeElsewhere(evaluationId: string): Promise<void> {
  const { emulatorUrl, apiKey } = await testConfig();
  const res = await fetch(`${emulatorUrl}/api/v1/hosted-evaluations/${encodeURIComponent(evaluationId)}/cancel`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${apiKey}` },
  });
  if (res.status !== 200) throw new Error(`PATCH …/${evaluationId}/cancel on the emulator: HTTP ${res.status} ${await res.text()}`);
}
