import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../api/crm/rules/agreement-dates.js';
import { DUE_SOON_DAYS, stateWindow, taskState } from '../../../api/activities/services/tasks.js';
import type { TaskState } from '../../../api/activities/schemas/tasks.js';

const today = '2026-11-23';

describe('the state of a task on a given day', () => {
  it('is overdue from the day after the due date', () => {
    expect(taskState('open', '2026-11-22', today)).toBe('overdue');
    expect(taskState('open', '2025-01-01', today)).toBe('overdue');
  });

  it('is due on the due date itself and in the seven days before it', () => {
    expect(taskState('open', today, today)).toBe('due');
    expect(taskState('open', '2026-11-30', today)).toBe('due');
    expect(DUE_SOON_DAYS).toBe(7);
  });

  it('is open when the due date is more than seven days away', () => {
    expect(taskState('open', '2026-12-01', today)).toBe('open');
  });

  it('counts calendar days across month, year and leap-day boundaries', () => {
    expect(taskState('open', '2029-01-06', '2028-12-30')).toBe('due');
    expect(taskState('open', '2029-01-07', '2028-12-30')).toBe('open');
    expect(taskState('open', '2028-03-06', '2028-02-28')).toBe('due');
    expect(taskState('open', '2028-03-07', '2028-02-28')).toBe('open');
    expect(taskState('open', '2028-02-29', '2028-03-01')).toBe('overdue');
  });

  it('is done or cancelled as stored, whatever the date', () => {
    expect(taskState('done', '2020-01-01', today)).toBe('done');
    expect(taskState('cancelled', '2020-01-01', today)).toBe('cancelled');
    expect(taskState('done', '2030-01-01', today)).toBe('done');
  });

  it('filters by exactly the dates that give each state (the list filter and the field agree)', () => {
    const states: TaskState[] = ['open', 'due', 'overdue', 'done', 'cancelled'];
    fc.assert(
      fc.property(fc.integer({ min: -40, max: 40 }), fc.constantFrom('open', 'done', 'cancelled' as const), fc.constantFrom(...states), (offset, status, state) => {
        const dueOn = addDays(today, offset);
        const window = stateWindow(state, today);
        const inWindow = window.status === status && (window.dueFrom === undefined || dueOn >= window.dueFrom) && (window.dueTo === undefined || dueOn <= window.dueTo);
        expect(inWindow).toBe(taskState(status, dueOn, today) === state);
      })
    );
  });
});
