/** The activities' services: trips, events and meetings with their participants, agenda, minutes, follow-ups, tasks, matchmaking, budgets, costs, feedback, and the timelines. */
import type { DB } from '../../../db/connection.js';
import type { ContextEnv, Settings } from '../../platform/index.js';
import { ActivityService } from './activities.js';
import { BudgetService } from './budgets.js';
import { CostService } from './costs.js';
import { FeedbackService } from './feedback.js';
import { FollowUpService } from './follow-ups.js';
import { MatchmakingService } from './matchmaking.js';
import { MinutesService } from './minutes.js';
import { ParticipantService } from './participants.js';
import { ProgrammeService } from './agenda.js';
import { TaskOwnerService } from './task-owners.js';
import { TaskService } from './tasks.js';
import { TimelineService } from './timeline.js';

export function activitiesServices(db: DB, settings: Settings, clock?: () => Date) {
  const tasks = new TaskService(db, clock);
  return {
    activities: new ActivityService(db),
    participants: new ParticipantService(db),
    programme: new ProgrammeService(db),
    minutes: new MinutesService(db),
    followUps: new FollowUpService(db, clock),
    tasks,
    taskOwners: new TaskOwnerService(db),
    matchmaking: new MatchmakingService(db, clock, tasks),
    budgets: new BudgetService(db),
    costs: new CostService(db),
    feedback: new FeedbackService(db, settings, clock),
    timeline: new TimelineService(db)
  };
}

export type ActivitiesServices = ReturnType<typeof activitiesServices>;
export type ActivitiesEnv = ContextEnv<ActivitiesServices>;
export { activityAuditedRecords } from './audited-records.js';
