/**
 * One measurement: autocannon at 16 connections against one route for a few
 * seconds, after a short warm-up, cycling through the route's requests.
 * Every response's status counts: anything but the route's status (else
 * any 2xx) is reported. For a heavy route, a worker thread asks
 * /api/health beside the load, to show whether the server stays responsive.
 */
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { BenchRequest } from './routes.js';

export interface LoadOptions {
  connections: number;
  /** seconds measured */
  duration: number;
  /** seconds of load before, not measured */
  warmup: number;
}

export interface Measurement {
  /** completed requests per second over the measured duration */
  rps: number;
  /** milliseconds; null when no request completed */
  p50: number | null;
  p99: number | null;
  completed: number;
  /** answers whose status was not the expected one */
  unexpected: number;
  /** connection errors and timeouts */
  errors: number;
  /** the status of the first unexpected answer, with the start of its body */
  firstProblem: string | null;
}

/** A request autocannon can send: the same headers on every request, the path and body from `request`. */
function rawRequests(requests: BenchRequest[], headers: Record<string, string>) {
  return requests.map((r) => ({
    method: r.method,
    path: r.path,
    headers: { ...headers, ...r.headers, ...(r.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(r.body === undefined ? {} : { body: r.body })
  }));
}

/** Whether an answer has the status the route expects: `expected`, else any 2xx. */
export function expectedStatus(status: number, expected: number | undefined): boolean {
  return expected === undefined ? status >= 200 && status <= 299 : status === expected;
}

async function fire(url: string, requests: BenchRequest[], headers: Record<string, string>, connections: number, seconds: number, onAnswer: (status: number, body: string) => void) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 120,
    requests: rawRequests(requests, headers).map((request) => ({ ...request, onResponse: onAnswer }))
  });
}

export async function measure(url: string, requests: BenchRequest[], headers: Record<string, string>, options: LoadOptions, expected?: number): Promise<Measurement> {
  let firstProblem: string | null = null;
  let unexpected = 0;
  let counting = false;
  const onAnswer = (status: number, body: string) => {
    if (expectedStatus(status, expected)) return;
    if (counting) unexpected++;
    firstProblem ??= `${status} ${body.slice(0, 200)}`;
  };
  if (options.warmup > 0) await fire(url, requests, headers, options.connections, options.warmup, onAnswer);
  counting = true;
  const result = await fire(url, requests, headers, options.connections, options.duration, onAnswer);
  const completed = result.requests.total;
  return {
    rps: completed / result.duration,
    p50: completed > 0 ? result.latency.p50 : null,
    p99: completed > 0 ? result.latency.p99 : null,
    completed,
    unexpected,
    errors: result.errors + result.timeouts,
    firstProblem
  };
}

/** /api/health asked beside a load: how long its answers took, ms. */
export interface HealthBeside {
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

function percentile(sorted: number[], p: number): number | null {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : null;
}

/**
 * Asks /api/health every 20 ms from a worker thread (its own event loop, so
 * the load generator's work in this thread does not delay it) until the
 * returned stop() is called, which answers the latencies.
 */
export function probeHealthBeside(url: string): { stop(): Promise<HealthBeside> } {
  const worker = new Worker(new URL('./health-probe.worker.mjs', import.meta.url), { workerData: { url: `${url}/api/health`, everyMs: 20 } });
  const done = new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      const latencies = (await done).sort((a, b) => a - b);
      await worker.terminate();
      return { count: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? null };
    }
  };
}

/** One request, timed: does the route answer 2xx at all, and how slow is it alone? */
export async function probe(url: string, request: BenchRequest, headers: Record<string, string>): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url + request.path, {
    method: request.method,
    headers: { ...headers, ...request.headers, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: request.body
  });
  const body = await response.text();
  return { status: response.status, ms: performance.now() - started, body };
}

/**
 * Waits until the server answers /api/health quickly again: requests of a slow
 * route that autocannon gave up on at the end of its duration may still be
 * running on the server, and must not slow the next route's measurement.
 */
export async function settle(url: string, maxSeconds: number): Promise<{ seconds: number; settled: boolean }> {
  const started = performance.now();
  while (performance.now() - started < maxSeconds * 1000) {
    const t = performance.now();
    try {
      await (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(maxSeconds * 1000) })).arrayBuffer();
    } catch {
      /* the server is busy or gone: try again */
    }
    if (performance.now() - t < 50) return { seconds: (performance.now() - started) / 1000, settled: true };
    await new Promise((r) => setTimeout(r, 100));
  }
  return { seconds: (performance.now() - started) / 1000, settled: false };
}
