/**
 * The sign-in limit per client address behind a reverse proxy, over real
 * HTTP: a listening Node server wired as server.ts wires the API
 * (getRequestListener), and clients connecting from distinct loopback
 * addresses (Linux routes all of 127.0.0.0/8 to the machine): 127.0.0.2 is
 * the trusted reverse proxy (REGIODESK_TRUSTED_PROXIES), 127.0.0.3 a client
 * connecting directly. Each request carries the `X-Forwarded-For` its
 * sender wrote — a proxy's append, or a forgery.
 *
 * Before the setting, every person behind the proxy had the proxy's address,
 * so a few wrong passwords from one locked everyone out for the window; and
 * the header is still never believed from a peer that is not trusted.
 */
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { settingsFrom } from '../../../api/platform/config.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { allRows } from '../../support/sql.js';
import { PASSWORD } from '../../support/world.js';

const PROXY = '127.0.0.2';
const DIRECT = '127.0.0.3';
const LIMIT = 3;

let h: ApiHarness;
let server: Server;
let port: number;

beforeAll(async () => {
  h = await apiHarness();
  // the per-account limit high: these tests are about addresses
  const env = { REGIODESK_TRUSTED_PROXIES: `${PROXY}, 10.30.0.0/16`, REGIODESK_SIGNIN_MAX_PER_ADDRESS: String(LIMIT), REGIODESK_SIGNIN_MAX_PER_ACCOUNT: '1000' };
  server = createServer(getRequestListener(createApp({ db: h.db, settings: settingsFrom(env) }).fetch));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await h.close();
});

/** A sign-in sent from `from` (the connection's local address) with the given X-Forwarded-For. */
function signIn(from: string, forwardedFor: string | null, password = 'not-the-password'): Promise<{ status: number; body: { detail?: string } }> {
  const body = JSON.stringify({ email: 'officer@test.regiodesk.eu', password });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        localAddress: from,
        method: 'POST',
        path: '/api/auth/sign-in',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(forwardedFor === null ? {} : { 'X-Forwarded-For': forwardedFor }) }
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : {} }));
      }
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function failTimes(n: number, from: string, forwardedFor: string | null): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await signIn(from, forwardedFor)).status);
  return statuses;
}

const failuresCountedFor = async (address: string) => (await allRows(h, 'SELECT key FROM sign_in_failures WHERE key = ?', `address:${address}`)).length;

describe('sign-in limits behind a trusted reverse proxy (REGIODESK_TRUSTED_PROXIES)', () => {
  it('count each person behind the proxy by the address the proxy forwards for', async () => {
    expect(await failTimes(LIMIT, PROXY, '198.51.100.7')).toEqual([401, 401, 401]);
    const limited = await signIn(PROXY, '198.51.100.7', PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.detail).toBe('Too many failed sign-ins. Wait a few minutes before trying again.');
    // another person behind the same proxy is not locked out, and signs in
    expect(await failTimes(1, PROXY, '198.51.100.8')).toEqual([401]);
    expect((await signIn(PROXY, '198.51.100.8', PASSWORD)).status).toBe(200);
    expect(await failuresCountedFor('198.51.100.7')).toBe(LIMIT);
    expect(await failuresCountedFor(PROXY)).toBe(0);
    // the session records the person's address, not the proxy's
    expect(await allRows(h, 'SELECT ip FROM sessions WHERE ip = ?', '198.51.100.8')).toHaveLength(1);
  });

  it('believe only what the trusted proxies appended: an address the client put in front is not read', async () => {
    // the locked-out person sends a made-up address first; the proxy appends the real one
    expect((await signIn(PROXY, '203.0.113.50, 198.51.100.7', PASSWORD)).status).toBe(429);
    expect(await failuresCountedFor('203.0.113.50')).toBe(0);
    // through a chain of trusted proxies (10.30.0.0/16 in front of the proxy), the address the first one saw
    expect((await signIn(PROXY, '203.0.113.51, 198.51.100.7, 10.30.4.5', PASSWORD)).status).toBe(429);
    expect((await signIn(PROXY, '198.51.100.9, 10.30.4.5', PASSWORD)).status).toBe(200);
    expect(await allRows(h, 'SELECT ip FROM sessions WHERE ip = ?', '198.51.100.9')).toHaveLength(1);
  });

  it('ignore X-Forwarded-For from a peer that is not a trusted proxy: its own address counts, whatever it claims', async () => {
    const forged = ['198.51.100.20', '198.51.100.21', `198.51.100.22, ${PROXY}`];
    for (const header of forged) expect((await signIn(DIRECT, header)).status).toBe(401);
    // locked out under its own address, however it varies the header, and without one
    expect((await signIn(DIRECT, '198.51.100.23', PASSWORD)).status).toBe(429);
    expect((await signIn(DIRECT, null, PASSWORD)).status).toBe(429);
    expect(await failuresCountedFor(DIRECT)).toBe(LIMIT);
    for (const address of ['198.51.100.20', '198.51.100.21', '198.51.100.22', '198.51.100.23']) expect(await failuresCountedFor(address)).toBe(0);
    // nor does a forgery naming a locked-out person lock anyone out: 198.51.100.8 is counted as before, from the proxy
    expect((await signIn(PROXY, '198.51.100.8', PASSWORD)).status).toBe(200);
  });
});
