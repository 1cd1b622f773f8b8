/** Editor actions shared by the toolbar and the keyboard shortcuts. All run inside editor.update. */
import { $isLinkNode } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import {
  $createParagraphNode,
  $findMatchingParent,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  createCommand,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

export type BlockKind = 'paragraph' | 'h2' | 'h3' | 'h4' | 'quote' | 'bullet' | 'number' | 'other';

export interface SelectionFormat {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  link: boolean;
  block: BlockKind;
}

export const EMPTY_FORMAT: SelectionFormat = { bold: false, italic: false, underline: false, strikethrough: false, link: false, block: 'paragraph' };

/** Opens the link box (toolbar button or Ctrl+K). */
export const OPEN_LINK_DIALOG_COMMAND = createCommand<void>('OPEN_LINK_DIALOG_COMMAND');

function $topLevelBlock(node: LexicalNode): LexicalNode {
  if ($isRootOrShadowRoot(node)) return node;
  return (
    $findMatchingParent(node, (n) => {
      const parent = n.getParent();
      return parent !== null && $isRootOrShadowRoot(parent);
    }) ?? node.getTopLevelElementOrThrow()
  );
}

export function $readSelectionFormat(): SelectionFormat {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return EMPTY_FORMAT;
  const anchor = selection.anchor.getNode();
  const block = $topLevelBlock(anchor);
  let kind: BlockKind = 'other';
  if ($isListNode(block)) {
    const list = $findMatchingParent(anchor, $isListNode) ?? block;
    const type = $isListNode(list) ? list.getListType() : 'bullet';
    kind = type === 'number' ? 'number' : type === 'bullet' ? 'bullet' : 'other';
  } else if ($isHeadingNode(block)) {
    const tag = block.getTag();
    kind = tag === 'h3' ? 'h3' : tag === 'h4' || tag === 'h5' || tag === 'h6' ? 'h4' : 'h2';
  } else if ($isQuoteNode(block)) {
    kind = 'quote';
  } else if (block.getType() === 'paragraph' || $isRootOrShadowRoot(block)) {
    kind = 'paragraph';
  }
  const inLink = (n: LexicalNode): boolean => $findMatchingParent(n, $isLinkNode) !== null;
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    strikethrough: selection.hasFormat('strikethrough'),
    link: inLink(anchor) || inLink(selection.focus.getNode()),
    block: kind,
  };
}

/** Sets the block type of the selected blocks; choosing the current type again makes them paragraphs. */
export function setBlockKind(editor: LexicalEditor, kind: Exclude<BlockKind, 'other'>): void {
  if (kind === 'bullet' || kind === 'number') {
    const current = editor.getEditorState().read(() => $readSelectionFormat().block);
    if (current === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const current = $readSelectionFormat().block;
    const target = current === kind ? 'paragraph' : kind;
    $setBlocksType(selection, () => {
      if (target === 'paragraph') return $createParagraphNode();
      if (target === 'quote') return $createQuoteNode();
      return $createHeadingNode(target);
    });
  });
}
