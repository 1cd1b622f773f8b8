/**
 * Text pasted from Word, Google Docs, WhatsApp or a web page keeps its structure and loses its
 * styling (see clean-html.ts and plain-text.ts). Runs before Lexical's own paste, which would
 * import the clipboard's HTML as it is. Some pastes are left to others on purpose, whatever the
 * order the plugins registered in: photos (the photo import), text typed into a figure's fields,
 * a copy made in this window from this editor (Lexical's own format keeps every node; Lexical data
 * from anywhere else is cleaned like HTML, see insertion-guard.ts) and a web address pasted over
 * selected words (the link plugin makes them a link).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_LOW,
  PASTE_COMMAND,
  PASTE_TAG,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import { isSafeLinkUrl } from '../../../../../shared/lexical-document';
import { imageFilesFromClipboard } from '../../photos/clipboard-files';
import { useServices } from '../../../app/services';
import { $insertCleanHtml, cleanClipboardData, leftOutOfPaste, type LeftOut } from './clipboard';
import { LEXICAL_MIME, isOwnLexicalCopy, registerInsertionGuard } from './insertion-guard';

/** A figure's caption, credit and alt text are ordinary fields: the browser pastes into them. */
function isFormField(target: EventTarget | null): boolean {
  return target instanceof Element && (target.closest('[data-image-controls]') !== null || target.closest('input, textarea') !== null);
}

/** The condition under which the link plugin turns the selected words into a link instead. */
function $linksSelection(data: DataTransfer): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed() || !isSafeLinkUrl(data.getData('text'))) return false;
  return !selection.getNodes().some((node) => $isElementNode(node) || ($isTextNode(node) && !node.isSimpleText()));
}

/** Registers the paste handling on an editor; returns the function that removes it. */
export function registerPasteCleanup(editor: LexicalEditor, onLeftOut?: (leftOut: LeftOut) => void): () => void {
  const removeGuard = registerInsertionGuard(editor);
  const removePaste = editor.registerCommand(
    PASTE_COMMAND,
    (event) => {
      if (!(event instanceof ClipboardEvent) || !event.clipboardData || !editor.isEditable()) return false;
      const data = event.clipboardData;
      const lexical = data.getData(LEXICAL_MIME);
      if (isFormField(event.target) || imageFilesFromClipboard(data).length > 0 || isOwnLexicalCopy(lexical, editor)) return false;
      if (data.getData('text/html') === '' && data.getData('text/plain') === '') {
        // Only Lexical data from elsewhere: nothing an article takes.
        if (lexical !== '') {
          event.preventDefault();
          return true;
        }
        // Neither HTML nor text (other files, say): Lexical hands them to the photo import, which says why it refuses them.
        return false;
      }
      if ($getSelection() === null || $linksSelection(data)) return false;
      event.preventDefault();
      const html = cleanClipboardData(data);
      editor.update(
        () => {
          const selection = $getSelection();
          if (selection) $insertCleanHtml(editor, html, selection);
        },
        // Its own undo step, as Lexical gives its own pastes.
        { tag: PASTE_TAG },
      );
      const leftOut = leftOutOfPaste(data);
      if (leftOut.images) onLeftOut?.(leftOut);
      return true;
    },
    COMMAND_PRIORITY_LOW,
  );
  return () => {
    removePaste();
    removeGuard();
  };
}

export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  const { toasts } = useServices();
  useEffect(
    () =>
      registerPasteCleanup(editor, ({ images }) => {
        const keys = [images && 'paste.imagesLeftOut'].filter((k): k is string => typeof k === 'string');
        toasts.show({ text: (t) => keys.map((key) => t(key)).join(' '), durationMs: 10_000 });
      }),
    [editor, toasts],
  );
  return null;
}
