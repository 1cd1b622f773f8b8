/** A block kept from the portal in the editor: a locked card with its name; its markup is never shown. */
import type { NodeKey } from 'lexical';
import { useTranslation } from 'react-i18next';
import { BlockCard } from './BlockCard';

export function PortalBlockCard({ nodeKey, name }: { nodeKey: NodeKey; name: string }) {
  const { t } = useTranslation();
  return <BlockCard nodeKey={nodeKey} title={t('portalBlock.label', { name })} note={t('portalBlock.note')} icon="lock" data={{ 'portal-block': name }} />;
}
