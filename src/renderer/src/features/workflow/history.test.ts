import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../../../../shared/domain';
import { currentRejection, newestFirst } from './history';

let n = 0;
function ev(action: WorkflowEvent['action'], createdAt: number, note = ''): WorkflowEvent {
  n++;
  return { id: `e${n}`, articleId: 'a', action, fromStatus: 'draft', toStatus: 'submitted', actorRole: 'editor', actorName: 'Budi', note, publishAt: null, createdAt };
}

describe('currentRejection', () => {
  it('is the newest rejection while the article is rejected', () => {
    const events = [ev('submit', 1), ev('reject', 2, 'Tambah sumber'), ev('submit', 3), ev('reject', 4, 'Judul terlalu panjang')];
    expect(currentRejection(events, 'rejected')?.note).toBe('Judul terlalu panjang');
  });

  it('is nothing once the article moved on', () => {
    const events = [ev('submit', 1), ev('reject', 2, 'Tambah sumber'), ev('submit', 3)];
    expect(currentRejection(events, 'submitted')).toBeNull();
  });
});

describe('newestFirst', () => {
  it('orders by time and keeps the recorded order reversed for equal times', () => {
    const a = ev('submit', 5);
    const b = ev('approve', 5);
    const c = ev('schedule', 9);
    expect(newestFirst([a, b, c]).map((e) => e.id)).toEqual([c.id, b.id, a.id]);
  });
});
