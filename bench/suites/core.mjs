// Core: list() throughput over 10,000 evaluations, and 100 concurrent waitForCompletion calls, against the emulator.
import { createClient, isTerminal, normalizeStatus } from '@evalgate/core';
import { startEmulator } from '@evalgate/emulator';
import { median, nowMs } from '../lib/stats.mjs';

const API_KEY = 'bench-key';
const LIST_COUNT = 10_000;
const LIST_RUNS = 5;
const PAGE_SIZE = 100;
const CONCURRENT = 100;
const CONCURRENT_MIN_DURATION_MS = 5_000;
const CONCURRENT_SPREAD_MS = 5_000;
const NAIVE_INTERVAL_MS = 5_000;

/** The reference for list(): the same pages fetched with bare fetch + JSON.parse, no validation or mapping. */
async function rawListPrime(emu) {
  let count = 0;
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const response = await fetch(`${emu.url}/api/v1/evaluations/?skip=${skip}&limit=${PAGE_SIZE}`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    const page = await response.json();
    count += page.evaluations.length;
    if (skip + page.evaluations.length >= page.total || page.evaluations.length === 0) return count;
  }
}

async function listThroughput() {
  const emu = await startEmulator({ apiKey: API_KEY, durationMs: 1000 });
  try {
    emu.seed('prime', LIST_COUNT);
    const client = createClient({ provider: 'prime', apiKey: API_KEY, baseUrl: emu.baseUrls.prime });
    // One warm-up pass of each so JIT and sockets are comparable.
    await rawListPrime(emu);
    for await (const evaluation of client.list({ pageSize: PAGE_SIZE })) void evaluation;

    const core = [];
    const raw = [];
    let seen = 0;
    for (let run = 0; run < LIST_RUNS; run++) {
      const startRaw = nowMs();
      const rawCount = await rawListPrime(emu);
      raw.push(rawCount / ((nowMs() - startRaw) / 1000));

      const start = nowMs();
      seen = 0;
      for await (const evaluation of client.list({ pageSize: PAGE_SIZE })) {
        if (evaluation.id) seen++;
      }
      core.push(seen / ((nowMs() - start) / 1000));
    }
    if (seen !== LIST_COUNT) throw new Error(`list() returned ${seen} evaluations, expected ${LIST_COUNT}`);
    return { core: median(core), raw: median(raw) };
  } finally {
    await emu.close();
  }
}

/** The reference poller: get every 5 s until terminal, nothing else. */
async function naivePoll(emu, id) {
  for (;;) {
    const response = await fetch(`${emu.url}/api/v1/evaluations/${id}`, { headers: { authorization: `Bearer ${API_KEY}` } });
    const body = await response.json();
    if (isTerminal(normalizeStatus('prime', body.status))) return body;
    await new Promise((resolve) => setTimeout(resolve, NAIVE_INTERVAL_MS));
  }
}

async function concurrentWaits(label, waitOne) {
  const emu = await startEmulator({ apiKey: API_KEY });
  try {
    const client = createClient({ provider: 'prime', apiKey: API_KEY, baseUrl: emu.baseUrls.prime });
    const created = [];
    for (let i = 0; i < CONCURRENT; i++) {
      // Durations spread evenly over 5–10 s, so no poll interval lines up with them by luck.
      emu.configure({ durationMs: CONCURRENT_MIN_DURATION_MS + Math.round((i * CONCURRENT_SPREAD_MS) / CONCURRENT) });
      created.push(
        await client.create({
          provider: 'prime',
          name: `bench ${label} ${i}`,
          isHosted: true,
          environments: [{ id: 'gsm8k' }],
          inferenceModel: 'llama-3-8b',
          evalConfig: { num_examples: 5, rollouts_per_example: 3 },
        }),
      );
    }
    const before = emu.requests.length;
    const start = nowMs();
    const noticedAt = new Map();
    await Promise.all(
      created.map(async (evaluation) => {
        await waitOne(client, emu, evaluation.id);
        noticedAt.set(evaluation.id, Date.now());
      }),
    );
    const wallMs = nowMs() - start;
    const requests = emu.requests.length - before;
    // How long after its evaluation became terminal (emulator clock = Date.now here) each waiter returned.
    const lags = emu
      .evaluations('prime')
      .filter((snapshot) => noticedAt.has(snapshot.id))
      .map((snapshot) => noticedAt.get(snapshot.id) - snapshot.terminalAt);
    if (lags.length !== CONCURRENT) throw new Error(`${label}: ${lags.length} of ${CONCURRENT} waits finished`);
    return { wallMs, requests, meanLagMs: lags.reduce((sum, lag) => sum + lag, 0) / lags.length };
  } finally {
    await emu.close();
  }
}

export async function runCoreBenchmarks(log) {
  log('core: list() over 10,000 evaluations');
  const list = await listThroughput();
  log('core: 100 concurrent waitForCompletion (evaluations of 5–10 s, real time)');
  const core = await concurrentWaits('core', (client, _emu, id) => client.waitForCompletion(id, { deadline: Date.now() + 120_000 }));
  const naive = await concurrentWaits('naive', (_client, emu, id) => naivePoll(emu, id));
  return [
    {
      id: 'core.list.throughput',
      figure: 'core list() over 10,000 evaluations (prime, pages of 100)',
      evalgate: list.core,
      reference: list.raw,
      referenceLabel: 'bare fetch + JSON.parse of the same pages',
      unit: 'items/s',
    },
    {
      id: 'core.wait100.wall',
      figure: '100 concurrent waitForCompletion, 5–10 s evaluations: wall time',
      evalgate: core.wallMs / 1000,
      reference: naive.wallMs / 1000,
      referenceLabel: 'naive fixed 5 s poll',
      unit: 's',
    },
    {
      id: 'core.wait100.lag',
      figure: '100 concurrent waitForCompletion: mean terminal-to-return lag',
      evalgate: core.meanLagMs / 1000,
      reference: naive.meanLagMs / 1000,
      referenceLabel: 'naive fixed 5 s poll',
      unit: 's',
    },
    {
      id: 'core.wait100.requests',
      figure: '100 concurrent waitForCompletion, 5–10 s evaluations: requests',
      evalgate: core.requests,
      reference: naive.requests,
      referenceLabel: 'naive fixed 5 s poll',
      unit: 'requests',
    },
  ];
}
