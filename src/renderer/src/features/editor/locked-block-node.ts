/**
 * A block the person does not type into (an embed, a block kept from the portal): one element that is
 * not editable, carries the theme's class for locked blocks, is never re-created on update and can be
 * selected from the keyboard. Each node type still has its own fields, JSON and card.
 */
import { DecoratorNode, type EditorConfig } from 'lexical';
import type { JSX } from 'react';

export abstract class LockedBlockNode extends DecoratorNode<JSX.Element> {
  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    const className = config.theme.lockedBlock;
    if (typeof className === 'string') element.className = className;
    element.contentEditable = 'false';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override isKeyboardSelectable(): true {
    return true;
  }
}
