/**
 * Windowing for long lists of fixed-height rows: only the rows in view (plus a few either side) are
 * in the DOM, so 5,000 queue items cost what 20 do.
 */

export interface WindowInput {
  count: number;
  itemHeight: number;
  scrollTop: number;
  viewportHeight: number;
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no blank band. */
  overscan?: number;
}

export interface ListWindow {
  /** First rendered index (inclusive). */
  start: number;
  /** Last rendered index (exclusive). */
  end: number;
  totalHeight: number;
}

export function computeWindow({ count, itemHeight, scrollTop, viewportHeight, overscan = 4 }: WindowInput): ListWindow {
  if (count <= 0 || itemHeight <= 0) return { start: 0, end: 0, totalHeight: 0 };
  const totalHeight = count * itemHeight;
  // A list that just got shorter (a filter) may still report the old, larger scroll position.
  const maxScroll = Math.max(0, totalHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const firstVisible = Math.floor(top / itemHeight);
  const lastVisible = Math.ceil((top + Math.max(0, viewportHeight)) / itemHeight);
  return {
    start: Math.max(0, firstVisible - overscan),
    end: Math.min(count, Math.max(lastVisible, firstVisible + 1) + overscan),
    totalHeight,
  };
}

/** The scroll position that brings row `index` fully into view, moving as little as possible. */
export function scrollTopToReveal(index: number, itemHeight: number, scrollTop: number, viewportHeight: number): number {
  const top = index * itemHeight;
  const bottom = top + itemHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Where a key press moves the active row (null: the key is not a list movement). */
export function nextIndex(key: string, index: number, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, index + Math.max(1, pageSize));
    case 'PageUp':
      return Math.max(0, index - Math.max(1, pageSize));
    default:
      return null;
  }
}
