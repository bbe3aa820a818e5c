/**
 * The headers of every answer SvelteKit gives (pages, their data requests,
 * redirects, error pages): the front headers the API carries too
 * ($api/platform/http/security-headers.ts) and `no-store`, since pages behind sign-in show
 * personal data and the public ones (sign-in, personal feedback and
 * invitation links) gain nothing from a cache. The Content-Security-Policy
 * is SvelteKit's own (`kit.csp` in svelte.config.js). The built files under
 * /_app and static/ never reach SvelteKit's hooks: server.ts gives them the
 * front headers.
 */
import { settingsFrom } from '$api/platform/config.js';
import { frontHeaders, hardenAnswer } from '$api/platform/http/security-headers.js';

let front: Record<string, string> | null = null;

/** The headers for the public origin this process was started with (REGIODESK_PUBLIC_ORIGIN), read once. */
export function pageFrontHeaders(): Record<string, string> {
  return (front ??= frontHeaders(settingsFrom(process.env).publicOrigin));
}

export function hardenPage(response: Response): Response {
  hardenAnswer(response.headers, pageFrontHeaders());
  return response;
}
