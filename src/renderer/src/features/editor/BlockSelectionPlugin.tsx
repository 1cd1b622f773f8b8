/**
 * A selected figure or divider has no place for text, and neither has the space below one that ends
 * the article. The browser then has no caret, so what the person types, and where Home, End or a
 * Shift+arrow would take the caret, starts from the start of the article. Here typing on a selected
 * block goes to a line after it (made when there is none); keys that would move or extend from that
 * missing caret do nothing (Ctrl+Home/End go to the article's start/end); a click below a last figure
 * or divider makes the line; and a divider clicked again stays selected instead of leaving no
 * selection at all.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isHorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import {
  $createNodeSelection,
  $createParagraphNode,
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $isDecoratorNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $setSelection,
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

/** Keys the browser would apply from its caret, which a selected block does not give it. */
const MOVES_FROM_CARET = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

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
            if (event.isComposing || event.altKey || isTextField(event.target)) return false;
            const selection = $getSelection();
            const noCaret = selection === null || ($isNodeSelection(selection) && selection.getNodes().length === 0);
            if (!$isNodeSelection(selection) && !noCaret) return false;
            const command = event.ctrlKey || event.metaKey;
            if (command && (event.key === 'Home' || event.key === 'End')) {
              event.preventDefault();
              if (event.key === 'Home') $getRoot().selectStart();
              else $getRoot().selectEnd();
              return true;
            }
            if (command) return false; // undo, copy, cut, shortcuts: theirs
            if (MOVES_FROM_CARET.has(event.key) && (event.shiftKey || event.key === 'Home' || event.key === 'End')) {
              event.preventDefault();
              return true;
            }
            const typed = event.key.length === 1 ? event.key : event.key === 'Enter' ? '' : null;
            if (typed === null) return false;
            event.preventDefault();
            const block = noCaret ? null : selection!.getNodes().at(-1)?.getTopLevelElement();
            if (!block) return true; // no place at all: nothing typed rather than typed at the top
            $lineAfter(block).select();
            const caret = $getSelection();
            if (typed && $isRangeSelection(caret)) caret.insertText(typed);
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),

        // Before the divider's own handler, which toggles: a second click would leave nothing selected.
        editor.registerCommand(
          CLICK_COMMAND,
          (event) => {
            if (event.shiftKey || !(event.target instanceof HTMLHRElement)) return false;
            const node = $getNearestNodeFromDOMNode(event.target);
            if (!$isHorizontalRuleNode(node)) return false;
            const selection = $createNodeSelection();
            selection.add(node.getKey());
            $setSelection(selection);
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
