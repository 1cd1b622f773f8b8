/**
 * Social and video posts an article embeds: a YouTube, Instagram, X/Twitter, TikTok or Facebook
 * address on a line of its own. The same recogniser runs in the editor (to turn such a line into an
 * embed), in the backend's body check and in the portal renderer and parser, so all agree on what is
 * an embed and on its one canonical address: the form WordPress's oEmbed providers match
 * (twitter.com, not x.com; youtube.com/watch?v=), without tracking parameters. Anything else stays a
 * link. Offline the editor shows a card (provider and address); no third-party script or frame ever
 * runs in the app.
 */

export const EMBED_PROVIDERS = ['youtube', 'instagram', 'twitter', 'tiktok', 'facebook'] as const;
export type EmbedProvider = (typeof EMBED_PROVIDERS)[number];

export interface RecognisedEmbed {
  provider: EmbedProvider;
  /** The canonical address (what is stored and delivered). */
  url: string;
}

/** How each provider is named to a reader. */
export const EMBED_PROVIDER_NAMES: Record<EmbedProvider, string> = {
  youtube: 'YouTube',
  instagram: 'Instagram',
  twitter: 'X (Twitter)',
  tiktok: 'TikTok',
  facebook: 'Facebook',
};

/** WordPress's embed block: the oEmbed type each provider answers with. */
export const EMBED_TYPES: Record<EmbedProvider, 'video' | 'rich'> = {
  youtube: 'video',
  instagram: 'rich',
  twitter: 'rich',
  tiktok: 'video',
  facebook: 'rich',
};

const MAX_URL = 2048;
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const TWEET_USER = /^\w{1,15}$/;
const DIGITS = /^\d{1,25}$/;
const INSTAGRAM_CODE = /^[A-Za-z0-9_-]{5,64}$/;
const TIKTOK_USER = /^@[A-Za-z0-9_.]{1,32}$/;
const FACEBOOK_SLUG = /^[A-Za-z0-9_.-]{1,100}$/;

/** The address when `text` (trimmed) is a supported post's address and nothing else; otherwise null. */
export function recogniseEmbed(text: unknown): RecognisedEmbed | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_URL || /\s/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || (url.port && url.port !== '443' && url.port !== '80')) return null;
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '');
  const parts = url.pathname.split('/').filter(Boolean);
  switch (host) {
    case 'youtube.com':
      return youtube(parts[0] === 'watch' && parts.length === 1 ? url.searchParams.get('v') : parts[0] === 'shorts' || parts[0] === 'live' ? (parts[1] ?? null) : null);
    case 'youtu.be':
      return youtube(parts.length === 1 ? parts[0]! : null);
    case 'twitter.com':
    case 'x.com':
      if (parts.length >= 3 && TWEET_USER.test(parts[0]!) && (parts[1] === 'status' || parts[1] === 'statuses') && DIGITS.test(parts[2]!)) {
        return { provider: 'twitter', url: `https://twitter.com/${parts[0]}/status/${parts[2]}` };
      }
      return null;
    case 'instagram.com':
      if (parts.length >= 2 && (parts[0] === 'p' || parts[0] === 'reel' || parts[0] === 'tv') && INSTAGRAM_CODE.test(parts[1]!)) {
        return { provider: 'instagram', url: `https://www.instagram.com/${parts[0]}/${parts[1]}/` };
      }
      return null;
    case 'tiktok.com':
      if (parts.length >= 3 && TIKTOK_USER.test(parts[0]!) && parts[1] === 'video' && DIGITS.test(parts[2]!)) {
        return { provider: 'tiktok', url: `https://www.tiktok.com/${parts[0]}/video/${parts[2]}` };
      }
      return null;
    case 'facebook.com':
      return facebook(parts, url.searchParams);
    case 'fb.watch':
      return parts.length === 1 && FACEBOOK_SLUG.test(parts[0]!) ? { provider: 'facebook', url: `https://fb.watch/${parts[0]}/` } : null;
    default:
      return null;
  }
}

function youtube(id: string | null): RecognisedEmbed | null {
  return id && YOUTUBE_ID.test(id) ? { provider: 'youtube', url: `https://www.youtube.com/watch?v=${id}` } : null;
}

/** A page's post or video, a video by id, or a story permalink; tracking parameters dropped. */
function facebook(parts: string[], query: URLSearchParams): RecognisedEmbed | null {
  const post = (path: string): RecognisedEmbed => ({ provider: 'facebook', url: `https://www.facebook.com/${path}` });
  if (parts.length >= 3 && FACEBOOK_SLUG.test(parts[0]!) && (parts[1] === 'posts' || parts[1] === 'videos') && FACEBOOK_SLUG.test(parts[2]!)) {
    return post(`${parts[0]}/${parts[1]}/${parts[2]}`);
  }
  if (parts.length === 1 && parts[0] === 'watch' && DIGITS.test(query.get('v') ?? '')) return post(`watch/?v=${query.get('v')}`);
  if (parts.length === 1 && parts[0] === 'permalink.php' && DIGITS.test(query.get('story_fbid') ?? '') && DIGITS.test(query.get('id') ?? '')) {
    return post(`permalink.php?story_fbid=${query.get('story_fbid')}&id=${query.get('id')}`);
  }
  return null;
}

/** The fields of an embed node: which provider and the canonical address. */
export interface EmbedNodeFields {
  provider: EmbedProvider;
  url: string;
}

/** Null when the fields are a recognised embed in canonical form; otherwise what is wrong. */
export function embedFieldsProblem(node: Record<string, unknown>): string | null {
  const found = recogniseEmbed(node.url);
  if (!found) return 'embed without a supported address';
  if (found.url !== node.url) return 'embed address is not in its canonical form';
  if (found.provider !== node.provider) return 'embed provider does not match its address';
  return null;
}
