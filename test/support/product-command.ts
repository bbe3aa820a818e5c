/**
 * The arguments `npm start` hands to node after building: its script in
 * package.json is the one place that says how the product runs (the heap
 * limits, serve.mjs), so browser tests and benchmarks start it the same way.
 */
import { readFileSync } from 'node:fs';

export function productArguments(): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const match = /exec node (.+)$/.exec(scripts.start);
  if (!match) throw new Error(`package.json's start script does not end in "exec node …": ${scripts.start}`);
  return match[1]!.trim().split(/\s+/);
}
