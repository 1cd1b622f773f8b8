import { describe, expect, it } from 'vitest';
import { clientIdMarker, markerBlock } from '../portal/wordpress-client';
import { bylineMarker, bylineParagraph, noteMarker, readByline, readClientId, readNote, remoteHash, stripMarkers } from './markers';

const post = (content: string) => ({ title: 'Judul', content, excerpt: '', categories: [3, 1], tags: [], featuredMedia: 0 });

describe('markers in post content', () => {
  it('carries a rejection note with characters that would end an HTML comment', () => {
    const note = { note: 'Kurang narasumber --> tambahkan <b>kutipan</b> & data BPS.', by: 'Redaktur Kukar', at: 1764554400000 };
    const marker = noteMarker(note);
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
    const read = readNote(`<p>Isi</p>\n${marker}\n${clientIdMarker('abc12345')}`);
    expect(read?.note).toEqual(note);
    expect(read?.token).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('ignores a damaged note and reads the client id', () => {
    expect(readNote('<!-- redaksi-note-v1 !!! -->')).toBeUndefined();
    expect(readNote('<!-- redaksi-note-v1 bm90IGpzb24 -->')).toBeUndefined();
    expect(readClientId(`<p>x</p>\n${clientIdMarker('0f9c2e1a-aaaa-bbbb-cccc-123456789abc')}`)).toBe('0f9c2e1a-aaaa-bbbb-cccc-123456789abc');
    expect(readClientId('<p>tanpa penanda</p>')).toBeUndefined();
  });

  it("carries the writer's name (Nama Anda) safely, and nothing for an article without one", () => {
    const marker = bylineMarker('  Siti --> Rahma <b>  ');
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
    expect(readByline(`<p>Isi</p>\n${marker}\n${clientIdMarker('abc12345')}`)).toBe('Siti --> Rahma <b>');
    expect(bylineMarker('   ')).toBe('');
    expect(readByline('<!-- redaksi-by-v1 !!! -->')).toBeUndefined();
    expect(readByline('<p>tanpa nama</p>')).toBeUndefined();
    // Not part of what a person can change on the portal: no conflict when a name is added.
    expect(remoteHash(post(`<p>Isi</p>\n${marker}`))).toBe(remoteHash(post('<p>Isi</p>')));
    expect(stripMarkers(`<p>Isi</p>\n${marker}`)).toBe('<p>Isi</p>\n');
  });

  it('strips only our own comments', () => {
    const html = `<!-- wp:paragraph --><p>Isi</p><!-- /wp:paragraph -->\n${noteMarker({ note: 'n', by: '', at: 0 })}\n${clientIdMarker('abc12345')}`;
    expect(stripMarkers(html)).toBe('<!-- wp:paragraph --><p>Isi</p><!-- /wp:paragraph -->\n');
  });

  it('strips the Custom HTML blocks the markers travel in, and leaves a person\'s own Custom HTML blocks alone', () => {
    const own = '<!-- wp:html -->\n<div>jajak pendapat</div>\n<!-- /wp:html -->';
    const html = `<!-- wp:paragraph -->\n<p>Isi</p>\n<!-- /wp:paragraph -->\n\n${own}\n\n${markerBlock(noteMarker({ note: 'n', by: '', at: 0 }))}\n\n${markerBlock(clientIdMarker('abc12345'))}`;
    expect(stripMarkers(html)).toBe(`<!-- wp:paragraph -->\n<p>Isi</p>\n<!-- /wp:paragraph -->\n\n${own}`);
    expect(readClientId(html)).toBe('abc12345');
    expect(remoteHash(post(html))).toBe(remoteHash(post(`<!-- wp:paragraph -->\n<p>Isi</p>\n<!-- /wp:paragraph -->\n\n${own}`)));
  });

  it('hashes what a person can change, not our markers or the order of term ids', () => {
    const base = remoteHash(post('<p>Isi</p>'));
    expect(remoteHash(post(`<p>Isi</p>\n${clientIdMarker('abc12345')}`))).toBe(base);
    expect(remoteHash({ ...post('<p>Isi</p>'), categories: [1, 3] })).toBe(base);
    expect(remoteHash(post('<p>Isi diubah</p>'))).not.toBe(base);
    expect(remoteHash({ ...post('<p>Isi</p>'), title: 'Judul lain' })).not.toBe(base);
    expect(remoteHash({ ...post('<p>Isi</p>'), featuredMedia: 9 })).not.toBe(base);
  });
});

describe('the writer\'s line on the portal', () => {
  it('is a paragraph block of its own class, escaped, and taken out again when the post is read back', () => {
    const line = bylineParagraph('  Siti <b>Rahma</b> & Tim ');
    expect(line).toBe(
      '<!-- wp:paragraph {"className":"redaksi-byline"} -->\n<p class="redaksi-byline">Penulis: Siti &lt;b&gt;Rahma&lt;/b&gt; &amp; Tim</p>\n<!-- /wp:paragraph -->',
    );
    const article = '<!-- wp:paragraph -->\n<p>Isi berita.</p>\n<!-- /wp:paragraph -->';
    const delivered = `${article}\n\n${line}\n\n${markerBlock(bylineMarker('Siti Rahma'))}`;
    expect(stripMarkers(delivered)).toBe(article);
    // The same post with and without the line is the same version of the text.
    expect(remoteHash(post(delivered))).toBe(remoteHash(post(article)));
    expect(bylineParagraph('   ')).toBe('');
  });
});
