/**
 * The node types the editor registers. Exactly the backend's allowlist (ALLOWED_NODE_TYPES in
 * src/shared/lexical-document.ts) minus what the editor does not create yet: anything else pasted in
 * is converted to these on import, so every save passes the backend's checks. Images are placed
 * only as prepared photos of the library (ImageNode has no HTML import: a pasted <img> is dropped).
 */
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { ImageNode } from '../photos/image-node';
import { EmbedNode } from './embeds/embed-node';
import { PortalBlockNode } from './portal-block/portal-block-node';

export const EDITOR_NODES: readonly Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, HorizontalRuleNode, ImageNode, PortalBlockNode, EmbedNode, TableNode, TableRowNode, TableCellNode];

export { LOAD_TAG } from './tags';
