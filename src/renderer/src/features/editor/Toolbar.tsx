/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (ARIA toolbar pattern).
 * Buttons show their shortcut in a tooltip and aria-pressed follows the selection.
 */
import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import {
  $createTextNode,
  $findMatchingParent,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  type LexicalNode,
  mergeRegister,
  REDO_COMMAND,
  type TextFormatType,
  UNDO_COMMAND,
} from 'lexical';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands } from '../../app/commands';
import { Icon, type IconName } from '../../ui/Icon';
import { SHORTCUTS, shortcutAria, shortcutLabel, type Shortcut } from '../../ui/shortcuts';
import { usePhotoImport } from '../photos/PhotoImport';
import { $readSelectionFormat, EMPTY_FORMAT, OPEN_LINK_DIALOG_COMMAND, setBlockKind, type BlockKind, type SelectionFormat } from './commands';
import { LinkDialog } from './LinkDialog';
import { TableTools } from './tables/TableTools';

function sameFormat(a: SelectionFormat, b: SelectionFormat): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.strikethrough === b.strikethrough &&
    a.link === b.link &&
    a.block === b.block
  );
}

interface ToolButtonProps {
  label: string;
  shortcut?: Shortcut;
  icon?: IconName;
  text?: string;
  pressed?: boolean;
  disabled?: boolean;
  onPress: () => void;
}

export function ToolButton({ label, shortcut, icon, text, pressed, disabled, onPress }: ToolButtonProps) {
  const tip = shortcut ? `${label} (${shortcutLabel(shortcut)})` : label;
  return (
    <button
      type="button"
      className="tool-btn"
      aria-label={label}
      aria-pressed={pressed === undefined ? undefined : pressed}
      aria-keyshortcuts={shortcut ? shortcutAria(shortcut) : undefined}
      data-tooltip={tip}
      disabled={disabled}
      // Keep the editor's selection when clicking with the mouse.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPress}
    >
      {icon ? <Icon name={icon} /> : <span className="tool-text">{text}</span>}
    </button>
  );
}

export const Separator = () => <span className="tool-sep" aria-hidden="true" />;

function $linkAncestor(node: LexicalNode) {
  return $findMatchingParent(node, $isLinkNode);
}

