/**
 * How images behave inside the editor: a click on a photo selects it (Delete/Backspace then removes
 * it), a figure's own fields and buttons keep their keys, photos pasted or dropped as files are
 * imported, and a figure can be dragged to another place in the article.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import {
  $createRangeSelectionFromDom,
  $getNearestNodeFromDOMNode,
  $getSelection,
  $getNodeByKey,
  $getRoot,
  $isNodeSelection,
  $setSelection,
  CLICK_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_LOW,
  DRAGEND_COMMAND,
  DRAGOVER_COMMAND,
  DRAGSTART_COMMAND,
  DROP_COMMAND,
  KEY_DOWN_COMMAND,
  mergeRegister,
  PASTE_COMMAND,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { useEffect } from 'react';
import { matchesShortcut, SHORTCUTS } from '../../ui/shortcuts';
import { $getImageNode, $isImageNode, $selectNode } from './image-node';
import { imageFilesFromClipboard } from './clipboard-files';
import { IMAGE_DRAG_TYPE } from './tags';

const REDO_Y = { code: 'KeyY', key: 'Y', mod: true };

function closestElement(target: EventTarget | null, selector: string): HTMLElement | null {
  return target instanceof Element ? (target.closest(selector) as HTMLElement | null) : null;
}

/** Keys a figure's fields and buttons handle themselves; undo and redo still go to the editor's history. */
function isFigureControlKey(event: KeyboardEvent): boolean {
  if (!closestElement(event.target, '[data-image-controls]')) return false;
  const historyKey = matchesShortcut(event, SHORTCUTS.undo) || matchesShortcut(event, SHORTCUTS.redo) || matchesShortcut(event, REDO_Y);
  return !historyKey;
}

interface DropTarget {
  key: NodeKey;
  element: HTMLElement;
  place: 'before' | 'after';
}

/** The top-level block nearest to a height on screen (blocks are stacked, so a binary search finds it). */
function findDropTarget(editor: LexicalEditor, clientY: number): DropTarget | null {
  const keys = editor.getEditorState().read(() => $getRoot().getChildrenKeys());
  let low = 0;
  let high = keys.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const element = editor.getElementByKey(keys[mid]!);
    if (!element) return null;
    if (element.getBoundingClientRect().bottom < clientY) low = mid + 1;
    else {
      found = mid;
      high = mid - 1;
    }
  }
  const index = found === -1 ? keys.length - 1 : found;
  if (index < 0) return null;
  const element = editor.getElementByKey(keys[index]!);
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  return { key: keys[index]!, element, place: clientY < rect.top + rect.height / 2 ? 'before' : 'after' };
}

const DROP_CLASSES = { before: 'ed-drop-before', after: 'ed-drop-after' } as const;

export function ImagePlugin({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    let marked: HTMLElement | null = null;
    const unmark = (): void => {
      marked?.classList.remove(DROP_CLASSES.before, DROP_CLASSES.after);
      marked = null;
    };
    const mark = (target: DropTarget): void => {
      if (marked !== target.element) unmark();
      marked = target.element;
      marked.classList.toggle(DROP_CLASSES.before, target.place === 'before');
      marked.classList.toggle(DROP_CLASSES.after, target.place === 'after');
    };
    const isFigureDrag = (event: DragEvent): boolean => event.dataTransfer?.types.includes(IMAGE_DRAG_TYPE) ?? false;
    const onDragLeave = (event: DragEvent): void => {
      const root = editor.getRootElement();
      if (root && !(event.relatedTarget instanceof Node && root.contains(event.relatedTarget))) unmark();
    };

    const unregisterRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('dragleave', onDragLeave);
      root?.addEventListener('dragleave', onDragLeave);
    });

    return mergeRegister(
      unregisterRoot,
      unmark,
      // Before Lexical's own key handling: typing in a caption must not split paragraphs, select
      // the whole article (Ctrl+A) or press Enter for the editor.
      editor.registerCommand(KEY_DOWN_COMMAND, (event) => isFigureControlKey(event), COMMAND_PRIORITY_CRITICAL),

      editor.registerCommand(
        CLICK_COMMAND,
        (event) => {
          const handle = closestElement(event.target, '[data-image-handle]');
          if (!handle) {
            // Leaving a selected figure (or divider) by clicking text: the caret goes where the click
            // put it. Lexical would only empty the selection, and the next keystroke would land at
            // the start of the article.
            const selection = $getSelection();
            if (!$isNodeSelection(selection) || closestElement(event.target, '[data-lexical-decorator]')) return false;
            const range = $createRangeSelectionFromDom(window.getSelection(), editor);
            if (!range) return false;
            $setSelection(range);
            return true;
          }
          const node = $getNearestNodeFromDOMNode(handle);
          if (!$isImageNode(node)) return false;
          $selectNode(node.getKey());
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),

      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (!(event instanceof ClipboardEvent) || !event.clipboardData) return false;
          const files = imageFilesFromClipboard(event.clipboardData);
          if (files.length === 0) return false; // text, HTML, Lexical content: pasted as before
          event.preventDefault();
          // Pasted while typing a figure's caption: the photos go after that figure.
          const controls = closestElement(event.target, '[data-image-controls]');
          const figure = controls ? $getNearestNodeFromDOMNode(controls) : null;
          if ($isImageNode(figure)) $selectNode(figure.getKey());
          onFiles(files);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),

      // Files dropped on the article (Lexical has already put the caret where they were dropped).
      editor.registerCommand(
        DRAG_DROP_PASTE,
        (files) => {
          onFiles(files);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),

      editor.registerCommand(
        DRAGSTART_COMMAND,
        (event) => {
          const handle = closestElement(event.target, '[data-image-handle]');
          const transfer = event.dataTransfer;
          if (!handle || !transfer) return false;
          const node = $getNearestNodeFromDOMNode(handle);
          if (!$isImageNode(node)) return false;
          // Only our own type: dropped on a text field elsewhere, the photo's address must not appear.
          transfer.clearData();
          transfer.setData(IMAGE_DRAG_TYPE, node.getKey());
          transfer.effectAllowed = 'move';
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),

      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (isFigureDrag(event)) {
            event.preventDefault();
            if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
            const target = findDropTarget(editor, event.clientY);
            if (target) mark(target);
            else unmark();
            return true;
          }
          if (event.dataTransfer?.types.includes('Files')) {
            // Files may be dropped anywhere on the article, even before it was ever clicked.
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
          }
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),

      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          if (!isFigureDrag(event)) return false;
          event.preventDefault();
          unmark();
          const key = event.dataTransfer?.getData(IMAGE_DRAG_TYPE) ?? '';
          const target = findDropTarget(editor, event.clientY);
          if (!key || !target || target.key === key) return true;
          editor.update(() => {
            const node = $getImageNode(key);
            const anchor = $getNodeByKey(target.key);
            if (!node || !anchor) return;
            if (target.place === 'before') anchor.insertBefore(node);
            else anchor.insertAfter(node);
            $selectNode(node.getKey());
          });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),

      editor.registerCommand(
        DRAGEND_COMMAND,
        () => {
          unmark();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor, onFiles]);

  return null;
}
