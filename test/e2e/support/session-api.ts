/**
 * The API called with a browser context's session, as a browser test checks
 * what the pages stored: GET answers JSON or fails the test unless 200;
 * POST sends JSON from the app's own origin (cookie-authenticated writes
 * must carry it) and fails the test unless 201.
 */
import type { BrowserContext } from 'playwright-core';
import { expect } from 'vitest';

/** GET an API path with the context's session and return its JSON (failing on anything but 200). */
export async function apiGet<T>(context: BrowserContext, origin: string, path: string): Promise<T> {
  const response = await context.request.get(`${origin}${path}`);
  expect(response.status(), `GET ${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/** POST JSON with the context's session, from the app's own origin as the API demands of cookie-authenticated writes. */
export async function apiPost<T>(context: BrowserContext, origin: string, path: string, data: unknown): Promise<T> {
  const response = await context.request.post(`${origin}${path}`, { data, headers: { Origin: origin } });
  expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(201);
  return (await response.json()) as T;
}
