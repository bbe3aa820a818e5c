/** How a task reads in the UI: its due text, its state's badge, the page of what it is about. */
import type { Task } from '$api/activities/schemas/tasks';
import type { Translator } from '$lib/i18n/index.js';
import { m } from '$i18n/paraglide/messages.js';

/** "3 days overdue", "due today", "due in 5 days", "Done on 2 Jun 2026". */
export function dueText(i18n: Translator, task: Task): string {
  if (task.status === 'done') return m.tasks_doneOn({ date: i18n.date(task.completedAt) });
  if (task.status === 'cancelled') return m.tasks_states_cancelled();
  if (task.daysUntilDue < 0) return m.tasks_daysOverdue({ count: -task.daysUntilDue });
  if (task.daysUntilDue === 0) return m.tasks_dueToday();
  return m.tasks_dueIn({ count: task.daysUntilDue });
}

export function stateBadge(state: Task['state']): string {
  return state === 'overdue' ? 'danger' : state === 'due' ? 'warn' : state === 'done' ? 'ok' : '';
}

const PAGES: Partial<Record<NonNullable<Task['subjectType']>, string>> = {
  activity: '/activities',
  organisation: '/organisations',
  person: '/people',
  partnership: '/partnerships'
};

/** The page of the record a task is about, when there is one the caller can open. */
export function subjectHref(task: Task): string | null {
  if (!task.subjectType || !task.subjectId || task.subjectLabel === null) return null;
  const base = PAGES[task.subjectType];
  return base ? `${base}/${task.subjectId}` : null;
}
