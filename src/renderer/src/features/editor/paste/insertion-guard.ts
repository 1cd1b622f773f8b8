/**
 * Lexical's own clipboard format (`application/x-lexical-editor`) brings nodes in as they are, and any web
 * page's copy handler can put it on the clipboard with this editor's namespace: inline styles (an overlay
 * over the app), `target=_top` links, figures pointing at the person's photos. So Lexical data counts
 * only when this window's editor copied (or dragged) exactly it; the paste plugin cleans anything else
 * like HTML. And whatever way nodes come in from a clipboard or a drop, they are checked once more here:
 * no inline style, no link target or relation, no figure this window did not copy.
 */
import { $getClipboardDataFromSelection } from '@lexical/clipboard';
import { $isLinkNode } from '@lexical/link';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isElementNode,
  $isTextNode,
  COMMAND_PRIORITY_CRITICAL,
  COPY_COMMAND,
  CUT_COMMAND,
  DRAGSTART_COMMAND,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $isImageNode } from '../../photos/image-node';

export const LEXICAL_MIME = 'application/x-lexical-editor';

/** The last few copies this window made from an editor, exactly as Lexical put them on the clipboard. */
const ownCopies: string[] = [];
const OWN_COPIES_KEPT = 8;
/** Photos in those copies: the only ones a paste or a drop may place. */
const copiedMediaIds = new Set<string>();

function mediaIdsIn(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) mediaIdsIn(item, into);
  else if (typeof value === 'object' && value !== null) {
    const node = value as { type?: unknown; mediaId?: unknown; children?: unknown; nodes?: unknown };
    if (node.type === 'image' && typeof node.mediaId === 'string') into.add(node.mediaId);
    mediaIdsIn(node.children, into);
    mediaIdsIn(node.nodes, into);
  }
}

/** Remembers what a copy, cut or drag from this editor puts on the clipboard (inside a command: an update). */
function $rememberCopy(): false {
  const selection = $getSelection();
  const raw = selection ? $getClipboardDataFromSelection(selection)[LEXICAL_MIME] : undefined;
  if (typeof raw === 'string' && raw !== '') {
    if (!ownCopies.includes(raw)) ownCopies.push(raw);
    if (ownCopies.length > OWN_COPIES_KEPT) ownCopies.shift();
    copiedMediaIds.clear();
    for (const copy of ownCopies) {
      try {
        mediaIdsIn(JSON.parse(copy), copiedMediaIds);
      } catch {
        // Lexical wrote it: always JSON.
      }
    }
  }
  return false;
}

/** Whether clipboard Lexical data is a copy made here, in this editor's namespace. */
export function isOwnLexicalCopy(raw: string, editor: LexicalEditor): boolean {
  if (raw === '' || !ownCopies.includes(raw)) return false;
  try {
    return (JSON.parse(raw) as { namespace?: unknown }).namespace === editor._config.namespace;
  } catch {
    return false;
  }
}

/** Strips what the editor never writes from nodes about to be inserted; returns whether to keep the node. */
function $clean(node: LexicalNode): boolean {
  if ($isImageNode(node)) return copiedMediaIds.has(node.getMediaId());
  if ($isTextNode(node) && node.getStyle() !== '') node.setStyle('');
  if ($isElementNode(node)) {
    if (node.getStyle() !== '') node.setStyle('');
    if (node.getTextStyle() !== '') node.setTextStyle('');
    if ($isLinkNode(node)) {
      if (node.getTarget() !== null) node.setTarget(null);
      if (node.getRel() !== null) node.setRel(null);
    }
    for (const child of node.getChildren()) if (!$clean(child)) child.remove();
  }
  return true;
}

/** For tests: forget the copies made so far. */
export function forgetOwnCopies(): void {
  ownCopies.length = 0;
  copiedMediaIds.clear();
}

/** Registers the guard on an editor; returns the function that removes it. */
export function registerInsertionGuard(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(COPY_COMMAND, $rememberCopy, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(CUT_COMMAND, $rememberCopy, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DRAGSTART_COMMAND, $rememberCopy, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(
      SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
      ({ nodes }) => {
        // The array is the one Lexical goes on to insert when this returns false.
        for (let i = nodes.length - 1; i >= 0; i--) if (!$clean(nodes[i]!)) nodes.splice(i, 1);
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
  );
}
