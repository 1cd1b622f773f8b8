/**
 * A locked card in the article for a block whose content is not edited here: a block kept from the
 * portal ("Blok dari portal: core/gallery") or an embed (provider and address). It names the block,
 * says what happens to it, and offers what a person may do with it: move up, move down, remove.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { $createParagraphNode, $getNodeByKey, $getRoot, $isDecoratorNode, $isElementNode, type LexicalNode, type NodeKey } from 'lexical';
import { useCallback, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../../ui/Icon';

const $getBlock = (key: NodeKey): LexicalNode | null => {
  const node = $getNodeByKey(key);
  return $isDecoratorNode(node) ? node : null;
};

interface BlockCardProps {
  nodeKey: NodeKey;
  /** The card's name, shown and read out: "Blok dari portal: core/gallery". */
  title: string;
  note: string;
  icon: IconName;
  /** Marks the card for styles and tests: data-portal-block="core/gallery", data-embed="youtube". */
  data: Record<string, string>;
  /** An address shown as text (never a live link: the app opens nothing of the third party's). */
  address?: string;
}

export function BlockCard({ nodeKey, title, note, icon, data, address }: BlockCardProps) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const nameId = useId();
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const [announcement, setAnnouncement] = useState<{ text: string; n: number } | null>(null);

  const subscribe = useCallback((onChange: () => void) => editor.registerUpdateListener(onChange), [editor]);
  const read = useCallback(
    () =>
      editor.getEditorState().read(() => {
        const node = $getBlock(nodeKey);
        return node ? (node.getPreviousSibling() ? 1 : 0) | (node.getNextSibling() ? 2 : 0) : 0;
      }),
    [editor, nodeKey],
  );
  const neighbours = useSyncExternalStore(subscribe, read, read);

  const move = (direction: 'up' | 'down'): void => {
    editor.update(
      () => {
        const node = $getBlock(nodeKey);
        if (!node) return;
        if (direction === 'up') node.getPreviousSibling()?.insertBefore(node);
        else node.getNextSibling()?.insertAfter(node);
      },
      {
        onUpdate: () => {
          const { before, after, position, total } = editor.getEditorState().read(() => {
            const node = $getBlock(nodeKey);
            return {
              before: !!node?.getPreviousSibling(),
              after: !!node?.getNextSibling(),
              position: (node?.getIndexWithinParent() ?? 0) + 1,
              total: node?.getParent()?.getChildrenSize() ?? 0,
            };
          });
          setAnnouncement((previous) => ({ text: t('portalBlock.moved', { position, total }), n: (previous?.n ?? 0) + 1 }));
          const target = direction === 'up' ? (before ? upRef.current : downRef.current) : after ? downRef.current : upRef.current;
          target?.focus();
          target?.scrollIntoView({ block: 'nearest' });
        },
      },
    );
  };

  const remove = (): void => {
    editor.update(
      () => {
        const node = $getBlock(nodeKey);
        if (!node) return;
        const next = node.getNextSibling();
        const previous = node.getPreviousSibling();
        node.remove();
        const root = $getRoot();
        if (root.getChildrenSize() === 0) root.append($createParagraphNode());
        if ($isElementNode(next)) next.selectStart();
        else if ($isElementNode(previous)) previous.selectEnd();
        else root.selectEnd();
      },
      { onUpdate: () => editor.focus() },
    );
  };

  return (
    <section
      className={['ed-portal-block', isSelected && 'is-selected'].filter(Boolean).join(' ')}
      aria-labelledby={nameId}
      {...Object.fromEntries(Object.entries(data).map(([key, value]) => [`data-${key}`, value]))}
      onClick={(event) => {
        if (!editable || (event.target as HTMLElement).closest('button')) return;
        clearSelection();
        setSelected(true);
      }}
    >
      <Icon name={icon} size={18} />
      <div className="ed-portal-block-text">
        <p id={nameId} className="ed-portal-block-name">
          {title}
        </p>
        {address && <p className="ed-portal-block-address">{address}</p>}
        <p className="ed-portal-block-note">{note}</p>
      </div>
      {editable && (
        <span className="ed-portal-block-actions">
          <button ref={upRef} type="button" className="icon-btn" aria-label={t('portalBlock.moveUp')} aria-describedby={nameId} data-tooltip={t('portalBlock.moveUp')} disabled={(neighbours & 1) === 0} onClick={() => move('up')}>
            <Icon name="arrowUp" size={16} />
          </button>
          <button ref={downRef} type="button" className="icon-btn" aria-label={t('portalBlock.moveDown')} aria-describedby={nameId} data-tooltip={t('portalBlock.moveDown')} disabled={(neighbours & 2) === 0} onClick={() => move('down')}>
            <Icon name="arrowDown" size={16} />
          </button>
          <button type="button" className="icon-btn ed-figure-remove" aria-label={t('portalBlock.remove')} aria-describedby={nameId} data-tooltip={t('portalBlock.remove')} data-tooltip-align="end" onClick={remove}>
            <Icon name="trash" size={16} />
          </button>
        </span>
      )}
      <span className="visually-hidden" role="status">
        {announcement && <span key={announcement.n}>{announcement.text}</span>}
      </span>
    </section>
  );
}
