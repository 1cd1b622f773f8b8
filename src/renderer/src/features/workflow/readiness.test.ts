import { describe, expect, it } from 'vitest';
import type { AppErrorShape } from '../../../../shared/errors';
import { initI18n } from '../../i18n';
import { problemsFromError, readinessMessage, readinessSentences } from './readiness';

const notReady = (issues: AppErrorShape['issues']): AppErrorShape => ({
  kind: 'validation',
  code: 'workflow.notReady',
  message: 'not ready',
  retryable: false,
  params: { count: issues?.length ?? 0 },
  issues,
});

describe('readiness messages', () => {
  it('names the photo by its position', () => {
    expect(readinessMessage({ code: 'imageWithoutAlt', position: 2 })).toEqual({ key: 'errors.readiness.imageWithoutAlt', values: { position: 2 } });
    expect(readinessMessage({ code: 'missingCategory' })).toEqual({ key: 'errors.readiness.missingCategory', values: {} });
  });

  it('says in words what is missing, in both languages', async () => {
    const problems = [{ code: 'missingTitle' as const }, { code: 'missingCategory' as const }, { code: 'imageWithoutAlt' as const, position: 2 }];
    const id = await initI18n('id');
    expect(readinessSentences(problems, id.t)).toEqual(['Judul belum diisi.', 'Kategori belum dipilih.', 'Foto ke-2 belum punya teks alternatif.']);
    const en = await initI18n('en');
    expect(readinessSentences(problems, en.t)).toEqual(['The title is empty.', 'No category is chosen.', 'Photo 2 has no alt text yet.']);
  });
});

describe('problemsFromError', () => {
  it('reads the problems a refused submit carries', () => {
    const error = notReady([
      { path: 'missingBody', code: 'readiness.missingBody', message: 'missingBody' },
      { path: 'image.1', code: 'readiness.imageWithoutAlt', message: 'imageWithoutAlt' },
      { path: 'image.3', code: 'readiness.imageWithoutAlt', message: 'imageWithoutAlt' },
    ]);
    expect(problemsFromError(error)).toEqual([{ code: 'missingBody' }, { code: 'imageWithoutAlt', position: 1 }, { code: 'imageWithoutAlt', position: 3 }]);
  });

  it('ignores codes it does not know and errors of another kind', () => {
    expect(problemsFromError(notReady([{ path: 'x', code: 'readiness.somethingNew', message: '' }]))).toEqual([]);
    expect(problemsFromError({ kind: 'conflict', code: 'workflow.notAllowedFromStatus', message: '', retryable: false })).toBeNull();
  });
});
