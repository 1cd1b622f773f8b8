/**
 * Serves the built renderer under app://renderer/ rather than file://, so the page gets a proper
 * origin and response headers (CSP) and cannot reach other local files; stored photos come from
 * redaksi-media://<full|thumb>/<sha256>, resolved by the media store alone.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { protocol, type Session } from 'electron';
import { documentSecurityHeaders } from '../shared/content-security-policy';
import { MEDIA_PROTOCOL, type MediaVariant } from '../shared/transport';
import { contentTypeFor, resolveStaticFile } from '../web/static-files';
import { APP_HOST, APP_SCHEME } from './window-options';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: MEDIA_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRendererFiles(session: Session, rendererDir: string): void {
  const rootPromise = fs.realpath(path.resolve(rendererDir));
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    const file = await resolveStaticFile(await rootPromise, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const headers: Record<string, string> = {
      'Content-Type': contentTypeFor(file),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
      ...(file.endsWith('.html') ? documentSecurityHeaders() : {}),
    };
    return new Response(request.method === 'HEAD' ? null : await fs.readFile(file), { status: 200, headers });
  });
}

const notFound = (): Response => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
const MEDIA_NAME = /^\/([a-f0-9]{64})$/;

export type ResolveMedia = (variant: MediaVariant, hash: string) => { path: string; mime: string } | null;

export function serveMediaFiles(session: Session, resolveMedia: ResolveMedia): void {
  session.protocol.handle(MEDIA_PROTOCOL, async (request) => {
    const url = new URL(request.url);
    const variant = url.host;
    const hash = MEDIA_NAME.exec(url.pathname)?.[1];
    if ((variant !== 'full' && variant !== 'thumb') || !hash || request.method !== 'GET') return notFound();
    const found = resolveMedia(variant, hash);
    if (!found) return notFound();
    const data = await fs.readFile(found.path).catch(() => null);
    if (!data) return notFound();
    return new Response(data, {
      status: 200,
      headers: { 'Content-Type': found.mime, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=31536000, immutable' },
    });
  });
}
