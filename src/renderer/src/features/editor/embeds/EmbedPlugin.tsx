/**
 * A supported post's address on a line of its own becomes an embed: when Enter ends the line it was
 * typed on, or when it is pasted into an empty line. Anywhere else it stays a link.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_NORMAL,
  KEY_ENTER_COMMAND,
  PASTE_COMMAND,
  type LexicalEditor,
  type ParagraphNode,
} from 'lexical';
import { useEffect } from 'react';
import { recogniseEmbed, type RecognisedEmbed } from '../../../../../shared/embeds';
import { $createEmbedNode } from './embed-node';

/** The paragraph the caret is in, when the selection is a caret. Inside an update. */
function $caretParagraph(): ParagraphNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const top = selection.anchor.getNode().getTopLevelElement();
  return $isParagraphNode(top) ? top : null;
}

/** Puts the embed in the paragraph's place, with an empty paragraph after it for the caret. */
function $replaceWithEmbed(paragraph: ParagraphNode, embed: RecognisedEmbed): void {
  const node = $createEmbedNode(embed);
  paragraph.replace(node);
  const next = node.getNextSibling();
  if ($isParagraphNode(next) && next.getTextContentSize() === 0) next.selectStart();
  else node.insertAfter($createParagraphNode()).selectStart();
}

export function registerEmbeds(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(
      KEY_ENTER_COMMAND,
      (event) => {
        if (event?.shiftKey) return false;
        const paragraph = $caretParagraph();
        const selection = $getSelection();
        if (!paragraph || !$isRangeSelection(selection)) return false;
        // Only at the end of the line: Enter in the middle of it still splits it.
        const embed = recogniseEmbed(paragraph.getTextContent());
        if (!embed || selection.anchor.offset !== selection.anchor.getNode().getTextContentSize() || paragraph.getLastDescendant() !== selection.anchor.getNode()) return false;
        event?.preventDefault();
        $replaceWithEmbed(paragraph, embed);
        return true;
      },
      COMMAND_PRIORITY_NORMAL,
    ),
    editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        if (!(event instanceof ClipboardEvent) || !event.clipboardData || !editor.isEditable()) return false;
        const embed = recogniseEmbed(event.clipboardData.getData('text/plain'));
        const paragraph = $caretParagraph();
        if (!embed || !paragraph || paragraph.getTextContentSize() !== 0) return false;
        event.preventDefault();
        $replaceWithEmbed(paragraph, embed);
        return true;
      },
      COMMAND_PRIORITY_NORMAL,
    ),
  );
}

export function EmbedPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerEmbeds(editor), [editor]);
  return null;
}
