import { describe, expect, it } from 'vitest';
import { embedFieldsProblem, recogniseEmbed } from './embeds';

describe('recogniseEmbed', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&si=abc', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=Xk2', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['http://youtube.com/shorts/dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://www.youtube.com/live/dQw4w9WgXcQ?utm_source=wa', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://x.com/BMKG/status/1790000000000000000?s=20&t=abc', 'twitter', 'https://twitter.com/BMKG/status/1790000000000000000'],
    ['https://mobile.twitter.com/BMKG/status/1790000000000000000', 'twitter', 'https://twitter.com/BMKG/status/1790000000000000000'],
    ['https://twitter.com/BMKG/statuses/1790000000000000000/photo/1', 'twitter', 'https://twitter.com/BMKG/status/1790000000000000000'],
    ['https://www.instagram.com/p/C7abcDEF123/?igsh=MWx2&utm_source=ig_web_copy_link', 'instagram', 'https://www.instagram.com/p/C7abcDEF123/'],
    ['https://instagram.com/reel/C7abcDEF123', 'instagram', 'https://www.instagram.com/reel/C7abcDEF123/'],
    ['https://www.tiktok.com/@humaskukar/video/7370000000000000000?is_from_webapp=1&sender_device=pc', 'tiktok', 'https://www.tiktok.com/@humaskukar/video/7370000000000000000'],
    ['https://m.facebook.com/pemkabkukar/posts/pfbid02abc?mibextid=Nif5oz', 'facebook', 'https://www.facebook.com/pemkabkukar/posts/pfbid02abc'],
    ['https://www.facebook.com/watch/?v=1234567890&ref=sharing', 'facebook', 'https://www.facebook.com/watch/?v=1234567890'],
    ['https://www.facebook.com/permalink.php?story_fbid=123&id=456&rdid=x', 'facebook', 'https://www.facebook.com/permalink.php?story_fbid=123&id=456'],
    ['https://fb.watch/abcDEF12/', 'facebook', 'https://fb.watch/abcDEF12/'],
    ['  https://youtu.be/dQw4w9WgXcQ \n', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
  ])('%s is a %s post', (input, provider, url) => {
    expect(recogniseEmbed(input)).toEqual({ provider, url });
  });

  it.each([
    'https://www.youtube.com/',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/@BMKG',
    'https://youtu.be/dQw4w9WgXcQ/extra',
    'https://x.com/BMKG',
    'https://x.com/BMKG/status/abc',
    'https://instagram.com/bmkg',
    'https://vm.tiktok.com/ZSabc/',
    'https://www.facebook.com/pemkabkukar',
    'https://notyoutube.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.com.evil.test/watch?v=dQw4w9WgXcQ',
    'https://user:pw@youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.com:8443/watch?v=dQw4w9WgXcQ',
    'javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ',
    'ftp://youtu.be/dQw4w9WgXcQ',
    'Tonton https://youtu.be/dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ https://youtu.be/dQw4w9WgXcQ',
    `https://youtu.be/dQw4w9WgXcQ?x=${'a'.repeat(3000)}`,
    '',
  ])('%s stays a link (or text)', (input) => {
    expect(recogniseEmbed(input)).toBeNull();
  });

  it('accepts only canonical embed fields in a body', () => {
    expect(embedFieldsProblem({ provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' })).toBeNull();
    expect(embedFieldsProblem({ provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ' })).toMatch(/canonical/);
    expect(embedFieldsProblem({ provider: 'twitter', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' })).toMatch(/provider/);
    expect(embedFieldsProblem({ provider: 'youtube', url: 'https://evil.test/' })).toMatch(/supported/);
    expect(embedFieldsProblem({ provider: 'youtube', url: 42 })).toMatch(/supported/);
  });
});
