/**
 * Two partners editing the same plan at the same time: the VRRN officer and
 * a PFB officer send hundreds of interleaved PATCHes to the same three
 * items, each from its own (often stale) view, refreshing an item only from
 * its own answers (a write, or the `current` of a 409). Every value sent is
 * unique, so every accepted write makes exactly one new version.
 *
 * Afterwards the history (coedit_revisions) must account for every
 * accepted write — one row each, with its author, base and values — and no
 * accepted write may have been overwritten without a merge or a 409: when
 * a write W at version v changed field f, the next write that changes f
 * started from a base ≥ v, or merged f's paragraphs keeping W's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import type { Client } from '../../support/http.js';
import { newItem, newPlan, pfbOfficer } from '../../support/work-plans.js';
import { seededRandom } from '../../support/random.js';
import { allRows, firstRow } from '../../support/sql.js';

const WRITES_PER_CLIENT = 160;
const PARAGRAPHS = 4;

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());


interface View {
  version: number;
  title: string;
  indicator: string | null;
  targetValue: string | null;
  description: string;
}

interface Accepted {
  who: string;
  userId: string;
  itemId: string;
  base: number;
  version: number;
  sent: Record<string, string>;
  /** for a description write: the paragraph index changed and its text */
  paragraph: { index: number; text: string } | null;
}

interface ClientSpec {
  name: string;
  userId: string;
  client: Client;
  /** plain fields this client edits (title is shared: it conflicts) */
  fields: ('title' | 'indicator' | 'targetValue')[];
  /** paragraphs of the description this client edits (1 and 2 are shared) */
  paragraphs: number[];
}

function viewOf(item: any): View {
  return { version: item.version, title: item.title, indicator: item.indicator, targetValue: item.targetValue, description: item.description ?? '' };
}

