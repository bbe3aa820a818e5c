/** What is due (signed in): the deadline dashboard, reminder settings and calendar feeds; the feed itself is open (calendar apps cannot sign in: its token is the key). */
import { Hono } from 'hono';
import type { DeadlinesEnv } from '../services/index.js';
import { calendarFeedRoutes, calendarIcsRoutes } from './calendar.js';
import { deadlineRoutes } from './deadlines.js';
import { reminderRoutes } from './reminders.js';

export const deadlinesRoutes = new Hono<DeadlinesEnv>().route('/deadlines', deadlineRoutes).route('/reminders', reminderRoutes).route('/calendar', calendarFeedRoutes);

export const deadlinesOpenRoutes = new Hono<DeadlinesEnv>().route('/calendar.ics', calendarIcsRoutes);
