/** Class names Lexical puts on what it renders; styled in styles/editor.css. */
import type { EditorThemeClasses } from 'lexical';

export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  heading: { h1: 'ed-h2', h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4', h5: 'ed-h4', h6: 'ed-h4' },
  quote: 'ed-quote',
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    nested: { listitem: 'ed-li-nested' },
  },
  link: 'ed-link',
  hr: 'ed-hr',
  hrSelected: 'ed-hr-selected',
  image: 'ed-image',
  // Embeds and blocks kept from the portal (LockedBlockNode).
  lockedBlock: 'ed-portal-block-host',
  table: 'ed-table',
  tableRow: 'ed-table-row',
  tableCell: 'ed-table-cell',
  tableCellHeader: 'ed-table-cell-header',
  tableSelection: 'ed-table-selection',
  tableCellSelected: 'ed-table-cell-selected',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
    underlineStrikethrough: 'ed-underline-strike',
    code: 'ed-code',
  },
};
