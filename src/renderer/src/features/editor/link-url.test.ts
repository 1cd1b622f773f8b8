import { describe, expect, it } from 'vitest';
import { normalizeLinkInput } from './link-url';

describe('normalizeLinkInput', () => {
  it('accepts http(s) and mailto addresses', () => {
    expect(normalizeLinkInput('https://kukarkab.go.id/berita')).toEqual({ ok: true, url: 'https://kukarkab.go.id/berita' });
    expect(normalizeLinkInput('  http://example.com ')).toEqual({ ok: true, url: 'http://example.com/' });
    expect(normalizeLinkInput('mailto:redaksi@example.id')).toEqual({ ok: true, url: 'mailto:redaksi@example.id' });
  });

  it('completes addresses typed without a scheme', () => {
    expect(normalizeLinkInput('www.kaltimprov.go.id')).toEqual({ ok: true, url: 'https://www.kaltimprov.go.id/' });
    expect(normalizeLinkInput('localhost:8080/wp-admin')).toEqual({ ok: true, url: 'https://localhost:8080/wp-admin' });
    expect(normalizeLinkInput('//cdn.example.id/a')).toEqual({ ok: true, url: 'https://cdn.example.id/a' });
    expect(normalizeLinkInput('redaksi@example.id')).toEqual({ ok: true, url: 'mailto:redaksi@example.id' });
  });

  it('refuses other schemes and nonsense', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://x.id', 'mailto:', 'ada spasi.com']) {
      expect(normalizeLinkInput(bad), bad).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(normalizeLinkInput('   ')).toEqual({ ok: false, reason: 'empty' });
  });
});
