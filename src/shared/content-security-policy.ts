/**
 * The Content-Security-Policy both transports send with the renderer's HTML (the Electron shell
 * through its session, the browser-mode host as a response header). One definition, so the two
 * cannot drift apart.
 */
import { MEDIA_PROTOCOL } from './transport';

export interface ContentSecurityPolicyOptions {
  /**
   * Origin of the Vite dev server (e.g. `http://localhost:5173`) while developing: its module
   * preamble is an inline script and hot reload talks over a WebSocket. Never set for built files.
   */
  devServerOrigin?: string;
}

export function contentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): string {
  const dev = options.devServerOrigin;
  const wsOrigin = dev ? dev.replace(/^http/, 'ws') : '';
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'"]],
    // Vite injects <style> elements while developing; built CSS is a linked file.
    ['style-src', dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'"]],
    // Stored photos: same origin in browser mode, the redaksi-media: scheme in Electron.
    ['img-src', ["'self'", 'data:', 'blob:', `${MEDIA_PROTOCOL}:`]],
    ['font-src', ["'self'", 'data:']],
    ['media-src', ["'self'", 'blob:']],
    ['connect-src', dev ? ["'self'", dev, wsOrigin] : ["'self'"]],
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Headers every HTML document of the app carries, whichever transport serves it. */
export function documentSecurityHeaders(options: ContentSecurityPolicyOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
