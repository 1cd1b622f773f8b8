/**
 * What keeps an article from going to the editor, in words. The backend answers `workflow-check`
 * with problems, and refuses a submit with the same problems as error issues
 * (code `readiness.<code>`, path `image.<n>` for the n-th photo); both end up as one list here.
 */
import type { TFunction } from 'i18next';
import type { ReadinessProblem } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';

const CODES: readonly ReadinessProblem['code'][] = ['missingTitle', 'missingBody', 'missingCategory', 'imageWithoutAlt'];

function isReadinessCode(code: string): code is ReadinessProblem['code'] {
  return (CODES as readonly string[]).includes(code);
}

/** The i18n key and values of one problem's sentence. */
export function readinessMessage(problem: ReadinessProblem): { key: string; values: Record<string, number> } {
  const key = `errors.readiness.${problem.code}`;
  return problem.code === 'imageWithoutAlt' && problem.position !== undefined ? { key, values: { position: problem.position } } : { key, values: {} };
}

export function readinessSentences(problems: readonly ReadinessProblem[], t: TFunction): string[] {
  return problems.map((problem) => {
    const { key, values } = readinessMessage(problem);
    return t(key, values);
  });
}

/** The problems a refused submit carried, or null when the error is about something else. */
export function problemsFromError(error: AppErrorShape): ReadinessProblem[] | null {
  if (error.code !== 'workflow.notReady') return null;
  const problems: ReadinessProblem[] = [];
  for (const issue of error.issues ?? []) {
    const code = issue.code.replace(/^readiness\./, '');
    if (!isReadinessCode(code)) continue;
    const position = /^image\.(\d+)$/.exec(issue.path)?.[1];
    problems.push(position ? { code, position: Number(position) } : { code });
  }
  return problems;
}
