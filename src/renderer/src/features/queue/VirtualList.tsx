/**
 * A list that renders only the rows in view. Rows have one fixed height (in rem, so it follows the
 * user's font size). Keyboard: one tab stop; arrows, Page Up/Down, Home and End move between rows,
 * scrolling the row into view first. The focused row stays rendered even when scrolled far away,
 * so focus is never dropped.
 */
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { computeWindow, nextIndex, scrollTopToReveal } from './virtual-window';

export interface RowProps {
  index: number;
  /** 0 for the row in the tab order, -1 for the others: put it on the row's focusable element. */
  tabIndex: 0 | -1;
}

interface VirtualListProps {
  count: number;
  /** Row height in rem. */
  rowHeightRem: number;
  label: string;
  /** Changes when the rows are different items (e.g. a new filter): the active row goes back to the top. */
  resetKey: string;
  renderRow: (props: RowProps) => ReactNode;
  className?: string;
}

function remInPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

export function VirtualList({ count, rowHeightRem, label, resetKey, renderRow, className }: VirtualListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);
  const [rowHeight, setRowHeight] = useState(() => rowHeightRem * remInPx());
  const [active, setActive] = useState(0);
  const focusPending = useRef<number | null>(null);

  const [shownKey, setShownKey] = useState(resetKey);

  // Follow the viewport's size and the user's font size (zoom changes both). The observer also
  // reports once right after it starts, before the first paint.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      setViewportHeight(el.clientHeight);
      setRowHeight(rowHeightRem * remInPx());
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [rowHeightRem]);

  // A new set of rows starts at the top.
  if (shownKey !== resetKey) {
    setShownKey(resetKey);
    setActive(0);
    setScrollTop(0);
  }
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [resetKey]);

  const activeIndex = Math.min(active, Math.max(0, count - 1));
  const { start, end, totalHeight } = computeWindow({ count, itemHeight: rowHeight, scrollTop, viewportHeight });

  useLayoutEffect(() => {
    const index = focusPending.current;
    if (index === null) return;
    focusPending.current = null;
    scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"] [tabindex="0"]`)?.focus();
  });

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLUListElement>) => {
      const el = scrollRef.current;
      if (!el) return;
      const pageSize = Math.max(1, Math.floor(el.clientHeight / rowHeight) - 1);
      const next = nextIndex(event.key, activeIndex, count, pageSize);
      if (next === null) return;
      event.preventDefault();
      const top = scrollTopToReveal(next, rowHeight, el.scrollTop, el.clientHeight);
      if (top !== el.scrollTop) {
        el.scrollTop = top;
        setScrollTop(top);
      }
      setActive(next);
      focusPending.current = next;
    },
    [activeIndex, count, rowHeight],
  );

  const indices: number[] = [];
  for (let i = start; i < end; i++) indices.push(i);
  if (count > 0 && (activeIndex < start || activeIndex >= end)) indices.push(activeIndex);

  return (
    <div ref={scrollRef} className={`virtual-scroll ${className ?? ''}`} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul
        className="virtual-list"
        aria-label={label}
        style={{ height: totalHeight }}
        onKeyDown={onKeyDown}
        // A row focused by mouse or Tab becomes the active one (one listener, not one per row).
        onFocus={(e) => {
          const index = Number((e.target as HTMLElement).closest<HTMLElement>('[data-row-index]')?.dataset.rowIndex);
          if (Number.isInteger(index) && index !== activeIndex) setActive(index);
        }}
      >
        {indices.map((index) => (
          <li
            key={index}
            data-row-index={index}
            className="virtual-row"
            aria-setsize={count}
            aria-posinset={index + 1}
            style={{ transform: `translateY(${index * rowHeight}px)`, height: rowHeight }}
          >
            {renderRow({ index, tabIndex: index === activeIndex ? 0 : -1 })}
          </li>
        ))}
      </ul>
    </div>
  );
}
