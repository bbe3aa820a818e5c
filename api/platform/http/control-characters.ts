/**
 * Control characters in what a client sends: U+0000–U+001F and U+007F.
 * None of them is text a person typed; NUL in particular breaks full-text
 * search (an FTS syntax error) and whatever reads the stored value later.
 * Tab, line feed and carriage return are text in a JSON body (descriptions,
 * minutes, notes are multi-line) but not in a query string or a path.
 */
import type { FieldError } from './errors.js';
import { words } from './problem-words.js';

const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** a body can hold thousands of strings: name the first few */
const MAX_REPORTED = 20;

/** the first control character in `text`, as U+XXXX */
function codeOf(text: string, pattern: RegExp): string {
  const found = pattern.exec(text)![0];
  return `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A field error for every string (and object key) in `value` that holds a
 * control character; `multiLine` lets tab, line feed and carriage return
 * through. Walks the value without recursion, so any nesting is fine.
 */
export function controlCharacterErrors(value: unknown, { multiLine, prefix = '' }: { multiLine: boolean; prefix?: string }): FieldError[] {
  const pattern = multiLine ? CONTROL_BUT_LINES : ANY_CONTROL;
  const errors: FieldError[] = [];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: prefix }];
  while (pending.length && errors.length < MAX_REPORTED) {
    const { value: item, path } = pending.pop()!;
    if (typeof item === 'string') {
      if (pattern.test(item)) errors.push({ path, ...words('problems_field_controlCharacter', { code: codeOf(item, pattern) }) });
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push({ value: item[i], path: join(path, i) });
    } else if (item !== null && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) {
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i]!;
        if (pattern.test(key)) errors.push({ path: join(path, key), ...words('problems_field_controlCharacterInName', { code: codeOf(key, pattern) }) });
        else pending.push({ value: inner, path: join(path, key) });
      }
    }
  }
  return errors.slice(0, MAX_REPORTED);
}
