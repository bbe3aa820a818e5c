/**
 * The scale benchmark's health probe (measure.ts): GET /api/health every
 * `everyMs` until the parent says "stop", then post every latency (ms; a
 * failed request counts as the time until it failed).
 */
import { parentPort, workerData } from 'node:worker_threads';

const { url, everyMs } = workerData;
const latencies = [];
let stopping = false;
parentPort.once('message', () => (stopping = true));
while (!stopping) {
  const started = performance.now();
  try {
    await (await fetch(url)).arrayBuffer();
  } catch {
    /* counted as slow as it was */
  }
  latencies.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, everyMs));
}
parentPort.postMessage(latencies);
