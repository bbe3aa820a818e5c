import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../../../api/platform/config.js';

describe('REGIODESK_PROCESSES', () => {
  it('is one process unless told otherwise, a whole number when given, one per core with auto', () => {
    expect(settingsFrom({}).processes).toBe(1);
    expect(settingsFrom({ REGIODESK_PROCESSES: '3' }).processes).toBe(3);
    expect(settingsFrom({ REGIODESK_PROCESSES: 'auto' }).processes).toBe(Math.min(availableParallelism(), 32));
    expect(settingsFrom({ REGIODESK_PROCESSES: 'AUTO' }).processes).toBe(Math.min(availableParallelism(), 32));
  });

  it('refuses anything else with a sentence naming the variable', () => {
    for (const bad of ['0', '-1', '2.5', 'many', '33']) {
      expect(() => settingsFrom({ REGIODESK_PROCESSES: bad })).toThrow(/REGIODESK_PROCESSES .*auto or a whole number of processes from 1 to 32/);
    }
  });
});
