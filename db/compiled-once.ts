/**
 * Statements of a fixed shape, built and compiled by Kysely once per
 * database handle, then run with each call's values. Building a query and
 * compiling it to SQL costs about as much CPU as SQLite spends answering a
 * short lookup; for the statements every request runs (who is calling) the
 * SQL text never changes, only the values bound to it.
 *
 * `build` is called once, with stand-ins for its arguments; each argument
 * must reach the SQL as a bound value (compared in a `where`), and the
 * statement's shape must not depend on it (no `if` on an argument). An
 * argument that does not come out as a bound value is refused when the
 * statement is first compiled. The statement still runs through Kysely
 * (`executeQuery`), so it waits for an open transaction as any other; a
 * Kysely plugin would see the query once, when it is compiled (the app
 * uses none).
 */
import type { CompiledQuery, Compilable, Kysely } from 'kysely';
import type { Database } from './schema.js';

type Built<Row> = Compilable<Row>;

interface Kept<Row> {
  compiled: CompiledQuery<Row>;
  /** for each bound value: the argument it is (its index), or -1 for a constant of the statement itself */
  slots: number[];
}

const STAND_IN = '\u0000compiled-once argument ';

export function compiledOnce<Args extends string[], Row>(build: (db: Kysely<Database>, ...args: Args) => Built<Row>) {
  const kept = new WeakMap<Kysely<Database>, Kept<Row>>();

  function compile(db: Kysely<Database>, count: number): Kept<Row> {
    const standIns = Array.from({ length: count }, (_, i) => `${STAND_IN}${i}`);
    const compiled = build(db, ...(standIns as Args)).compile();
    const slots = compiled.parameters.map((value) => (typeof value === 'string' ? standIns.indexOf(value) : -1));
    for (let i = 0; i < count; i++) {
      if (!slots.includes(i)) throw new Error(`compiledOnce: argument ${i} does not reach the SQL as a bound value:\n${compiled.sql}`);
    }
    return { compiled, slots };
  }

  /** The rows of the statement for these values. */
  return async (db: Kysely<Database>, ...args: Args): Promise<Row[]> => {
    let statement = kept.get(db);
    if (!statement) kept.set(db, (statement = compile(db, args.length)));
    const { compiled, slots } = statement;
    const parameters = slots.map((slot, i) => (slot === -1 ? compiled.parameters[i] : args[slot]));
    return (await db.executeQuery<Row>({ ...compiled, parameters })).rows;
  };
}
