/**
 * `use:scrollable` on a box that scrolls sideways (`.table-scroll`): while its
 * content is wider than the box (a table on a phone), the box takes the
 * keyboard's focus, so a person without a mouse can scroll it with the
 * arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable). When it
 * fits, it stays out of the tab order.
 */
import type { Action } from 'svelte/action';

export const scrollable: Action<HTMLElement> = (node) => {
  const update = () => {
    if (node.scrollWidth > node.clientWidth) node.setAttribute('tabindex', '0');
    else node.removeAttribute('tabindex');
  };
  const observer = new ResizeObserver(update);
  observer.observe(node);
  for (const child of node.children) observer.observe(child);
  update();
  return { destroy: () => observer.disconnect() };
};
