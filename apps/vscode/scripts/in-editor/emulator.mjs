// Shared by both in-editor runners (scripts/in-editor/run.mjs and .vscode-test.mjs): starts the evalgate
// emulator in this process with a known set of evaluations, and writes the test workspace that points
// the extension at it. The suite reads `.evalgate-test.json` from that workspace.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEST_API_KEY = 'test-key';

const HOUR_MS = 60 * 60 * 1000;

/** Prime hosted evaluations that have ended by the time the tests look. */
const FINISHED_PRIME = [
  { name: 'nightly-regression', outcome: 'completed' },
  { name: 'safety-suite', outcome: 'completed' },
  { name: 'tool-use-smoke', outcome: 'failed' },
];
/**
 * Prime hosted evaluations still running for hours: cancelable. The suite cancels three (a cancel, one from
 * elsewhere while the view is hidden, one a poll notices); the UI pass after it needs one still running.
 */
const RUNNING_PRIME = ['long-context-sweep', 'math-reasoning', 'code-review-bench', 'rag-faithfulness', 'multilingual-qa'];
/** A Prime client-driven evaluation: running until finalized, and not cancelable (the API answers 400). */
const CLIENT_DRIVEN_PRIME = 'local-push-run';

/**
 * A clock the emulator derives every lifecycle from: seeding creates evaluations "now", then moves the
 * clock on so finished ones are terminal and long ones are past their queued tenth, without waiting.
 */
function shiftableClock() {
  let offsetMs = 0;
  return { now: () => Date.now() + offsetMs, advance: (ms) => (offsetMs += ms) };
}

/** Hosted ones start through POST /api/v1/hosted-evaluations (QUIRKS PRIME-1); client-driven ones through /evaluations/. */
async function createPrime(url, { is_hosted: hosted, ...body }) {
  const hostedBody = {
    ...body,
    environment_ids: ['gsm8k'],
    inference_model: 'llama-3-8b',
    eval_config: { num_examples: 5, rollouts_per_example: 3, timeout_minutes: 120 },
  };
  const res = await fetch(`${url}${hosted ? '/api/v1/hosted-evaluations' : '/api/v1/evaluations/'}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(hosted ? hostedBody : body),
  });
  if (res.status !== 201) throw new Error(`seeding Prime evaluation ${body.name}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Starts the emulator on a free port and seeds it. Returns the emulator handle (close it when done) and
 * a description of what was seeded, for logs.
 */
export async function startSeededEmulator() {
  let startEmulator;
  try {
    ({ startEmulator } = await import('@evalgate/emulator'));
  } catch (error) {
    throw new Error(`cannot load @evalgate/emulator (${error.message}); build it first: npx turbo run build --filter=evalgate-vscode...`);
  }
  const clock = shiftableClock();
  const emu = await startEmulator({ port: 0, apiKey: TEST_API_KEY, seed: 7, durationMs: 60_000, now: clock.now });
  try {
    emu.configure({ durationMs: 60_000 });
    for (const { name, outcome } of FINISHED_PRIME) {
      emu.configure({ outcome });
      await createPrime(emu.url, { name, is_hosted: true });
    }
    emu.configure({ outcome: 'completed' });
    emu.seed('nugen', 2); // finished after the clock moves on
    emu.seed('openai', 1);
    emu.configure({ durationMs: 12 * HOUR_MS });
    for (const name of RUNNING_PRIME) await createPrime(emu.url, { name, is_hosted: true });
    emu.seed('nugen', 1); // still processing
    emu.seed('openai', 1);
    clock.advance(2 * HOUR_MS);
    emu.seed('nugen', 1); // queued: created after the clock moved on (Nugen's list says PROCESSING all the same)
    await createPrime(emu.url, { name: CLIENT_DRIVEN_PRIME, is_hosted: false });
  } catch (error) {
    await emu.close();
    throw error;
  }
  return {
    emu,
    url: emu.url,
    seeded: { prime: [...FINISHED_PRIME.map((e) => e.name), ...RUNNING_PRIME, CLIENT_DRIVEN_PRIME] },
  };
}

/** Connection ids the suite passes to `evalgate.setApiKey`. */
export const CONNECTION_IDS = { prime: 'emu-prime', nugen: 'emu-nugen', openai: 'emu-openai' };

/**
 * Writes a workspace folder whose settings point the extension at the emulator, plus
 * `.evalgate-test.json` telling the suite where the emulator and its key are.
 */
export function writeTestWorkspace(dir, emulatorUrl) {
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  const connections = [
    { id: CONNECTION_IDS.prime, provider: 'prime', baseUrl: emulatorUrl },
    { id: CONNECTION_IDS.nugen, provider: 'nugen', baseUrl: emulatorUrl },
    { id: CONNECTION_IDS.openai, provider: 'openai', baseUrl: `${emulatorUrl}/v1` },
  ];
  const settings = {
    'evalgate.connections': connections,
    'evalgate.notifyOnFinish': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    // Keeps the chat panel from taking focus and screen space in the screenshots.
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'update.mode': 'none',
  };
  writeFileSync(join(dir, '.vscode', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  writeFileSync(join(dir, '.evalgate-test.json'), `${JSON.stringify({ emulatorUrl, apiKey: TEST_API_KEY, connectionIds: CONNECTION_IDS }, null, 2)}\n`);
  writeFileSync(join(dir, 'README.md'), '# evalgate in-editor test workspace\n');
  return dir;
}
