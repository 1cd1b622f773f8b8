/** Makes the Lexical body read-only while the person's role may not change the article in its status. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

export function ReadOnlyPlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  // A passive effect on purpose: LexicalComposer sets the editor editable in its own layout effect on
  // mount, which runs after any layout effect of a child and would undo this one.
  useEffect(() => {
    if (editor.isEditable() !== editable) editor.setEditable(editable);
  }, [editor, editable]);
  return null;
}
