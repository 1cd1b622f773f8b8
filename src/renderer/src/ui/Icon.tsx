/** Line icons drawn inline (no icon font, nothing fetched). Decorative: the control carries the name. */
import type { JSX } from 'react';

const PATHS = {
  undo: ['M9 14 4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11'],
  redo: ['m15 14 5-5-5-5', 'M20 9H9.5a5.5 5.5 0 0 0 0 11H13'],
  bold: ['M7 5h6a3.5 3.5 0 0 1 0 7H7z', 'M7 12h7a3.5 3.5 0 0 1 0 7H7z'],
  italic: ['M19 4h-9', 'M14 20H5', 'M15 4 9 20'],
  underline: ['M6 4v6a6 6 0 0 0 12 0V4', 'M4 20h16'],
  strikethrough: ['M16 5.5A4 3 0 0 0 12 4c-2.5 0-4 1.3-4 3 0 1.2.6 2.1 1.8 2.7', 'M4 12h16', 'M15 14.5c.7.6 1 1.3 1 2 0 2-1.8 3.5-4.5 3.5A5 4 0 0 1 7 18'],
  link: ['M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71', 'M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71'],
  bulletList: ['M9 6h11', 'M9 12h11', 'M9 18h11', 'M4.5 6h.01', 'M4.5 12h.01', 'M4.5 18h.01'],
  numberedList: ['M10 6h11', 'M10 12h11', 'M10 18h11', 'M4 4.5h1.2V9', 'M3.8 9h2.6', 'M6.4 19H3.8c0-1.3 2.6-2 2.6-3.2 0-.8-.7-1.3-1.4-1.3s-1.2.4-1.3 1'],
  quote: ['M4 11h5v6H4z', 'M4 11c0-3 1.5-5 4-6', 'M14 11h5v6h-5z', 'M14 11c0-3 1.5-5 4-6'],
  rule: ['M3 12h18', 'M7 7h10', 'M7 17h10'],
  history: ['M3 12a9 9 0 1 0 2.64-6.36L3 8.3', 'M3 3.5v4.8h4.8', 'M12 7.5V12l3.5 2'],
  trash: ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 13h10l1-13', 'M9 7V4h6v3'],
  plus: ['M12 5v14', 'M5 12h14'],
  search: ['M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z', 'm20 20-4.9-4.9'],
  articles: ['M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z', 'M14 3v5h5', 'M9 13h6', 'M9 17h6'],
  settings: ['M4 21v-7', 'M4 10V3', 'M12 21v-9', 'M12 8V3', 'M20 21v-5', 'M20 12V3', 'M1.5 14h5', 'M9.5 8h5', 'M17.5 16h5'],
  close: ['M18 6 6 18', 'm6 6 12 12'],
  back: ['m12 19-7-7 7-7', 'M19 12H5'],
  putBack: ['M3 12a9 9 0 1 0 2.64-6.36L3 8.3', 'M3 3.5v4.8h4.8'],
  offline: ['m2 2 20 20', 'M5.8 5.8A7 7 0 0 0 9 19h8.5a4.5 4.5 0 0 0 1.3-.2', 'M21.5 16.5A4.5 4.5 0 0 0 17.5 10h-1.8A7 7 0 0 0 10 5.1'],
  check: ['M20 6 9 17l-5-5'],
  alert: ['M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z', 'M12 9v4', 'M12 17h.01'],
  paragraph: ['M13 4v16', 'M17 4v16', 'M19 4H9.5a4.5 4.5 0 0 0 0 9H13'],
  queue: ['M4 6h9', 'M4 12h6', 'M4 18h9', 'M17.5 20a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9z', 'M17.5 13.5v2l1.3 1.3'],
  clock: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 7v5l3 2'],
  lock: ['M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1z', 'M8 11V7a4 4 0 0 1 8 0v4'],
  image: ['M5 4h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z', 'M8.5 10.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z', 'm21 15-5-5L5 20'],
  table: ['M4 5h16v14H4z', 'M4 10h16', 'M4 15h16', 'M10 5v14'],
  rowAdd: ['M4 4h16v8H4z', 'M4 8h16', 'M12 15v6', 'M9 18h6'],
  columnAdd: ['M4 4h8v16H4z', 'M8 4v16', 'M15 12h6', 'M18 9v6'],
  rowRemove: ['M4 4h16v8H4z', 'M4 8h16', 'M9 18h6'],
  columnRemove: ['M4 4h8v16H4z', 'M8 4v16', 'M15 12h6'],
  arrowUp: ['M12 19V5', 'm5 12 7-7 7 7'],
  arrowDown: ['M12 5v14', 'm19 12-7 7-7-7'],
  star: ['m12 3 2.7 5.6 6.1.9-4.4 4.3 1 6.1-5.4-2.9-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z'],
  starFilled: ['m12 3 2.7 5.6 6.1.9-4.4 4.3 1 6.1-5.4-2.9-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z'],
  chevronDown: ['m6 9 6 6 6-6'],
  chevronRight: ['m9 6 6 6-6 6'],
} as const;

export type IconName = keyof typeof PATHS;

/** Icons drawn as a solid shape rather than a line. */
const FILLED: ReadonlySet<IconName> = new Set(['starFilled']);

export function Icon({ name, size = 18 }: { name: IconName; size?: number }): JSX.Element {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={FILLED.has(name) ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
