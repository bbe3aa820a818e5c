/**
 * Permission rows for tasks. Ids are prefixed `task…` so other features'
 * setups cannot overwrite them.
 */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const tasks: PermissionRows = {
  async setup(h) {
    const w = h.world;
    const task = await h.as.officer.post('/api/tasks', { title: 'Matrix task', dueOn: '2026-12-01', partnershipId: w.partnerships.p1, kind: 'next_step' });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    return { task: task.body.id, taskP1: w.partnerships.p1 };
  },
  rows: {
    'GET /api/tasks': { url: () => '/api/tasks', outsider: 'ok', viewer: 'ok', hides: (i) => i.task },
    'POST /api/tasks': { url: () => '/api/tasks', body: (i) => ({ title: 'Matrix', dueOn: '2026-12-24', partnershipId: i.taskP1 }), outsider: 400, viewer: 403 },
    'GET /api/partnerships/:id/task-owners': { url: (i) => `/api/partnerships/${i.taskP1}/task-owners`, outsider: 404, viewer: 403 },
    'GET /api/tasks/follow-up-rate': { url: (i) => `/api/tasks/follow-up-rate?partnershipId=${i.taskP1}&year=2026`, outsider: 404, viewer: 'ok' },
    'GET /api/tasks/:id': { url: (i) => `/api/tasks/${i.task}`, outsider: 404, viewer: 'ok' },
    'PATCH /api/tasks/:id': { url: (i) => `/api/tasks/${i.task}`, body: () => ({ title: 'Renamed' }), outsider: 404, viewer: 403 },
    'DELETE /api/tasks/:id': { url: (i) => `/api/tasks/${i.task}`, outsider: 404, viewer: 403 },
    'POST /api/tasks/:id/complete': { url: (i) => `/api/tasks/${i.task}/complete`, body: () => ({ result: 'Done' }), outsider: 404, viewer: 403 }
  }
};
export default tasks;
