import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyDeadlineChange, notifyWatchers } from '../../../api/funding/services/notifications.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { allPages } from '../../support/crm.js';
import { insertCallDirect } from '../../support/calls-direct.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';

const NOW = '2026-11-23T10:00:00Z';

let h: ClockedHarness;
beforeAll(async () => {
  h = await clockedHarness(NOW);
});
afterAll(() => h.close());

const texts = (items: { text: string }[]) => items.map((n) => n.text);

describe('notifyWatchers', () => {
  it('tells every watcher of the call, in the app and (for those who take email) by a queued email, and nobody else', async () => {
    const call = await insertCallDirect(h.db, { identifier: 'LIFE-2027-SAP-ENV', deadlines: [{ at: '2027-04-20T15:00:00Z' }] });
    await h.as.officer.put(`/api/calls/${call.id}/watch`);
    await h.as.viewer.put(`/api/calls/${call.id}/watch`);
    await h.db.insertInto('reminder_settings').values({ user_id: h.world.users.viewer.id, email: 0 }).onConflict((oc) => oc.column('user_id').doUpdateSet({ email: 0 })).execute();

    const told = await h.db.transaction().execute((trx) => notifyWatchers(trx, call.id, 'The deadline changed from 20 Apr to 27 Apr.', `/calls/${call.id}`, 'deadline_changed', '2026-11-23T09:00:00.000Z'));
    expect(told).toBe(2);

    const officer = await h.as.officer.get('/api/notifications');
    expect(officer.status).toBe(200);
    expect(officer.body.items[0]).toEqual({
      id: expect.any(String),
      kind: 'deadline_changed',
      text: 'The deadline changed from 20 Apr to 27 Apr.',
      link: `/calls/${call.id}`,
      createdAt: '2026-11-23T09:00:00.000Z',
      readAt: null,
      email: 'pending'
    });
    expect((await h.as.viewer.get('/api/notifications')).body.items[0]).toMatchObject({ kind: 'deadline_changed', email: null });
    expect((await h.as.editor.get('/api/notifications')).body.items).toEqual([]);
  });

  it('is part of the caller’s transaction: rolled back with it', async () => {
    const call = await insertCallDirect(h.db, {});
    await h.as.editor.put(`/api/calls/${call.id}/watch`);
    await expect(
      h.db.transaction().execute(async (trx) => {
        await notifyWatchers(trx, call.id, 'Never told', null);
        throw new Error('the import failed');
      })
    ).rejects.toThrow('the import failed');
    expect(texts((await h.as.editor.get('/api/notifications')).body.items)).not.toContain('Never told');
  });

  it('words a deadline change in the zone the deadline was published in, stage by stage', async () => {
    const call = await insertCallDirect(h.db, { identifier: 'HORIZON-CL6-2027-01', title: 'Soil health', deadlines: [{ at: '2027-02-18T16:00:00Z' }] });
    await h.as.editor.put(`/api/calls/${call.id}/watch`);
    const before = [{ position: 0, label: null, at: '2027-02-18T16:00:00.000Z', timeZone: 'Europe/Brussels' }];
    const after = [{ position: 0, label: null, at: '2027-04-08T15:00:00.000Z', timeZone: 'Europe/Brussels' }];
    expect(await h.db.transaction().execute((trx) => notifyDeadlineChange(trx, call.id, before, before))).toBe(0);
    expect(await h.db.transaction().execute((trx) => notifyDeadlineChange(trx, call.id, before, after))).toBe(1);
    const latest = (await h.as.editor.get('/api/notifications?limit=1')).body.items[0];
    // 16:00Z in February is 17:00 in Brussels (CET); 15:00Z in April is 17:00 too (CEST)
    expect(latest.text).toBe('HORIZON-CL6-2027-01 “Soil health”: The deadline changed from Thu 18 Feb 2027, 17:00 Brussels time to Thu 8 Apr 2027, 17:00 Brussels time.');

    const twoStages = [
      { position: 0, label: 'Stage 1', at: '2027-01-14T16:00:00.000Z', timeZone: 'Europe/Brussels' },
      { position: 1, label: 'Stage 2', at: '2027-05-06T15:00:00.000Z', timeZone: 'Europe/Brussels' }
    ];
    await h.db.transaction().execute((trx) => notifyDeadlineChange(trx, call.id, twoStages, [twoStages[0]!, { ...twoStages[1]!, at: '2027-05-20T15:00:00.000Z' }]));
    expect((await h.as.editor.get('/api/notifications?limit=1')).body.items[0].text).toBe(
      'HORIZON-CL6-2027-01 “Soil health”: The deadline “Stage 2” changed from Thu 6 May 2027, 17:00 Brussels time to Thu 20 May 2027, 17:00 Brussels time.'
    );
  });
});

