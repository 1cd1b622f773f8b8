import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fromWallClock, toWallClock } from '../../../shared/newsroom-time';
import { makePhonePhoto } from '../../../../test-support/photos';
import { preparePhoto } from '../../media/prepare-photo';
import { mediaFilenameForHash, toWpGmt } from '../wordpress-client';
import { clientFor, uniqueId } from './site';
import { rejectionOf } from '../../../../test-support/errors';


describe('writing to the portal by role', () => {
  it('a contributor creates a pending post and cannot publish', async () => {
    const contributor = clientFor('CONTRIBUTOR');
    const post = await contributor.createPost({ title: 'Banjir di Tenggarong', content: '<p>Air naik.</p>', excerpt: 'Ringkas', status: 'pending' });
    expect(post.status).toBe('pending');
    expect(post.excerpt).toBe('Ringkas');
    const refused = await rejectionOf(contributor.createPost({ title: 'Langsung terbit', status: 'publish' }));
    expect([refused.kind, refused.code, refused.params?.status, refused.params?.wpCode]).toEqual(['auth', 'portal.forbidden', 403, 'rest_cannot_publish']);
    const upload = await rejectionOf(contributor.uploadMedia({ data: Buffer.from([0xff, 0xd8, 0xff]), mime: 'image/jpeg', filename: 'x.jpg' }));
    expect([upload.code, upload.params?.wpCode]).toEqual(['portal.forbidden', 'rest_cannot_create']);
    const mine = await contributor.listPosts({ status: 'pending' });
    expect(mine.posts.map((p) => p.id)).toContain(post.id);
  });

  it('an author uploads a prepared photo: the file on the portal has no EXIF or GPS', async () => {
    const photo = await preparePhoto(await makePhonePhoto({ width: 1200, height: 900, seed: Date.now() % 1000 }), { longEdge: 1200, format: 'jpeg', quality: 80 });
    // The source really had GPS: the check below can fail.
    expect((await sharp(await makePhonePhoto({ width: 64, height: 48 })).metadata()).exif).toBeDefined();
    const author = clientFor('AUTHOR');
    const media = await author.uploadMedia({
      data: photo.data,
      mime: photo.mime,
      filename: mediaFilenameForHash(photo.fileHash, 'Banjir Tenggarong "pagi"', 'jpg'),
      altText: 'Warga mengungsi',
    });
    expect(media.mimeType).toBe('image/jpeg');
    expect(media.sourceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/.+redaksi-[0-9a-f]{24}\.jpg$/);
    const served = Buffer.from(await (await fetch(media.sourceUrl)).arrayBuffer());
    expect(served.equals(photo.data)).toBe(true);
    const meta = await sharp(served).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(served.includes(Buffer.from('GPS'))).toBe(false);

    const post = await author.createPost({ title: 'Dengan foto', content: '<p>x</p>', status: 'draft', featuredMedia: media.id });
    expect(post.featuredMedia).toBe(media.id);
  });

  it('an editor schedules with date_gmt from a WITA instant and gets status future', async () => {
    const editor = clientFor('EDITOR');
    // Tomorrow 09:00 WITA, whatever the zone of this process.
    const tomorrow = toWallClock(Date.now() + 24 * 3600 * 1000, 'Asia/Makassar');
    const publishAt = fromWallClock({ year: tomorrow.year, month: tomorrow.month, day: tomorrow.day, hour: 9, minute: 0 }, 'Asia/Makassar');
    const draft = await clientFor('CONTRIBUTOR').createPost({ title: 'Dijadwalkan', content: '<p>x</p>', status: 'pending' });
    const scheduled = await editor.updatePost(draft.id, { status: 'future', publishAt });
    expect(scheduled.status).toBe('future');
    expect(scheduled.dateGmt).toBe(toWpGmt(publishAt));
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(scheduled.date).toBe(`${tomorrow.year}-${pad(tomorrow.month)}-${pad(tomorrow.day)}T09:00:00`);
    const listed = await editor.listPosts({ status: 'future' });
    expect(listed.posts.find((p) => p.id === draft.id)?.dateGmt).toBe(toWpGmt(publishAt));
  });

  it('terms: categories listed, tags searched and created (term_exists reuses)', async () => {
    const editor = clientFor('EDITOR');
    const slug = `daerah-${uniqueId().slice(0, 8)}`;
    const category = await editor.createCategory({ name: `Daerah ${slug}`, slug });
    expect((await editor.listCategories()).map((c) => c.id)).toContain(category.id);
    const name = `banjir ${uniqueId().slice(0, 6)}`;
    const tag = await clientFor('CONTRIBUTOR').ensureTag(name); // any edit_posts user may create tags
    const again = await editor.ensureTag(name);
    expect(again.id).toBe(tag.id);
    expect((await editor.searchTags(name)).map((t) => t.id)).toEqual([tag.id]);
    const post = await editor.createPost({ title: 'Bertag', status: 'draft', categories: [category.id], tags: [tag.id] });
    expect([post.categories, post.tags]).toEqual([[category.id], [tag.id]]);
  });

  it('conflict base: revision count and modified_gmt move with content edits', async () => {
    const author = clientFor('AUTHOR');
    const post = await author.createPost({ title: 'Versi 1', content: '<p>a</p>', status: 'draft' });
    const base = await author.conflictBase(post.id);
    expect(base.modifiedGmt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    await clientFor('EDITOR').updatePost(post.id, { content: '<p>b</p>' });
    const after = await author.conflictBase(post.id);
    expect(after.revisionCount).toBe(base.revisionCount + 1);
  });
});
