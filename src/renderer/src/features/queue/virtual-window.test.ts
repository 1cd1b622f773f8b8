import { describe, expect, it } from 'vitest';
import { computeWindow, nextIndex, scrollTopToReveal } from './virtual-window';

describe('computeWindow', () => {
  it('renders the rows in view plus the overscan on each side', () => {
    // 5,000 rows of 76 px in a 600 px viewport scrolled to row 1,000.
    const w = computeWindow({ count: 5000, itemHeight: 76, scrollTop: 76_000, viewportHeight: 600, overscan: 4 });
    expect(w).toEqual({ start: 996, end: 1012, totalHeight: 380_000 });
    expect(w.end - w.start).toBeLessThan(20);
  });

  it('clamps at both ends', () => {
    expect(computeWindow({ count: 5000, itemHeight: 76, scrollTop: 0, viewportHeight: 600, overscan: 4 })).toMatchObject({ start: 0, end: 12 });
    expect(computeWindow({ count: 5000, itemHeight: 76, scrollTop: 10_000_000, viewportHeight: 600, overscan: 4 })).toMatchObject({ start: 4988, end: 5000 });
    expect(computeWindow({ count: 3, itemHeight: 76, scrollTop: 0, viewportHeight: 600 })).toMatchObject({ start: 0, end: 3 });
  });

  it('copes with a list that shrank under an old scroll position', () => {
    expect(computeWindow({ count: 10, itemHeight: 50, scrollTop: 40_000, viewportHeight: 200, overscan: 2 })).toEqual({ start: 4, end: 10, totalHeight: 500 });
  });

  it('renders at least a row before the viewport is measured, and nothing for an empty list', () => {
    expect(computeWindow({ count: 100, itemHeight: 50, scrollTop: 0, viewportHeight: 0, overscan: 0 })).toMatchObject({ start: 0, end: 1 });
    expect(computeWindow({ count: 0, itemHeight: 50, scrollTop: 0, viewportHeight: 500 })).toEqual({ start: 0, end: 0, totalHeight: 0 });
  });
});

describe('scrollTopToReveal', () => {
  it('moves only as far as needed', () => {
    expect(scrollTopToReveal(10, 50, 0, 200)).toBe(350); // below: align to the bottom
    expect(scrollTopToReveal(2, 50, 300, 200)).toBe(100); // above: align to the top
    expect(scrollTopToReveal(7, 50, 300, 200)).toBe(300); // already visible
  });
});

describe('nextIndex', () => {
  it('maps list keys to rows within bounds', () => {
    expect(nextIndex('ArrowDown', 4, 5, 3)).toBe(4);
    expect(nextIndex('ArrowUp', 0, 5, 3)).toBe(0);
    expect(nextIndex('PageDown', 1, 100, 10)).toBe(11);
    expect(nextIndex('PageUp', 5, 100, 10)).toBe(0);
    expect(nextIndex('End', 5, 100, 10)).toBe(99);
    expect(nextIndex('Home', 5, 100, 10)).toBe(0);
    expect(nextIndex('a', 5, 100, 10)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0, 10)).toBeNull();
  });
});
