/** What costs do to a budget line, in the UI language (the API words its `message` the same way, in the reader's language: api/activities/services/budgets.ts). */
import type { BudgetImpact } from '$api/activities/schemas/costs';
import { m } from '$i18n/paraglide/messages.js';
import type { Translator } from '$lib/i18n/index.js';
import { formatMoney } from '$lib/ui/money.js';

type ImpactWords = (values: { label: string; percent: string; over: string }) => string;

/** whose costs × the budget's state after them */
const WORDS: Record<'cost' | 'activity', Record<BudgetImpact['state'], ImpactWords>> = {
  cost: { ok: m.costs_impactCost_ok, warning: m.costs_impactCost_warning, exceeded: m.costs_impactCost_exceeded },
  activity: { ok: m.costs_impactActivity_ok, warning: m.costs_impactActivity_warning, exceeded: m.costs_impactActivity_exceeded }
};

/** "This cost takes the VRRN 2026 budget to 94 %." — `subject` says whose costs. */
export function impactText(i18n: Translator, impact: BudgetImpact, subject: 'cost' | 'activity'): string {
  const percent = impact.percentAfter === null ? '—' : i18n.number(Math.floor(impact.percentAfter));
  const over = formatMoney(i18n.locale, Math.max(0, impact.usedAfterCents - impact.amountCents));
  return WORDS[subject][impact.state]({ label: impact.label, percent, over });
}

/** The CSS class of a state's badge. */
export function stateClass(state: BudgetImpact['state']): 'ok' | 'warn' | 'danger' {
  return state === 'ok' ? 'ok' : state === 'warning' ? 'warn' : 'danger';
}
