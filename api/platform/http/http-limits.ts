/**
 * Limits of the HTTP server itself, answered as problem+json like every
 * other refusal (Node's own parser answers a bare 431 without a body).
 *
 * - A request target (path and query) longer than MAX_URL_BYTES gets 414
 *   URI Too Long, checked before anything else reads the request.
 * - Node's parser refuses a request whose request line and headers pass its
 *   limit (16 KB by default, `--max-http-header-size`) before any listener
 *   sees it; its `clientError` then answers 414 when the request line alone
 *   is too long (a URL longer than that limit) and 431 Request Header Fields
 *   Too Large otherwise. Any other request Node cannot parse gets 400.
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { pickLocale } from '../../../i18n/locales.js';
import { Problem, words } from './errors.js';

/** the longest request target (path and query) the server reads */
export const MAX_URL_BYTES = 8 * 1024;

export function uriTooLong(max = MAX_URL_BYTES): Problem {
  return new Problem(414, 'URI too long', words('problems_uriTooLong', { max }), { errors: [{ path: 'url', ...words('problems_field_atMostBytes', { max }) }] });
}

export function headersTooLarge(): Problem {
  return new Problem(431, 'Request header fields too large', words('problems_headersTooLarge'), { errors: [{ path: 'headers', ...words('problems_field_tooLarge') }] });
}

function malformed(): Problem {
  return new Problem(400, 'Bad request', words('problems_notHttp'), { errors: [] });
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' };

/** The whole HTTP/1.1 answer for a problem, for a socket no response object was made for. */
function rawAnswer(problem: Problem): string {
  const body = JSON.stringify(problem.toJSON());
  return [
    `HTTP/1.1 ${problem.status} ${REASONS[problem.status] ?? 'Error'}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body
  ].join('\r\n');
}

/** Wraps the server's request listener: a request target over `max` bytes is answered 414 without reaching it. */
export function limitUrlLength(listener: RequestListener, max = MAX_URL_BYTES): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (Buffer.byteLength(req.url ?? '') > max) {
      const problem = uriTooLong(max);
      const locale = pickLocale(undefined, req.headers['accept-language'] ?? null);
      res.writeHead(problem.status, { 'Content-Type': 'application/problem+json', 'Content-Language': locale, Connection: 'close' });
      res.end(JSON.stringify(problem.toJSON(locale)));
      return;
    }
    listener(req, res);
  };
}

/** Whether the bytes Node failed on show a request line with no end in sight: the URL, not the headers, is too long. */
function requestLineTooLong(raw: Buffer | undefined, max: number): boolean {
  if (!raw?.length) return false;
  const end = raw.indexOf('\r\n');
  const line = end === -1 ? raw.length : end;
  return /^[A-Z]+ /.test(raw.subarray(0, 16).toString('latin1')) && line > max;
}

/** What a request Node could not parse is answered with, from the parser's error. */
export function clientErrorProblem(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, max = MAX_URL_BYTES): Problem | null {
  if (error.code === 'HPE_HEADER_OVERFLOW') return requestLineTooLong(error.rawPacket, max) ? uriTooLong(max) : headersTooLarge();
  if (error.code === 'HPE_URI_TOO_LONG') return uriTooLong(max);
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new Problem(408, 'Request timeout', words('problems_requestTimeout'), { errors: [] });
  if (error.code?.startsWith('HPE_')) return malformed();
  return null;
}

/** Answers requests Node's parser refuses (see the header) as problem+json instead of Node's bare status line. */
export function answerClientErrors(server: Server, max = MAX_URL_BYTES): void {
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    const problem = clientErrorProblem(error, max);
    // a reset connection or one already answered has nobody to read an answer
    if (!problem || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(rawAnswer(problem));
  });
}
