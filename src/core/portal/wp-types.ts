/** The shapes the WordPress REST client reads and writes (see wordpress-client.ts). */
import type { HostLookup, HttpPort } from './download';

export type NewsroomRole = 'writer' | 'editor';

export interface RestIndex {
  name: string;
  url: string;
  home: string;
  timezoneString: string;
  gmtOffset: number;
  namespaces: string[];
  applicationPasswords: boolean;
}

export interface CurrentUser {
  id: number;
  username: string;
  name: string;
  roles: string[];
  capabilities: Record<string, boolean>;
  /** null when the account may not write posts at all (e.g. a subscriber). */
  newsroomRole: NewsroomRole | null;
}

export interface WpPost {
  id: number;
  status: string;
  date: string;
  dateGmt: string;
  modifiedGmt: string;
  slug: string;
  link: string;
  title: string;
  content: string;
  excerpt: string;
  author: number;
  categories: number[];
  tags: number[];
  featuredMedia: number;
  revisionCount: number | undefined;
}

export type WpPostState = Pick<WpPost, 'id' | 'status' | 'dateGmt' | 'modifiedGmt' | 'link'>;

export interface PostInput {
  title?: string;
  content?: string;
  excerpt?: string;
  status?: 'draft' | 'pending' | 'future' | 'publish' | 'private';
  /** UTC instant; sent as `date_gmt` so the site's own zone never shifts it. */
  publishAt?: number;
  categories?: number[];
  tags?: number[];
  featuredMedia?: number;
  slug?: string;
}

export interface WpMedia {
  id: number;
  sourceUrl: string;
  mimeType: string;
  title: string;
  width: number | undefined;
  height: number | undefined;
}

export interface WpTerm {
  id: number;
  name: string;
  slug: string;
  parent: number;
  count: number;
}

export interface ConflictBase {
  modifiedGmt: string;
  revisionCount: number;
}

export interface ResponseMeta {
  status: number;
  headers: Headers;
  /** Milliseconds the portal's clock is ahead of ours (negative: behind); undefined without a Date header. */
  clockSkewMs: number | undefined;
  total: number | undefined;
}

export interface ClientOptions {
  /** REST root as discovered: `https://site/wp-json/` or `https://site/?rest_route=/`. */
  apiRoot: string;
  username?: string;
  appPassword?: string;
  fetch?: HttpPort;
  timeoutMs?: number;
  now?: () => number;
  /** The address the person saved: its origin, like the REST root's, may serve the post's photos. */
  siteAddress?: string;
  /** Resolves host names for the download rules (tests give their own). */
  lookup?: HostLookup;
}
