/**
 * A rule's next dates for the recurrence editor's preview: the same rules
 * and bounds as every stored series (rules/recurrence.ts: at most a few
 * dates, never past ten years), so the preview shows what the server will
 * make, month-end clamping included.
 */
import { RuleProblem, addYears, occurrences, parseRule } from '../rules/recurrence.js';
import { ValidationFailed } from '../http/errors.js';
import type { RecurrenceDates, RecurrenceQuery } from '../schemas/recurrence.js';

/** how far ahead a preview looks */
const HORIZON_YEARS = 10;

export function recurrenceDates(query: RecurrenceQuery): RecurrenceDates {
  try {
    const rule = parseRule(query.rule);
    return { rule: rule.text, dates: occurrences(rule, query.start, addYears(query.start, HORIZON_YEARS), query.count) };
  } catch (error) {
    if (error instanceof RuleProblem) throw new ValidationFailed([{ path: 'query.rule', ...error.words }]);
    throw error;
  }
}