describe('two partners editing the same items at once', () => {
  it('keeps every accepted write in the history, and overwrites none without a merge or a 409', async () => {
    const plan = await newPlan(h, 2030);
    const description = Array.from({ length: PARAGRAPHS }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    const items = [await newItem(h, plan.id, { title: 'One', description }), await newItem(h, plan.id, { title: 'Two', description }), await newItem(h, plan.id, { title: 'Three', description })];
    const pfb = await pfbOfficer(h);
    const clients: ClientSpec[] = [
      { name: 'vrrn', userId: h.world.users.officer.id, client: h.as.officer, fields: ['title', 'indicator'], paragraphs: [0, 1, 2] },
      { name: 'pfb', userId: pfb.id, client: pfb.client, fields: ['title', 'targetValue'], paragraphs: [1, 2, 3] }
    ];

    const accepted: Accepted[] = [];
    const conflicts: { who: string; itemId: string; base: number; fields: string[]; currentVersion: number }[] = [];
    const statuses: Record<number, number> = {};

    async function run(spec: ClientSpec, seed: number) {
      const { next } = seededRandom(seed);
      const views = new Map(items.map((item) => [item.id, viewOf({ ...item, description })]));
      for (let n = 0; n < WRITES_PER_CLIENT; n++) {
        const itemId = items[Math.floor(next() * items.length)]!.id;
        const view = views.get(itemId)!;
        const stamp = `${spec.name}-${n}`;
        let sent: Record<string, string>;
        let paragraph: Accepted['paragraph'] = null;
        if (next() < 0.5) {
          const field = spec.fields[Math.floor(next() * spec.fields.length)]!;
          sent = { [field]: `${field} by ${stamp}` };
        } else {
          const index = spec.paragraphs[Math.floor(next() * spec.paragraphs.length)]!;
          const paragraphs = view.description.split('\n\n');
          paragraphs[index] = `Paragraph ${index} by ${stamp}.`;
          paragraph = { index, text: paragraphs[index]! };
          sent = { description: paragraphs.join('\n\n') };
        }
        const reply = await spec.client.patch(`/api/workplans/${plan.id}/items/${itemId}`, sent, { ifMatch: `"${view.version}"` });
        statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
        if (reply.status === 200) {
          accepted.push({ who: spec.name, userId: spec.userId, itemId, base: view.version, version: reply.body.item.version, sent, paragraph });
          views.set(itemId, viewOf(reply.body.item));
        } else if (reply.status === 409) {
          conflicts.push({ who: spec.name, itemId, base: view.version, fields: reply.body.conflicts.map((c: any) => c.field), currentVersion: reply.body.current.version });
          views.set(itemId, viewOf(reply.body.current));
        } else {
          throw new Error(`unexpected ${reply.status}: ${JSON.stringify(reply.body)}`);
        }
      }
    }

    await Promise.all([run(clients[0]!, 17), run(clients[1]!, 42)]);

    // both kinds of outcome happened, and plenty of merges
    expect(statuses[200]! + statuses[409]!).toBe(2 * WRITES_PER_CLIENT);
    expect(statuses[409]).toBeGreaterThan(0);
    const merges = accepted.filter((w) => w.base !== w.version - 1);
    expect(merges.length).toBeGreaterThan(20);
    // a 409 only ever names fields the writer sent, changed since its base
    for (const c of conflicts) {
      expect(c.currentVersion).toBeGreaterThan(c.base);
      expect(c.fields.length).toBeGreaterThan(0);
    }

    const rows = (await allRows(h, "SELECT entity_id, version, action, fields, snapshot, merged_from, actor_id FROM coedit_revisions WHERE entity_type = 'work_plan_item' AND document_id = ? ORDER BY entity_id, version", plan.id)) as { entity_id: string; version: number; action: string; fields: string; snapshot: string; merged_from: number | null; actor_id: string }[];

    let paragraphMergesOverOlderBase = 0;
    for (const item of items) {
      const history = rows.filter((r) => r.entity_id === item.id);
      const writes = accepted.filter((w) => w.itemId === item.id);

      // one row per version, 1..n without gaps; one per accepted write plus the creation
      expect(history.map((r) => r.version)).toEqual(Array.from({ length: history.length }, (_, i) => i + 1));
      expect(history.length).toBe(writes.length + 1);
      expect(new Set(writes.map((w) => w.version)).size).toBe(writes.length);

      // each accepted write is its row: author, base, action and the values it sent
      for (const write of writes) {
        const row = history[write.version - 1]!;
        const snapshot = JSON.parse(row.snapshot);
        expect(row.actor_id).toBe(write.userId);
        expect(row.action).toBe(write.base === write.version - 1 ? 'update' : 'merge');
        expect(row.merged_from).toBe(write.base === write.version - 1 ? null : write.base);
        if (write.paragraph) expect(snapshot.description.split('\n\n')[write.paragraph.index]).toBe(write.paragraph.text);
        else for (const [field, value] of Object.entries(write.sent)) expect(snapshot[field]).toBe(value);
      }

      // nothing overwritten without a merge or a 409
      const snapshots = history.map((r) => JSON.parse(r.snapshot));
      const changedParagraphs = (from: any, to: any) => {
        const a = (from.description ?? '').split('\n\n');
        const b = (to.description ?? '').split('\n\n');
        return b.map((_: string, i: number) => i).filter((i: number) => a[i] !== b[i]);
      };
      for (let v = 2; v <= history.length; v++) {
        const fields: string[] = JSON.parse(history[v - 1]!.fields);
        for (const field of fields) {
          const later = history.slice(v).find((r) => (JSON.parse(r.fields) as string[]).includes(field));
          if (!later) continue;
          const base = later.merged_from ?? later.version - 1;
          if (base >= v) continue;
          // a later write from an older base changed the same field: only a paragraph merge that kept this write's paragraphs may do that
          expect(field, `version ${later.version} of ${item.title} changed ${field} from base ${base}, over version ${v}`).toBe('description');
          paragraphMergesOverOlderBase++;
          const mine = changedParagraphs(snapshots[v - 2], snapshots[v - 1]);
          const theirs = changedParagraphs(snapshots[base - 1], snapshots[later.version - 1]);
          const kept = snapshots[later.version - 1].description.split('\n\n');
          for (const i of mine) {
            expect(theirs.includes(i) && kept[i] !== snapshots[v - 1].description.split('\n\n')[i], `version ${later.version} overwrote paragraph ${i} of version ${v}`).toBe(false);
          }
        }
      }

      // the item as stored is the last version in the history
      const stored = (await h.as.viewer.get(`/api/workplans/${plan.id}/items`)).body.items.find((i: any) => i.id === item.id);
      const last = snapshots.at(-1);
      expect(stored.version).toBe(history.length);
      for (const field of ['title', 'indicator', 'targetValue', 'description']) expect(stored[field]).toEqual(last[field]);
    }

    // the paragraph rule above was put to the test
    expect(paragraphMergesOverOlderBase).toBeGreaterThan(0);

    // the audit trail has every accepted write too (after the three items were added)
    const audited = ((await firstRow(h, "SELECT count(*) AS n FROM audit_events WHERE entity_type = 'work_plan' AND entity_id = ? AND action = 'update'", plan.id)) as { n: number }).n;
    expect(audited).toBe(accepted.length + items.length);
  });
});
