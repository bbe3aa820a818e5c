/**
 * A list shown a page at a time: the first page comes from `load` (and comes
 * again whenever the page's data does, e.g. a new URL with other filters),
 * "Show more" asks for the next one with its cursor and appends it. While
 * it runs `more.busy` is true; a problem lands in `more.message`. After the
 * new items are on screen `onadded` is called with the index of the first new
 * one, so keyboard and screen reader users land on what was added.
 * ui/ShowMore.svelte is the button that goes with it.
 */
import { tick } from 'svelte';
import type { Page } from '$lib/crm/listing.js';
import { emptyForm, submit } from './form.js';

export interface PagedListOptions<T> {
  /** the first page, read again whenever what it reads changes */
  first: () => Page<T>;
  /** the page after `cursor` */
  next: (cursor: string) => Promise<Page<T>>;
  onadded?: (first: number, added: T[]) => void;
}

export class PagedList<T> {
  readonly #options: PagedListOptions<T>;
  /** the items shown: the first page and each one shown more */
  items: T[];
  nextCursor: string | null;
  readonly more = $state(emptyForm());

  constructor(options: PagedListOptions<T>) {
    this.#options = options;
    this.items = $derived(options.first().items);
    this.nextCursor = $derived(options.first().nextCursor);
  }

  /** Appends the next page; the items added, or null when there was none or it failed. */
  showMore = async (): Promise<T[] | null> => {
    const cursor = this.nextCursor;
    if (!cursor) return null;
    const first = this.items.length;
    const page = await submit(this.more, () => this.#options.next(cursor));
    if (!page) return null;
    this.items = [...this.items, ...page.items];
    this.nextCursor = page.nextCursor;
    await tick();
    this.#options.onadded?.(first, page.items);
    return page.items;
  };
}
