/**
 * A row that must exist and is gone (db/row-missing.ts): the repositories'
 * must-exist reads throw RowMissing, and the app's onError answers it as the
 * 404 a missing record gets everywhere else. Marking a notification read
 * reads it back in the same transaction with such a read; a trigger plays the
 * other writer that removes the row between the update and the read-back.
 */
import { runSql } from '../../support/sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { insertNotifications } from '../../../db/platform/notifications.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { expectProblem } from '../../support/http.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

async function unreadNotification(): Promise<string> {
  const id = newId();
  await insertNotifications(h.db, [
    { id, user_id: h.world.users.officer.id, kind: 'deadline_changed', text: 'The deadline moved.', link: null, created_at: '2026-11-23T09:00:00.000Z', read_at: null, email_status: null, email_error: null, emailed_at: null, dedupe_key: null }
  ]);
  return id;
}

const readAtOf = (id: string) => h.db.selectFrom('notifications').select('read_at').where('id', '=', id).executeTakeFirst();

/** The notification `id` is removed in the same statement that marks it read (a trigger on either engine), as a concurrent delete would. */
async function vanishesOnRead(id: string): Promise<{ undo(): Promise<void> }> {
  if (h.engine === 'postgres') {
    await runSql(h, `CREATE FUNCTION notification_vanishes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM notifications WHERE id = NEW.id; RETURN NULL; END $$`);
    await runSql(h, `CREATE TRIGGER notification_vanishes AFTER UPDATE OF read_at ON notifications FOR EACH ROW WHEN (NEW.id = '${id}') EXECUTE FUNCTION notification_vanishes()`);
    return {
      async undo() {
        await runSql(h, 'DROP TRIGGER notification_vanishes ON notifications');
        await runSql(h, 'DROP FUNCTION notification_vanishes()');
      }
    };
  }
  h.sqlite.exec(`CREATE TRIGGER notification_vanishes AFTER UPDATE OF read_at ON notifications WHEN NEW.id = '${id}' BEGIN DELETE FROM notifications WHERE id = NEW.id; END`);
  return { undo: async () => void h.sqlite.exec('DROP TRIGGER notification_vanishes') };
}

describe('a row that must exist and is gone', () => {
  it('answers 404 in problem+json, as a missing record does everywhere, and saves nothing', async () => {
    const id = await unreadNotification();
    const vanishing = await vanishesOnRead(id);
    const reply = await h.as.officer.post(`/api/notifications/${id}/read`).finally(vanishing.undo);

    expectProblem(reply, 404);
    expect(reply.body).toEqual({ type: 'https://regiodesk.eu/problems/not-found', title: 'Not found', status: 404, code: 'problems_notFound_notification', params: {}, detail: 'No notification with this id.', errors: [] });
    // the same words as for an id that never existed (the service's own NotFound)
    expect(reply.body).toEqual((await h.as.officer.post(`/api/notifications/${newId()}/read`)).body);
    // the transaction rolled back: the update and the removal with it
    expect(await readAtOf(id)).toEqual({ read_at: null });
  });

  it('is the vanishing row that answers 404: the same request without it marks the notification read', async () => {
    const id = await unreadNotification();
    const reply = await h.as.officer.post(`/api/notifications/${id}/read`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ id, readAt: expect.any(String) });
    expect((await readAtOf(id))?.read_at).toBe(reply.body.readAt);
  });
});
