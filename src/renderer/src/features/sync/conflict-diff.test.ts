import { describe, expect, it } from 'vitest';
import type { LexicalDocument, LexicalNode } from '../../../../shared/lexical-document';
import type { ConflictSide } from '../../../../shared/sync';
import { compareBodies, differingFields } from './conflict-diff';

const p = (text: string): LexicalNode => ({ type: 'paragraph', version: 1, children: text ? [{ type: 'text', version: 1, text }] : [] });
const doc = (...children: LexicalNode[]): LexicalDocument => ({ root: { type: 'root', version: 1, children } });
const image = (mediaId: string, caption: string): LexicalNode => ({ type: 'image', version: 1, mediaId, caption, credit: '', altText: '' });

function side(patch: Partial<ConflictSide> = {}): ConflictSide {
  return { title: 'Banjir Tenggarong', excerpt: 'Air naik.', body: doc(), text: '', category: 'Daerah', tags: ['banjir', 'Kukar'], changedAt: 1, ...patch };
}

describe('compareBodies', () => {
  it('marks paragraphs only one side has, not those that moved or differ only in spacing', () => {
    const local = doc(p('Hujan deras sejak pagi.'), p('Warga mengungsi ke masjid.'), p(''), p('BPBD menyiapkan perahu.'));
    const remote = doc(p('Warga  mengungsi ke masjid. '), p('Hujan deras sejak pagi.'), p('BPBD menyiapkan dua perahu karet.'));
    const { local: a, remote: b } = compareBodies(local, remote);
    expect(a.map((x) => [x.index, x.text, x.different])).toEqual([
      [0, 'Hujan deras sejak pagi.', false],
      [1, 'Warga mengungsi ke masjid.', false],
      [3, 'BPBD menyiapkan perahu.', true],
    ]);
    expect(b.map((x) => x.different)).toEqual([false, false, true]);
    expect(b[2]!.node).toEqual(remote.root.children[2]);
  });

  it('compares photos by the photo, and shows their captions', () => {
    const { local, remote } = compareBodies(doc(image('m1', 'Banjir di Jalan Mulawarman')), doc(image('m1', 'Banjir di Jl. Mulawarman'), image('m2', '')));
    expect(local.map((x) => [x.kind, x.text, x.different])).toEqual([['image', 'Banjir di Jalan Mulawarman', false]]);
    expect(remote.map((x) => x.different)).toEqual([false, true]);
  });
});

describe('differingFields', () => {
  it('names the fields that differ; tag order and case do not count', () => {
    expect([...differingFields(side(), side({ tags: ['kukar', 'banjir'] }))]).toEqual([]);
    expect([...differingFields(side(), side({ title: 'Banjir Rendam Tenggarong', category: null, tags: ['banjir'] }))]).toEqual(['title', 'category', 'tags']);
  });
});
