/**
 * Where a prepared photo goes in the article: at the caret in the open editor, or at the end when
 * there is no caret (also in a stored article no editor shows).
 */
import { $insertNodeToNearestRoot } from '@lexical/utils';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  SKIP_DOM_SELECTION_TAG,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
} from 'lexical';
import { $createImageNode, $selectNode, type ImageNode } from './image-node';

/** True when nothing of `block` comes before (edge 'start') or after (edge 'end') the point. */
function $isAtBlockEdge(point: PointType, block: ElementNode, edge: 'start' | 'end'): boolean {
  const node = point.getNode();
  const size = $isElementNode(node) ? node.getChildrenSize() : node.getTextContentSize();
  if (point.offset !== (edge === 'start' ? 0 : size)) return false;
  for (let current: LexicalNode = node; !current.is(block); current = current.getParentOrThrow()) {
    if ((edge === 'start' ? current.getPreviousSibling() : current.getNextSibling()) !== null) return false;
  }
  return true;
}

/** The caret goes to the start of the block after the photo (a new empty line when there is none). */
function $caretAfter(image: ImageNode): void {
  const next = image.getNextSibling();
  if ($isElementNode(next)) next.selectStart();
  else {
    const line = $createParagraphNode();
    image.insertAfter(line);
    line.selectStart();
  }
}

/**
 * Places a prepared photo as a block at the caret: above the line when the caret is at its start
 * (or the line is empty), below it when the caret is at its end, splitting it in the middle. The
 * caret ends up just after the photo, so photos inserted one after another stay together and in
 * order, and writing goes on below them. With a figure selected, after the figure; with no caret
 * at all, at the end of the article.
 */
export function $insertImage(mediaId: string): ImageNode {
  const image = $createImageNode({ mediaId, altText: '', caption: '', credit: '' });
  const selection = $getSelection();
  if ($isRangeSelection(selection) && selection.isCollapsed()) {
    const block = selection.anchor.getNode().getTopLevelElement();
    if (block !== null && $isElementNode(block)) {
      if (block.isEmpty() || $isAtBlockEdge(selection.anchor, block, 'start')) {
        block.insertBefore(image);
        block.selectStart();
        return image;
      }
      if ($isAtBlockEdge(selection.anchor, block, 'end')) {
        block.insertAfter(image);
        $caretAfter(image);
        return image;
      }
    }
    return $insertNodeToNearestRoot(image);
  }
  if ($isNodeSelection(selection)) {
    const last = selection.getNodes().at(-1)?.getTopLevelElement();
    if (last) {
      last.insertAfter(image);
      $selectNode(image.getKey());
      return image;
    }
  }
  if (selection !== null) return $insertNodeToNearestRoot(image);
  // No caret (the article was never clicked): at the end, above a trailing empty line if there is one.
  const root = $getRoot();
  const last = root.getLastChild();
  if ($isParagraphNode(last) && last.isEmpty()) last.insertBefore(image);
  else {
    root.append(image);
    root.append($createParagraphNode());
  }
  return image;
}

export function insertImage(editor: LexicalEditor, mediaId: string): void {
  const root = editor.getRootElement();
  // Someone typing elsewhere (the title, a caption) keeps their caret: only the model's selection moves.
  const editorHasFocus = root !== null && document.activeElement === root;
  editor.update(
    () => {
      $insertImage(mediaId);
    },
    editorHasFocus ? undefined : { tag: SKIP_DOM_SELECTION_TAG },
  );
}