export const Toolbar = memo(function Toolbar({ children }: { children?: ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const [format, setFormat] = useState<SelectionFormat>(EMPTY_FORMAT);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkDialog, setLinkDialog] = useState<null | { url: string }>(null);
  const savedSelection = useRef<BaseSelection | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  // A read-only article (e.g. in review) offers no formatting; the save status and actions stay usable.
  const editable = useLexicalEditable();
  const photoImport = usePhotoImport();

  const openLinkDialog = useCallback(() => {
    editor.getEditorState().read(() => {
      const selection = $getSelection();
      savedSelection.current = selection ? selection.clone() : null;
      let url = '';
      if ($isRangeSelection(selection)) {
        const link = $linkAncestor(selection.anchor.getNode()) ?? $linkAncestor(selection.focus.getNode());
        if (link) url = link.getURL();
      }
      setLinkDialog({ url });
    });
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const next = $readSelectionFormat();
            setFormat((prev) => (sameFormat(prev, next) ? prev : next));
          });
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (value) => {
            setCanUndo(value);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (value) => {
            setCanRedo(value);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          OPEN_LINK_DIALOG_COMMAND,
          () => {
            openLinkDialog();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, openLinkDialog],
  );

  // Roving tabindex: exactly one enabled button is in the tab order.
  useLayoutEffect(() => {
    const buttons = [...(barRef.current?.querySelectorAll<HTMLButtonElement>('.tool-btn') ?? [])];
    const enabled = buttons.filter((b) => !b.disabled);
    const current = enabled.find((b) => b.tabIndex === 0) ?? enabled[0];
    for (const b of buttons) b.tabIndex = b === current ? 0 : -1;
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...(barRef.current?.querySelectorAll<HTMLButtonElement>('.tool-btn:not(:disabled)') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % buttons.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else return;
    event.preventDefault();
    for (const b of buttons) b.tabIndex = -1;
    buttons[next]!.tabIndex = 0;
    buttons[next]!.focus();
  };

  const formatText = (type: TextFormatType) => () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  const block = (kind: Exclude<BlockKind, 'other'>) => () => setBlockKind(editor, kind);

  // The same actions for the application menu and the command palette, while the article can be edited.
  useCommands(
    {
      bold: formatText('bold'),
      italic: formatText('italic'),
      underline: formatText('underline'),
      strikethrough: formatText('strikethrough'),
      link: () => openLinkDialog(),
      paragraph: block('paragraph'),
      heading2: block('h2'),
      heading3: block('h3'),
      heading4: block('h4'),
      'bullet-list': block('bullet'),
      'numbered-list': block('number'),
      quote: block('quote'),
    },
    editable,
  );

  const applyLink = (url: string): void => {
    editor.update(() => {
      if (savedSelection.current) $setSelection(savedSelection.current.clone());
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      const link = $linkAncestor(selection.anchor.getNode());
      if (selection.isCollapsed()) {
        if (link) {
          link.setURL(url);
        } else {
          // Nothing selected: the address itself becomes the link text.
          const node = $createLinkNode(url);
          node.append($createTextNode(url.replace(/^mailto:/, '')));
          selection.insertNodes([node]);
        }
      } else {
        $toggleLink(url);
      }
    });
    setLinkDialog(null);
    editor.focus();
  };

  const removeLink = (): void => {
    editor.update(() => {
      if (savedSelection.current) $setSelection(savedSelection.current.clone());
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      const link = $linkAncestor(selection.anchor.getNode());
      if (selection.isCollapsed() && link) {
        for (const child of link.getChildren()) link.insertBefore(child);
        link.remove();
      } else {
        $toggleLink(null);
      }
    });
    setLinkDialog(null);
    editor.focus();
  };

  return (
    <div className="editor-toolbar-row">
      <div ref={barRef} className="toolbar" role="toolbar" aria-label={t('editor.toolbar')} inert={!editable} onKeyDown={onKeyDown}>
        <ToolButton label={t('editor.undo')} shortcut={SHORTCUTS.undo} icon="undo" disabled={!canUndo} onPress={() => editor.dispatchCommand(UNDO_COMMAND, undefined)} />
        <ToolButton label={t('editor.redo')} shortcut={SHORTCUTS.redo} icon="redo" disabled={!canRedo} onPress={() => editor.dispatchCommand(REDO_COMMAND, undefined)} />
        <Separator />
        <ToolButton label={t('editor.paragraph')} shortcut={SHORTCUTS.paragraph} icon="paragraph" pressed={format.block === 'paragraph'} onPress={block('paragraph')} />
        <ToolButton label={t('editor.heading2')} shortcut={SHORTCUTS.heading2} text="H2" pressed={format.block === 'h2'} onPress={block('h2')} />
        <ToolButton label={t('editor.heading3')} shortcut={SHORTCUTS.heading3} text="H3" pressed={format.block === 'h3'} onPress={block('h3')} />
        <ToolButton label={t('editor.heading4')} shortcut={SHORTCUTS.heading4} text="H4" pressed={format.block === 'h4'} onPress={block('h4')} />
        <Separator />
        <ToolButton label={t('editor.bold')} shortcut={SHORTCUTS.bold} icon="bold" pressed={format.bold} onPress={formatText('bold')} />
        <ToolButton label={t('editor.italic')} shortcut={SHORTCUTS.italic} icon="italic" pressed={format.italic} onPress={formatText('italic')} />
        <ToolButton label={t('editor.underline')} shortcut={SHORTCUTS.underline} icon="underline" pressed={format.underline} onPress={formatText('underline')} />
        <ToolButton label={t('editor.strikethrough')} shortcut={SHORTCUTS.strikethrough} icon="strikethrough" pressed={format.strikethrough} onPress={formatText('strikethrough')} />
        <ToolButton label={t('editor.link')} shortcut={SHORTCUTS.link} icon="link" pressed={format.link} onPress={openLinkDialog} />
        <Separator />
        <ToolButton label={t('editor.bulletList')} shortcut={SHORTCUTS.bulletList} icon="bulletList" pressed={format.block === 'bullet'} onPress={block('bullet')} />
        <ToolButton label={t('editor.numberedList')} shortcut={SHORTCUTS.numberedList} icon="numberedList" pressed={format.block === 'number'} onPress={block('number')} />
        <ToolButton label={t('editor.quote')} shortcut={SHORTCUTS.quote} icon="quote" pressed={format.block === 'quote'} onPress={block('quote')} />
        <ToolButton label={t('editor.horizontalRule')} icon="rule" onPress={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)} />
        <TableTools />
        {photoImport && (
          <>
            <Separator />
            <ToolButton label={t('photos.insert')} shortcut={SHORTCUTS.insertImage} icon="image" onPress={photoImport.openPicker} />
          </>
        )}
      </div>
      {children}
      {linkDialog && (
        <LinkDialog
          initialUrl={linkDialog.url}
          onApply={applyLink}
          onRemove={linkDialog.url ? removeLink : undefined}
          onClose={() => {
            setLinkDialog(null);
            editor.focus();
          }}
        />
      )}
    </div>
  );
});
