/** What costs do to a budget line, in the UI language (the API's own message is English only). */
import type { BudgetImpact } from '$api/activities/schemas/costs';
import type { Translator } from '$lib/i18n/index.js';
import { formatMoney } from '$lib/ui/money.js';

/** "This cost takes the VRRN 2026 budget to 94 %." — `subject` says whose costs. */
export function impactText(i18n: Translator, impact: BudgetImpact, subject: 'cost' | 'activity'): string {
  const key = subject === 'cost' ? 'costs.impactCost' : 'costs.impactActivity';
  const percent = impact.percentAfter === null ? '—' : i18n.number(Math.floor(impact.percentAfter));
  const over = formatMoney(i18n.locale, Math.max(0, impact.usedAfterCents - impact.amountCents));
  return i18n.t(`${key}.${impact.state}`, { label: impact.label, percent, over });
}

/** The CSS class of a state's badge. */
export function stateClass(state: BudgetImpact['state']): 'ok' | 'warn' | 'danger' {
  return state === 'ok' ? 'ok' : state === 'warning' ? 'warn' : 'danger';
}
