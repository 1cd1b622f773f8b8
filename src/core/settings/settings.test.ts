import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/domain';
import { openTestBackend, type TestBackend } from '../testing/fixtures';
import { DEFAULT_SETTINGS } from './settings-service';

const open: TestBackend[] = [];
function start(): TestBackend {
  const t = openTestBackend();
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length > 0) open.pop()!.dispose();
});

describe('settings', () => {
  it('starts from the newsroom defaults', async () => {
    const t = start();
    expect(await t.call<Settings>('settings-get')).toEqual({
      language: 'id',
      theme: 'system',
      role: 'writer',
      timeZone: 'Asia/Makassar',
      onboarded: false,
      displayName: '',
      photoLongEdge: 1600,
      photoFormat: 'jpeg',
      bylineOnPortal: false,
    });
    expect(DEFAULT_SETTINGS.timeZone).toBe('Asia/Makassar');
  });

  it('merges an update, emits the whole result, and keeps it across a restart', async () => {
    let t = start();
    const events: Settings[] = [];
    t.backend.on('settings-changed', (s) => events.push(s));
    const next = await t.call<Settings>('settings-update', { language: 'en', onboarded: true });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, language: 'en', onboarded: true });
    expect(events).toEqual([next]);
    const again = await t.call<Settings>('settings-update', { theme: 'dark' });
    expect(again).toEqual({ ...next, theme: 'dark' });

    t = t.reopen();
    open.push(t);
    expect(await t.call<Settings>('settings-get')).toEqual(again);
  });

  it('refuses unknown keys and values, and stores nothing then', async () => {
    const t = start();
    expect(await t.fail('settings-update', { language: 'fr' })).toMatchObject({ kind: 'validation' });
    expect(await t.fail('settings-update', { timeZone: 'Europe/Berlin' })).toMatchObject({ kind: 'validation' });
    expect(await t.fail('settings-update', { theme: 'dark', portalPassword: 'x' })).toMatchObject({ kind: 'validation' });
    expect(await t.call<Settings>('settings-get')).toEqual(DEFAULT_SETTINGS);
  });
});
