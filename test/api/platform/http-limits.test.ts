/**
 * Over-long URLs and headers get problem+json 414 / 431 from a real listening
 * Node HTTP server wired as server.ts wires it (the API app behind
 * limitUrlLength, answerClientErrors on the server), over real sockets.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientErrors, limitUrlLength, MAX_URL_BYTES } from '../../../api/platform/http/http-limits.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';

let h: ApiHarness;
let server: Server;
let port: number;

beforeAll(async () => {
  h = await apiHarness();
  server = createServer(limitUrlLength(getRequestListener(h.app.fetch)));
  answerClientErrors(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await h.close();
});

interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `request` as raw bytes and reads the whole answer until the server closes the connection. */
async function send(request: string): Promise<RawReply> {
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  // the server may answer and close before every byte is written: that is the point
  socket.on('error', () => {});
  await once(socket, 'connect');
  // written, not ended: a client that half-closes before the answer gets none from Node once the app awaits I/O
  // (its request is aborted); every request here says Connection: close, so the server closes when it has answered
  socket.write(request);
  await once(socket, 'close');
  const text = Buffer.concat(chunks).toString('utf8');
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  let body = rest.join('\r\n\r\n');
  if (headers['transfer-encoding'] === 'chunked') body = body.replace(/^[0-9a-f]+\r\n/i, '').replace(/\r\n0\r\n\r\n$/, '').replace(/\r\n$/, '');
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

function expectProblemAnswer(reply: RawReply, status: number, title: RegExp) {
  expect(reply.status, reply.body).toBe(status);
  expect(reply.headers['content-type']).toBe('application/problem+json');
  const problem = JSON.parse(reply.body);
  expect(problem).toMatchObject({ status, title: expect.stringMatching(title), detail: expect.any(String) });
  expect(problem.detail.length).toBeGreaterThan(30);
  return problem;
}

describe('the HTTP server’s own limits', () => {
  it('answers a request within the limits as usual', async () => {
    const reply = await send(`GET /api/health?pad=${'x'.repeat(MAX_URL_BYTES - 200)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    expect(reply.status, reply.body).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ status: 'ok' });
  });

  it('answers a URL over 8 KB (under Node’s header limit) with 414 problem+json, before the app sees it', async () => {
    const reply = await send(`GET /api/organisations?q=${'a'.repeat(MAX_URL_BYTES + 1)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    const problem = expectProblemAnswer(reply, 414, /URI too long/);
    expect(problem.detail).toContain(`${MAX_URL_BYTES} bytes`);
  });

  it('answers a URL over Node’s 16 KB header limit with 414 problem+json, not a bare 431', async () => {
    const reply = await send(`GET /api/search?q=${'a'.repeat(40 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expectProblemAnswer(reply, 414, /URI too long/);
  });

  it('answers headers over Node’s limit with 431 problem+json', async () => {
    const reply = await send(`GET /api/health HTTP/1.1\r\nHost: localhost\r\nCookie: ${'c=1; '.repeat(8 * 1024)}\r\nX-Other: yes\r\n\r\n`);
    const problem = expectProblemAnswer(reply, 431, /Request header fields too large/);
    expect(problem.detail).toMatch(/headers/);
  });

  it('answers bytes that are no HTTP request with 400 problem+json', async () => {
    const reply = await send('HELLO THERE\r\n\r\n');
    expectProblemAnswer(reply, 400, /Bad request/);
  });
});
