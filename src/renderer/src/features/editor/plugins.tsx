/** Small Lexical plugins: session wiring, shortcuts, content the backend accepts, Tab in lists. */
import { LinkNode } from '@lexical/link';
import { $isListItemNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HeadingNode } from '@lexical/rich-text';
import {
  $findMatchingParent,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_TAB_COMMAND,
  mergeRegister,
  OUTDENT_CONTENT_COMMAND,
} from 'lexical';
import { useEffect, useLayoutEffect } from 'react';
import { isSafeLinkUrl } from '../../../../shared/lexical-document';
import { matchesShortcut, SHORTCUTS } from '../../ui/shortcuts';
import type { ArticleSession } from './article-session';
import { OPEN_LINK_DIALOG_COMMAND, setBlockKind, type BlockKind } from './commands';

/** Loads the article into the editor and reports every edit to the session. */
export function SessionPlugin({ session }: { session: ArticleSession }) {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => session.attach(editor), [editor, session]);
  return null;
}

const BLOCK_SHORTCUTS: [keyof typeof SHORTCUTS, Exclude<BlockKind, 'other'>][] = [
  ['paragraph', 'paragraph'],
  ['heading2', 'h2'],
  ['heading3', 'h3'],
  ['heading4', 'h4'],
  ['quote', 'quote'],
  ['bulletList', 'bullet'],
  ['numberedList', 'number'],
];

/** Shortcuts Lexical does not provide itself (it already handles Ctrl+B/I/U, Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y). */
export function ShortcutsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (matchesShortcut(event, SHORTCUTS.strikethrough)) {
            event.preventDefault();
            editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough');
            return true;
          }
          if (matchesShortcut(event, SHORTCUTS.link)) {
            event.preventDefault();
            editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined);
            return true;
          }
          for (const [name, kind] of BLOCK_SHORTCUTS) {
            if (matchesShortcut(event, SHORTCUTS[name])) {
              event.preventDefault();
              setBlockKind(editor, kind);
              return true;
            }
          }
          return false;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return null;
}

/**
 * Keeps the document within what the backend stores: links only to http(s)/mailto (a pasted
 * "javascript:" link becomes plain text), headings only H2-H4.
 */
export function SafeContentPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(LinkNode, (link) => {
          if (isSafeLinkUrl(link.getURL())) return;
          for (const child of link.getChildren()) link.insertBefore(child);
          link.remove();
        }),
        editor.registerNodeTransform(HeadingNode, (heading) => {
          const tag = heading.getTag();
          if (tag === 'h1') heading.setTag('h2');
          else if (tag === 'h5' || tag === 'h6') heading.setTag('h4');
        }),
      ),
    [editor],
  );
  return null;
}

/**
 * Tab indents list items (Shift+Tab outdents). Everywhere else Tab keeps its usual job of moving
 * focus, so keyboard users are never trapped in the editor.
 */
export function ListTabPlugin({ maxDepth = 4 }: { maxDepth?: number }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (event) => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const item = $findMatchingParent(selection.anchor.getNode(), $isListItemNode);
          if (!item) return false;
          event.preventDefault();
          if (event.shiftKey) return editor.dispatchCommand(OUTDENT_CONTENT_COMMAND, undefined);
          if (item.getIndent() + 1 >= maxDepth) return true;
          return editor.dispatchCommand(INDENT_CONTENT_COMMAND, undefined);
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, maxDepth],
  );
  return null;
}
