/**
 * Markdown shortcuts while typing ("## ", "- ", "1. ", "> ", "**tebal**", "--- "), limited to what
 * the editor registers: headings H2-H4, lists, quotes, rules, inline formats and links.
 */
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  type ElementTransformer,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  type Transformer,
  UNORDERED_LIST,
} from '@lexical/markdown';
import { $createHorizontalRuleNode, $isHorizontalRuleNode, HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { $createHeadingNode, $isHeadingNode, $isQuoteNode, HeadingNode, type HeadingTagType } from '@lexical/rich-text';

/** "## " … "#### ": news articles use H2-H4 (the headline is the title field). */
export const NEWS_HEADING: ElementTransformer = {
  dependencies: [HeadingNode],
  export: (node, exportChildren) => {
    if (!$isHeadingNode(node)) return null;
    return `${'#'.repeat(Number(node.getTag().slice(1)))} ${exportChildren(node)}`;
  },
  regExp: /^(#{2,4})\s/,
  replace: (parentNode, children, match, isImport) => {
    if (!isImport && $isQuoteNode(parentNode)) return false;
    const heading = $createHeadingNode(`h${match[1]!.length}` as HeadingTagType);
    heading.append(...children);
    parentNode.replace(heading);
    if (!isImport) heading.select(0, 0);
  },
  type: 'element',
};

export const HORIZONTAL_RULE: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '---' : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    const rule = $createHorizontalRuleNode();
    if (isImport || parentNode.getNextSibling() !== null) parentNode.replace(rule);
    else parentNode.insertBefore(rule);
    rule.selectNext();
  },
  type: 'element',
};

export const NEWS_TRANSFORMERS: Transformer[] = [
  NEWS_HEADING,
  HORIZONTAL_RULE,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  LINK,
];
