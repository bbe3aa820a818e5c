/**
 * The activities' routes: activities with their participants, agenda,
 * follow-ups, costs and feedback; tasks, matchmaking, budgets and the
 * timelines of organisations and people (signed in); a participant's
 * personal feedback link (open: the link's token is the key).
 */
import { Hono } from 'hono';
import type { ActivitiesEnv } from '../services/index.js';
import { activityRoutes } from './activities.js';
import { budgetRoutes } from './budgets.js';
import { costRoutes } from './costs.js';
import { activityFeedbackRoutes, feedbackRoutes } from './feedback.js';
import { activityFollowUpRoutes, partnershipFollowUpRoutes } from './follow-ups.js';
import { matchmakingRoutes } from './matchmaking.js';
import { participantRoutes } from './participants.js';
import { programmeRoutes } from './agenda.js';
import { taskOwnerRoutes } from './task-owners.js';
import { taskRoutes } from './tasks.js';
import { timelineRoutes } from './timelines.js';

export const activitiesRoutes = new Hono<ActivitiesEnv>()
  .route('/activities', activityRoutes)
  .route('/activities', participantRoutes)
  .route('/activities', programmeRoutes)
  .route('/activities', activityFollowUpRoutes)
  .route('/activities/:id/costs', costRoutes)
  .route('/activities/:id/feedback', activityFeedbackRoutes)
  .route('/partnerships', partnershipFollowUpRoutes)
  .route('/partnerships', taskOwnerRoutes)
  .route('/tasks', taskRoutes)
  .route('/matchmaking', matchmakingRoutes)
  .route('/budgets', budgetRoutes)
  .route('/', timelineRoutes);

// /feedback/summary asks for a caller itself
export const activitiesOpenRoutes = new Hono<ActivitiesEnv>().route('/feedback', feedbackRoutes);
