import { describe, expect, it } from 'vitest';
import { zoneLabel } from '../../../../shared/newsroom-time';
import { WORKFLOW_ACTIONS } from '../../../../shared/workflow';
import type { ArticleStatus } from '../../../../shared/domain';
import { initI18n } from '../../i18n';
import { translateError } from '../../i18n/errors';

const STATUSES: ArticleStatus[] = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'rejected', 'conflict', 'failed'];

describe('workflow copy', () => {
  it('names every status and action in both languages, as the copy deck spells them', async () => {
    const id = await initI18n('id');
    const en = await initI18n('en');
    expect(STATUSES.map((s) => id.t(`workflow.status.${s}`))).toEqual(['Draf', 'Dikirim', 'Disetujui', 'Terjadwal', 'Terbit', 'Ditolak', 'Konflik', 'Gagal']);
    expect(STATUSES.map((s) => en.t(`workflow.status.${s}`))).toEqual(['Draft', 'Submitted', 'Approved', 'Scheduled', 'Published', 'Rejected', 'Conflict', 'Failed']);
    for (const i18n of [id, en]) {
      for (const action of WORKFLOW_ACTIONS) {
        for (const group of ['workflow.action', 'workflow.done', 'history.action']) {
          expect(i18n.exists(`${group}.${action}`), `${i18n.language}: ${group}.${action}`).toBe(true);
        }
      }
    }
  });

  it('labels the publish time field with the newsroom zone', async () => {
    const id = await initI18n('id');
    expect(id.t('workflow.publishTime', { zone: zoneLabel('Asia/Makassar') })).toBe('Waktu terbit (WITA)');
    expect(id.t('workflow.publishTime', { zone: zoneLabel('Asia/Jakarta') })).toBe('Waktu terbit (WIB)');
    const en = await initI18n('en');
    expect(en.t('workflow.publishTime', { zone: zoneLabel('Asia/Jayapura') })).toBe('Publish time (WIT)');
  });

  it('translates refusals with the status and step in words', async () => {
    const id = await initI18n('id');
    const refusal = { kind: 'conflict', code: 'workflow.notAllowedFromStatus', message: 'x', retryable: false, params: { status: 'approved', action: 'approve' } } as const;
    expect(translateError(id, refusal)).toBe(
      'Langkah “Setujui” tidak bisa dilakukan pada naskah berstatus Disetujui. Statusnya mungkin baru diubah di jendela lain.',
    );
    const en = await initI18n('en');
    expect(translateError(en, { ...refusal, code: 'workflow.notEditable', params: { status: 'submitted', role: 'writer' } })).toBe(
      'An article that is Submitted cannot be changed in your role, so the latest changes are not saved.',
    );
    for (const code of ['notReady', 'roleNotAllowed', 'noteRequired', 'publishAtRequired', 'publishAtInPast']) {
      expect(translateError(id, { kind: 'validation', code: `workflow.${code}`, message: 'x', retryable: false })).not.toMatch(/Terjadi kesalahan|\$t\(|\{\{/);
    }
  });
});
