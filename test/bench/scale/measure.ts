/**
 * One measurement: autocannon at 16 connections against one route for a few
 * seconds, after a short warm-up, cycling through the route's requests.
 * Every response's status counts: anything but 2xx is reported.
 */
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
  non2xx: number;
  /** connection errors and timeouts */
  errors: number;
  /** the status of the first non-2xx answer, with the start of its body */
  firstProblem: string | null;
}

/** A request autocannon can send: the same headers on every request, the path and body from `request`. */
function rawRequests(requests: BenchRequest[], headers: Record<string, string>) {
  return requests.map((r) => ({
    method: r.method,
    path: r.path,
    headers: r.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(r.body === undefined ? {} : { body: r.body })
  }));
}

async function fire(url: string, requests: BenchRequest[], headers: Record<string, string>, connections: number, seconds: number, onProblem: (text: string) => void) {
  let problem = false;
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 120,
    requests: rawRequests(requests, headers).map((request) => ({
      ...request,
      onResponse: (status: number, body: string) => {
        if ((status < 200 || status > 299) && !problem) {
          problem = true;
          onProblem(`${status} ${body.slice(0, 200)}`);
        }
      }
    }))
  });
}

export async function measure(url: string, requests: BenchRequest[], headers: Record<string, string>, options: LoadOptions): Promise<Measurement> {
  let firstProblem: string | null = null;
  const remember = (text: string) => (firstProblem ??= text);
  if (options.warmup > 0) await fire(url, requests, headers, options.connections, options.warmup, remember);
  const result = await fire(url, requests, headers, options.connections, options.duration, remember);
  const completed = result.requests.total;
  return {
    rps: completed / result.duration,
    p50: completed > 0 ? result.latency.p50 : null,
    p99: completed > 0 ? result.latency.p99 : null,
    completed,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    firstProblem
  };
}

/** One request, timed: does the route answer 2xx at all, and how slow is it alone? */
export async function probe(url: string, request: BenchRequest, headers: Record<string, string>): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url + request.path, {
    method: request.method,
    headers: request.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
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
