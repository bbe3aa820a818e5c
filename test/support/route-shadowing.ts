/**
 * Which route answers a request first. Hono runs a request's handlers in
 * the order they were registered, so a route whose pattern also matches a
 * later route's path (`GET /calls/:id` mounted before `GET /calls/watched`)
 * answers for it, and the later route is never reached. For every route the
 * app serves, `shadowedRoutes` builds a concrete path (each parameter
 * replaced by a sample value that fits its pattern) and asks the app's own
 * router which route answers that path first.
 */
import type { Hono } from 'hono';
import { routeList } from './routes.js';

/** Values tried, in order, for a parameter; the first that fits the parameter's pattern is used. */
const SAMPLE_VALUES = ['sample-id', 'sample-id.docx', '2027'];

/** A parameter as Hono writes it: `:id`, `:file{[\w-]+\.docx}` (one level of braces inside), `:id?`, or the wildcard `*`. */
const PARAMETER = /:\w+(?:\{((?:[^{}]|\{[^{}]*\})*)\})?\??|\*/g;

function sampleValue(pattern: string | undefined, route: string): string {
  if (pattern === undefined) return SAMPLE_VALUES[0];
  const fits = new RegExp(`^(?:${pattern})$`);
  const value = SAMPLE_VALUES.find((v) => fits.test(v));
  if (!value) throw new Error(`No sample value fits the parameter {${pattern}} of ${route}: add one to SAMPLE_VALUES in test/support/route-shadowing.ts.`);
  return value;
}

/** `/api/workplans/:id/items/:itemId` → `/api/workplans/sample-id/items/sample-id`; `/api/workplans/:file{[\w-]+\.docx}` → `/api/workplans/sample-id.docx` */
export function samplePath(route: string): string {
  return route.replace(PARAMETER, (_whole, pattern: string | undefined) => sampleValue(pattern, route));
}

type AnyApp = Pick<Hono<any, any, any>, 'routes' | 'router'>;

/** The method and path of the route that answers `method path` first (middleware, registered as ALL, passes requests on and is left out). */
export function firstAnswering(app: AnyApp, method: string, path: string): string | null {
  const [matches] = app.router.match(method, path);
  for (const [[, route]] of matches) if (route.method !== 'ALL') return `${route.method} ${route.path}`;
  return null;
}

/** One sentence per route that a route registered before it answers for; none when every route is reached. */
export function shadowedRoutes(app: AnyApp): string[] {
  const shadowed: string[] = [];
  for (const { method, path } of routeList(app)) {
    const concrete = samplePath(path);
    const answering = firstAnswering(app, method, concrete);
    if (answering === null) shadowed.push(`${method} ${path} is never reached: no route answers ${method} ${concrete}.`);
    else if (answering !== `${method} ${path}`) shadowed.push(`${method} ${path} is never reached: ${answering}, registered before it, answers ${method} ${concrete} first.`);
  }
  return shadowed;
}
