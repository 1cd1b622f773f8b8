/**
 * The table buttons of the toolbar and their commands (palette and menu): insert a table with a
 * header row; inside a table, add a row below or a column to the right, delete the row or column.
 * Tab and Shift+Tab move between cells (Lexical's table plugin); the buttons are reached with the
 * toolbar's arrow keys like the others.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $findTableNode,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  INSERT_TABLE_COMMAND,
} from '@lexical/table';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands } from '../../../app/commands';
import { Separator, ToolButton } from '../Toolbar';

/** A new table: three columns, a header row and two rows for the figures. */
export const NEW_TABLE = { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } } as const;

export function TableTools() {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [inTable, setInTable] = useState(false);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read(() => {
          const selection = $getSelection();
          return $isRangeSelection(selection) && $findTableNode(selection.anchor.getNode()) !== null;
        });
        setInTable((previous) => (previous === next ? previous : next));
      }),
    [editor],
  );

  const insert = (): void => {
    editor.dispatchCommand(INSERT_TABLE_COMMAND, NEW_TABLE);
    editor.focus();
  };
  const inCell = (change: () => void) => (): void => {
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection) && $findTableNode(selection.anchor.getNode())) change();
    });
    editor.focus();
  };
  const rowBelow = inCell(() => $insertTableRowAtSelection(true));
  const columnRight = inCell(() => $insertTableColumnAtSelection(true));
  const deleteRow = inCell(() => $deleteTableRowAtSelection());
  const deleteColumn = inCell(() => $deleteTableColumnAtSelection());

  useCommands({
    'insert-table': insert,
    'table-row-below': rowBelow,
    'table-column-right': columnRight,
    'table-row-delete': deleteRow,
    'table-column-delete': deleteColumn,
  });

  return (
    <>
      <ToolButton label={t('table.insert')} icon="table" onPress={insert} />
      {inTable && (
        <>
          <Separator />
          <ToolButton label={t('table.rowBelow')} icon="rowAdd" onPress={rowBelow} />
          <ToolButton label={t('table.columnRight')} icon="columnAdd" onPress={columnRight} />
          <ToolButton label={t('table.deleteRow')} icon="rowRemove" onPress={deleteRow} />
          <ToolButton label={t('table.deleteColumn')} icon="columnRemove" onPress={deleteColumn} />
        </>
      )}
    </>
  );
}
