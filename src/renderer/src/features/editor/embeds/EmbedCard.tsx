/** An embed in the editor: a card with the provider and the address; the post itself loads only on the portal. */
import type { NodeKey } from 'lexical';
import { useTranslation } from 'react-i18next';
import { EMBED_PROVIDER_NAMES, type EmbedProvider } from '../../../../../shared/embeds';
import { BlockCard } from '../portal-block/BlockCard';

export function EmbedCard({ nodeKey, provider, url }: { nodeKey: NodeKey; provider: EmbedProvider; url: string }) {
  const { t } = useTranslation();
  const name = EMBED_PROVIDER_NAMES[provider] ?? provider;
  return <BlockCard nodeKey={nodeKey} title={t('embed.label', { provider: name })} note={t('embed.note')} icon="link" address={url} data={{ embed: provider }} />;
}
