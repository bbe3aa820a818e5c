/**
 * Problems speak through the catalogue (api/platform/http/problem-words.ts):
 * no `new <Problem>('an English sentence')` in the API's sources. Files not
 * converted yet are listed here by name (NotFound takes a typed thing, checked by the type check); the list only shrinks (a listed
 * file that no longer has one fails too, so it is taken off).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

const PROBLEMS = ['Problem', 'ValidationFailed', 'Unauthorized', 'Forbidden', 'Conflict', 'PreconditionFailed', 'PreconditionRequired', 'TooManyRequests', 'InternalError', 'RuleProblem', 'RecurrenceProblem'];
/** `new Forbidden('…'`, `new Problem(410, 'Gone', '…'` (the detail after status and title), an English field message `{ path: …, message: '…' }` */
const ENGLISH = [
  new RegExp(`new (${PROBLEMS.join('|')})\\(\\s*(?:\`|['"](?!problems_))`),
  /new Problem\(\s*\d+,\s*'[^']*',\s*[`'"]/,
  /\bmessage: [`'"][A-Z`]/,
  /\berror: [`'"][A-Z`]/
];

/** files that still put English sentences in problems: to be converted, then taken off */
const NOT_YET: string[] = [];

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('the API’s problems', () => {
  it('name a catalogue message, never an English sentence', () => {
    const english = sources('api').filter((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return ENGLISH.some((pattern) => pattern.test(text));
    });
    expect(english.filter((file) => !NOT_YET.includes(file)), 'files with an English problem').toEqual([]);
    expect(NOT_YET.filter((file) => !english.includes(file)), 'converted: take them off NOT_YET').toEqual([]);
  });
});
