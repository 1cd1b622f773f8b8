/**
 * A selected figure or divider has no place for text, and neither has the space below one that ends
 * the article. The browser then has no caret, so what the person types would land at the start of
 * the article. Here typing on a selected block goes to a line after it (made when there is none), and
 * a click below a last figure or divider makes that line.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isDecoratorNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  CLICK_COMMAND,
  COMMAND_PRIORITY_NORMAL,
  KEY_DOWN_COMMAND,
  mergeRegister,
  type LexicalNode,
  type ParagraphNode,
} from 'lexical';
import { useEffect } from 'react';

/** The empty line right after a block, made when the next block is something else. */
function $lineAfter(block: LexicalNode): ParagraphNode {
  const next = block.getNextSibling();
  if ($isParagraphNode(next) && next.getTextContentSize() === 0) return next;
  const line = $createParagraphNode();
  block.insertAfter(line);
  return line;
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [data-image-controls]') !== null;
}

export function BlockSelectionPlugin() {
  const [editor] = useLexicalComposerContext();

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return false;
            const typed = event.key.length === 1 ? event.key : event.key === 'Enter' ? '' : null;
            if (typed === null) return false;
            const selection = $getSelection();
            if (!$isNodeSelection(selection)) return false;
            const block = selection.getNodes().at(-1)?.getTopLevelElement();
            if (!block) return false;
            event.preventDefault();
            $lineAfter(block).select();
            const caret = $getSelection();
            if (typed && $isRangeSelection(caret)) caret.insertText(typed);
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),

        editor.registerCommand(
          CLICK_COMMAND,
          (event) => {
            if (event.target !== editor.getRootElement()) return false;
            const last = $getRoot().getLastChild();
            if (!$isDecoratorNode(last)) return false;
            const element = editor.getElementByKey(last.getKey());
            if (!element || event.clientY <= element.getBoundingClientRect().bottom) return false;
            $lineAfter(last).select();
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  );

  return null;
}
