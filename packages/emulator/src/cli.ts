#!/usr/bin/env node
/** `evalgate-emulator`: runs the emulator until SIGINT/SIGTERM. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startEmulator } from './server.js';

const USAGE = 'usage: evalgate-emulator [--port 4010] [--host 127.0.0.1] [--api-key test-key] [--seed 1] [--duration-ms 2000]';

const optionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4010),
  host: z.string().min(1).default('127.0.0.1'),
  'api-key': z.string().min(1).default('test-key'),
  seed: z.coerce.number().int().default(1),
  'duration-ms': z.coerce.number().int().nonnegative().default(2000),
});

async function main(): Promise<void> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'api-key': { type: 'string' },
        seed: { type: 'string' },
        'duration-ms': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ');
    console.error(`invalid option ${problems}\n${USAGE}`);
    process.exit(2);
  }
  const options = parsed.data;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({
      port: options.port,
      host: options.host,
      apiKey: options['api-key'],
      seed: options.seed,
      durationMs: options['duration-ms'],
    });
  } catch (error) {
    console.error(`evalgate emulator: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}; pick another --port`);
    process.exit(1);
  }
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('evalgate emulator: error while closing', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Printed last: whoever waits for this line may signal us right away.
  console.log(`evalgate emulator listening on ${emulator.url}`);
}

await main();
