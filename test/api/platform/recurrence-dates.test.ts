import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { expectProblem } from '../../support/http.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

const dates = (rule: string, start: string, count?: number) => `/api/recurrence/dates?${new URLSearchParams({ rule, start, ...(count ? { count: String(count) } : {}) })}`;

describe('/api/recurrence/dates: a rule’s next dates for the recurrence editor', () => {
  it('lists the dates a series with the rule makes, month ends as the server keeps them', async () => {
    const reply = await h.as.viewer.get(dates('freq=monthly;interval=3', '2026-08-31', 4));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    // 31 August + 3 months is the month's last day, never a skipped November
    expect(reply.body).toEqual({ rule: 'FREQ=MONTHLY;INTERVAL=3', dates: ['2026-08-31', '2026-11-30', '2027-02-28', '2027-05-31'] });
    const evaluation = await h.as.viewer.get(dates('FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1', '2026-12-07', 2));
    expect(evaluation.body.dates).toEqual(['2027-11-30', '2028-11-30']);
    // five by default, and the rule's own end
    expect((await h.as.viewer.get(dates('FREQ=WEEKLY;BYDAY=MO,TH', '2026-12-07'))).body.dates).toEqual(['2026-12-07', '2026-12-10', '2026-12-14', '2026-12-17', '2026-12-21']);
    expect((await h.as.viewer.get(dates('FREQ=DAILY;COUNT=2', '2026-12-07', 12))).body.dates).toEqual(['2026-12-07', '2026-12-08']);
  });

  it('stays bounded: no more than 12 dates, nothing past ten years, a rule that never falls answers no dates at once', async () => {
    expectProblem(await h.as.viewer.get(dates('FREQ=DAILY', '2026-12-07', 13)), 400, 'query.count');
    expect((await h.as.viewer.get(dates('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', '2026-12-07', 12))).body.dates).toEqual([]);
    expect((await h.as.viewer.get(dates('FREQ=MONTHLY;BYMONTHDAY=31;BYSETPOS=2', '2026-12-07', 12))).body.dates).toEqual([]);
    expect((await h.as.viewer.get(dates('FREQ=YEARLY;INTERVAL=9', '2026-12-07', 12))).body.dates).toEqual(['2026-12-07', '2035-12-07']);
  });

  it('refuses a rule it cannot use at the rule, a bad start at the start, and anyone signed out', async () => {
    expectProblem(await h.as.viewer.get(dates('FREQ=BANANA', '2026-12-07')), 400, 'query.rule');
    expectProblem(await h.as.viewer.get(dates('FREQ=DAILY;BYHOUR=9', '2026-12-07')), 400, 'query.rule');
    expectProblem(await h.as.viewer.get(dates('FREQ=DAILY', '2026-02-30')), 400, 'query.start');
    expectProblem(await h.as.viewer.get(dates('FREQ=DAILY'.padEnd(501, ';'), '2026-12-07')), 400, 'query.rule');
    expectProblem(await h.anonymous.get(dates('FREQ=DAILY', '2026-12-07')), 401);
  });

  it('says what is wrong with the rule in the reader’s (account) language', async () => {
    const field = async (language: string) => {
      await h.db.updateTable('users').set({ locale: language }).where('id', '=', h.world.users.viewer.id).execute();
      const reply = await h.as.viewer.get(dates('FREQ=BANANA', '2026-12-07'));
      expect(reply.headers.get('content-language')).toBe(language);
      return (reply.body as { errors: { path: string; code: string; message: string }[] }).errors[0]!;
    };
    const [de, nl, en] = [await field('de'), await field('nl'), await field('en')];
    expect(en).toMatchObject({ path: 'query.rule', code: expect.stringMatching(/^problems_rule_/) });
    expect([de.code, nl.code]).toEqual([en.code, en.code]);
    expect(new Set([en.message, de.message, nl.message]).size).toBe(3);
    expect(en.message).toContain('FREQ');
  });
});
