/**
 * The readable difference between two states of a work plan (an adopted
 * revision and a later one, or the plan as it stands): items added,
 * removed, changed (field by field, long text word by word with jsdiff)
 * or only moved, and the introduction word by word. Pure.
 */
import { diffArrays, diffWords } from 'diff';
import { WORK_PLAN_ITEM_FIELDS, type WorkPlanDetail, type WorkPlanDiff } from '../schemas/work-plans.js';

type PlanState = Pick<WorkPlanDetail, 'introduction' | 'items'>;
type Piece = WorkPlanDiff['introduction'] extends (infer P)[] | null ? P : never;

const WORDED = new Set(['title', 'description', 'indicator', 'targetValue']);

/** Word pieces from one text to another; null when they are the same. */
export function wordDiff(before: string | null, after: string | null): Piece[] | null {
  if ((before ?? '') === (after ?? '')) return null;
  return diffWords(before ?? '', after ?? '').map((change) => ({ text: change.value, change: change.added ? 'added' : change.removed ? 'removed' : 'same' }));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The difference of the content; the service adds the amendments in between. */
export function diffPlans(from: PlanState, to: PlanState, numbers: { from: number; to: number | null }): Omit<WorkPlanDiff, 'amendments'> {
  const before = new Map(from.items.map((item) => [item.id, item]));
  const after = new Map(to.items.map((item) => [item.id, item]));
  const commonBefore = from.items.filter((i) => after.has(i.id)).map((i) => i.id);
  const commonAfter = to.items.filter((i) => before.has(i.id)).map((i) => i.id);
  // the items off the longest run kept in order are the ones that moved
  const moved = new Set(diffArrays(commonBefore, commonAfter).flatMap((part) => (part.added ? part.value : [])));
  const items: WorkPlanDiff['items'] = [];

  for (const item of to.items) {
    const old = before.get(item.id);
    if (!old) {
      items.push({ itemId: item.id, title: item.title, change: 'added', fields: [] });
      continue;
    }
    const fields = WORK_PLAN_ITEM_FIELDS.filter((field) => !same(old[field], item[field])).map((field) => ({
      field,
      before: old[field] ?? null,
      after: item[field] ?? null,
      words: WORDED.has(field) ? wordDiff(old[field] as string | null, item[field] as string | null) : null
    }));
    if (fields.length) items.push({ itemId: item.id, title: item.title, change: 'changed', fields });
    else if (moved.has(item.id)) items.push({ itemId: item.id, title: item.title, change: 'moved', fields: [] });
  }
  for (const item of from.items) {
    if (!after.has(item.id)) items.push({ itemId: item.id, title: item.title, change: 'removed', fields: [] });
  }
  return { from: numbers.from, to: numbers.to, items, introduction: wordDiff(from.introduction, to.introduction) };
}
