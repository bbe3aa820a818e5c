/** The app's own route list (method + path), as Hono registered it. */
import type { RouterRoute } from 'hono/types';

export interface RouteKey {
  method: string;
  path: string;
}

export function routeList(app: { routes: RouterRoute[] }): RouteKey[] {
  const seen = new Set<string>();
  const out: RouteKey[] = [];
  for (const r of app.routes) {
    if (r.method === 'ALL') continue; // middleware
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path: r.path });
  }
  return out;
}

/** `/api/regions/:id` → `/api/regions/{id}` as in OpenAPI; a parameter's pattern goes (`:file{[\w-]+\.docx}` → `{file}`) */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
}
