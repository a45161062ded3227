/** The `/__emulator/*` HTTP control endpoints (no auth; loopback only), for tests running in other processes. */
import type { z } from 'zod';
import { configureSchema, Controller, seedSchema, setStatusSchema, UnknownEvaluationError } from './controller.js';
import { providerNames, providerSchema } from './providers/registry.js';
import { faultSchema } from './faults.js';
import { json, type Reply } from './http/reply.js';
import type { Route } from './http/router.js';
import type { RequestBody } from './http/body.js';
import type { EmulatorState } from './state.js';
import { describeZodError } from './zod-issues.js';

export const CONTROL_PREFIX = '/__emulator';

const badRequest = (message: string): Reply => json(400, { error: message });

/** Parses a control body, or explains what is wrong with it. */
function parse<S extends z.ZodType>(schema: S, body: RequestBody, what: string): { data: z.infer<S> } | { reply: Reply } {
  if (body.kind === 'invalid') return { reply: badRequest(`${what}: ${body.message}`) };
  if (body.kind === 'empty') return { reply: badRequest(`${what}: send a JSON body`) };
  if (body.kind === 'too-large') return { reply: json(413, { error: `${what}: body is larger than ${body.limit} bytes` }) };
  const result = schema.safeParse(body.value);
  if (!result.success) return { reply: badRequest(`${what}: ${describeZodError(result.error)}`) };
  return { data: result.data };
}

export function controlRoutes(state: EmulatorState, controller: Controller): Route[] {
  return [
    {
      method: 'POST',
      pattern: `${CONTROL_PREFIX}/configure`,
      handler: ({ body }) => {
        const parsed = parse(configureSchema, body, 'invalid configure body');
        if ('reply' in parsed) return parsed.reply;
        controller.configure(parsed.data);
        return json(200, { settings: state.settings });
      },
    },
    {
      method: 'POST',
      pattern: `${CONTROL_PREFIX}/faults`,
      handler: ({ body }) => {
        const parsed = parse(faultSchema, body, 'invalid fault body');
        if ('reply' in parsed) return parsed.reply;
        controller.addFault(parsed.data);
        return json(200, { faults: state.faults.pending });
      },
    },
    {
      method: 'DELETE',
      pattern: `${CONTROL_PREFIX}/faults`,
      handler: () => {
        controller.clearFaults();
        return json(200, { faults: [] });
      },
    },
    {
      method: 'POST',
      pattern: `${CONTROL_PREFIX}/status`,
      handler: ({ body }) => {
        const parsed = parse(setStatusSchema, body, 'invalid status body');
        if ('reply' in parsed) return parsed.reply;
        try {
          controller.setStatus(parsed.data.provider, parsed.data.id, parsed.data.status);
        } catch (error) {
          if (error instanceof UnknownEvaluationError) return json(404, { error: error.message });
          throw error;
        }
        return json(200, { ok: true });
      },
    },
    {
      method: 'POST',
      pattern: `${CONTROL_PREFIX}/seed`,
      handler: ({ body }) => {
        const parsed = parse(seedSchema, body, 'invalid seed body');
        if ('reply' in parsed) return parsed.reply;
        controller.seed(parsed.data.provider, parsed.data.count);
        return json(200, { seeded: parsed.data.count });
      },
    },
    {
      method: 'GET',
      pattern: `${CONTROL_PREFIX}/requests`,
      handler: () => json(200, { requests: state.log.entries }),
    },
    {
      method: 'GET',
      pattern: `${CONTROL_PREFIX}/evaluations`,
      handler: ({ query }) => {
        const provider = providerSchema.safeParse(query.get('provider'));
        if (!provider.success) return badRequest(`query parameter "provider" must be one of ${providerNames().join(', ')}`);
        return json(200, { evaluations: controller.evaluations(provider.data) });
      },
    },
    {
      method: 'POST',
      pattern: `${CONTROL_PREFIX}/reset`,
      handler: () => {
        controller.reset();
        return json(200, { ok: true });
      },
    },
  ];
}
