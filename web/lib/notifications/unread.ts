/** How many unread notifications the caller has, for the header; null when that cannot be known right now. */
import { type ApiClient, read } from '$lib/api/client.js';

export async function unreadCount(api: ApiClient): Promise<number | null> {
  try {
    return (await read(await api.notifications.$get({ query: { unread: 'true', limit: '1' } }))).unreadCount;
  } catch {
    // the header must never break a page: without the count it shows the plain link
    return null;
  }
}
