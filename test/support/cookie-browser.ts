/**
 * A browser made of fetch: one cookie jar per origin, redirects followed by
 * hand across origins — RegioDesk's app (its requests go through
 * `app.request`, as the API tests' do) and any real server (an OpenID
 * provider on a local port, through `fetch`). Enough to walk a sign-in
 * through a provider's login form with real HTTP.
 */
import type { App } from '../../api/app.js';

export interface Visit {
  status: number;
  url: string;
  location: string | null;
  body: string;
}

export class CookieBrowser {
  /** origin → cookie name → value */
  private readonly jars = new Map<string, Map<string, string>>();
  /** every address visited, in order */
  readonly visited: string[] = [];

  constructor(
    private readonly app: App,
    private readonly appOrigin: string
  ) {}

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    this.jarOf(origin).set(name, value);
  }

  private jarOf(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  /** One request, no redirect followed; the answer's cookies are kept (an expired or empty one is dropped). */
  async request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Visit> {
    const target = new URL(url);
    const jar = this.jarOf(target.origin);
    const headers: Record<string, string> = { ...init.headers };
    if (jar.size) headers.Cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    this.visited.push(target.href);
    const response =
      target.origin === this.appOrigin
        ? await this.app.request(target.href, { method: init.method ?? 'GET', headers, body: init.body })
        : await fetch(target, { method: init.method ?? 'GET', headers, body: init.body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('Location');
    return { status: response.status, url: target.href, location: location ? new URL(location, target).href : null, body: await response.text() };
  }

  /** Follows redirects (across origins) until an answer that is not one, or one leaving for `stopAt` (not requested). */
  async follow(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}, stopAt?: (url: string) => boolean): Promise<Visit> {
    let visit = await this.request(url, init);
    for (let hops = 0; visit.location && [301, 302, 303, 307, 308].includes(visit.status); hops++) {
      if (hops > 20) throw new Error(`Too many redirects from ${url}`);
      if (stopAt?.(visit.location)) return visit;
      visit = await this.request(visit.location);
    }
    return visit;
  }

  /**
   * Submits a form of `page` — the first holding `formWith` (by default the
   * first naming every field of `values`) — with `values` over its hidden
   * inputs, and follows where it leads.
   */
  async submitForm(page: Visit, values: Record<string, string>, { formWith, stopAt }: { formWith?: string; stopAt?: (url: string) => boolean } = {}): Promise<Visit> {
    const forms = [...page.body.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)].map((m) => m[0]);
    const form = forms.find((f) => (formWith ? f.includes(formWith) : Object.keys(values).every((name) => f.includes(`name="${name}"`))));
    if (!form) throw new Error(`No form with ${formWith ?? Object.keys(values).join(', ')} on ${page.url}:\n${page.body.slice(0, 2000)}`);
    const action = new URL(/action="([^"]*)"/.exec(form)?.[1]?.replace(/&amp;/g, '&') ?? page.url, page.url).href;
    const fields = new URLSearchParams();
    for (const input of form.matchAll(/<input\b[^>]*>/gi)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      if (name && /type="hidden"/.test(input[0])) fields.set(name, value);
    }
    for (const [name, value] of Object.entries(values)) fields.set(name, value);
    return this.follow(action, { method: 'POST', body: fields.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, stopAt);
  }
}