describe('/api/notifications', () => {
  it('lists the caller’s own, newest first, pages through them and counts the unread ones', async () => {
    const call = await insertCallDirect(h.db, {});
    await h.as.admin.put(`/api/calls/${call.id}/watch`);
    for (const [i, text] of ['first', 'second', 'third'].entries()) {
      await h.db.transaction().execute((trx) => notifyWatchers(trx, call.id, text, null, 'deadline_changed', `2026-11-2${i}T08:00:00.000Z`));
    }
    const list = await h.as.admin.get('/api/notifications');
    expect(texts(list.body.items)).toEqual(['third', 'second', 'first']);
    expect(list.body.unreadCount).toBe(3);
    // the header's bell reads the same count from `me`, with no second request
    expect((await h.as.admin.get('/api/auth/me')).body.unreadNotifications).toBe(3);
    const editors = (await h.as.editor.get('/api/notifications')).body.unreadCount;
    expect((await h.as.editor.get('/api/auth/me')).body.unreadNotifications).toBe(editors);
    const paged = await allPages(h.as.admin, '/api/notifications?limit=2');
    expect(paged.pages).toBe(2);
    expect(texts(paged.items)).toEqual(['third', 'second', 'first']);
  });

  it('marks one read (the first reading time stays), then all, and lists only the unread when asked', async () => {
    const list = await h.as.admin.get('/api/notifications');
    const second = list.body.items[1];
    const read = await h.as.admin.post(`/api/notifications/${second.id}/read`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toMatchObject({ id: second.id, text: 'second', readAt: NOW.replace('Z', '.000Z') });
    h.setNow('2026-11-23T11:00:00Z');
    expect((await h.as.admin.post(`/api/notifications/${second.id}/read`)).body.readAt).toBe('2026-11-23T10:00:00.000Z');

    const unread = await h.as.admin.get('/api/notifications?unread=true');
    expect(texts(unread.body.items)).toEqual(['third', 'first']);
    expect(unread.body.unreadCount).toBe(2);
    expect((await h.as.admin.get('/api/auth/me')).body.unreadNotifications).toBe(2);

    const all = await h.as.admin.post('/api/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ marked: 2, unreadCount: 0 });
    expect((await h.as.admin.get('/api/notifications?unread=true')).body.items).toEqual([]);
    expect((await h.as.admin.get('/api/auth/me')).body.unreadNotifications).toBe(0);
    expect((await h.as.admin.post('/api/notifications/read-all')).body).toEqual({ marked: 0, unreadCount: 0 });
    h.setNow(NOW);
  });

  it('answers 404 for someone else’s notification, exactly as for a missing one, and changes nothing', async () => {
    const mine = (await h.as.officer.get('/api/notifications')).body.items[0];
    const before = await tableCounts(h);
    const foreign = await h.as.editor.post(`/api/notifications/${mine.id}/read`);
    const missing = await h.as.editor.post('/api/notifications/00000000-0000-7000-8000-000000000000/read');
    expectProblem(foreign, 404);
    expect(foreign.body).toEqual(missing.body);
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.officer.get('/api/notifications')).body.items[0].readAt).toBeNull();
    // read-all marks only the caller's own
    await h.as.editor.post('/api/notifications/read-all');
    expect((await h.as.officer.get('/api/notifications')).body.unreadCount).toBeGreaterThan(0);
  });

  it('refuses bad query fields with the field named', async () => {
    expectProblem(await h.as.admin.get('/api/notifications?unread=maybe'), 400, 'query.unread');
    expectProblem(await h.as.admin.get('/api/notifications?limit=500'), 400, 'query.limit');
    expectProblem(await h.as.admin.get('/api/notifications?colour=red'), 400, 'query.colour');
  });
});
