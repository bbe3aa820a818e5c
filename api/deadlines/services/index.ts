/** What is due: the deadline dashboard, the calendar feeds and the reminder run (which also makes the annual cycle's tasks, handed in). */
import type { DB } from '../../../db/connection.js';
import type { ContextEnv, Settings } from '../../platform/index.js';
import { CalendarService } from './calendar.js';
import { DeadlineDashboardService } from './deadlines.js';
import { type CycleStepRun, ReminderService } from './reminders.js';

export function deadlinesServices(db: DB, settings: Settings, clock: (() => Date) | undefined, cycleSteps: CycleStepRun) {
  return {
    deadlines: new DeadlineDashboardService(db, clock),
    calendar: new CalendarService(db, settings, clock),
    reminders: new ReminderService(db, settings, cycleSteps, clock)
  };
}

export type DeadlinesServices = ReturnType<typeof deadlinesServices>;
export type DeadlinesEnv = ContextEnv<DeadlinesServices>;
