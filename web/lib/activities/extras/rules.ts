/**
 * A follow-up rule in words, for the simple RRULEs follow-ups use
 * ("FREQ=MONTHLY;INTERVAL=3;COUNT=2" → "every 3 months, 2 times after the
 * end"); null for anything richer, which the UI shows as written.
 */
import type { Translator } from '$lib/i18n/index.js';
import { m } from '$i18n/paraglide/messages.js';
import { tasksFollowUpsEvery } from '$lib/i18n/labels/tasks.js';

const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
type Frequency = (typeof FREQUENCIES)[number];
const isFrequency = (value: string | undefined): value is Frequency => (FREQUENCIES as readonly (string | undefined)[]).includes(value);
const SIMPLE = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL']);

export function describeRule(i18n: Translator, rule: string): string | null {
  const parts = new Map<string, string>();
  for (const part of rule.replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = part.split('=');
    if (!key || value === undefined) return null;
    parts.set(key.trim().toUpperCase(), value.trim().toUpperCase());
  }
  if ([...parts.keys()].some((k) => !SIMPLE.has(k))) return null;
  const freq = parts.get('FREQ');
  if (!isFrequency(freq)) return null;
  const interval = Number(parts.get('INTERVAL') ?? '1');
  if (!Number.isInteger(interval) || interval < 1) return null;
  const words = [tasksFollowUpsEvery[freq]({ count: interval })];
  const count = parts.get('COUNT');
  if (count !== undefined) {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1) return null;
    words.push(m.tasks_followUps_times({ count: n }));
  }
  const until = parts.get('UNTIL');
  if (until !== undefined) {
    const match = /^(\d{4})(\d{2})(\d{2})/.exec(until);
    if (!match) return null;
    words.push(m.tasks_followUps_until({ date: i18n.date(`${match[1]}-${match[2]}-${match[3]}`) }));
  }
  return words.join(', ');
}
