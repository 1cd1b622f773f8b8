/**
 * Taking an article through the workflow from the editor. Submitting saves what is on screen first,
 * then asks the backend what is still missing, so the check always sees the latest text.
 */
import type { HandlerInput } from '../../../../shared/contract';
import type { ArticleSummary, ReadinessProblem, WorkflowEvent } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { errorShapeOf, type ApiClient } from '../../api';
import { problemsFromError } from './readiness';

export type TransitionOutcome =
  | { kind: 'done'; article: ArticleSummary; event: WorkflowEvent }
  /** The article lacks something; nothing changed. */
  | { kind: 'notReady'; problems: ReadinessProblem[] }
  /** The text on screen could not be saved first; nothing was sent. */
  | { kind: 'unsaved'; error: AppErrorShape | null }
  | { kind: 'failed'; error: AppErrorShape };

export interface OpenArticle {
  id: string;
  /** Saves pending edits now; false when that was not possible. */
  flush(): Promise<boolean>;
  /** Why the last save failed, if it did. */
  saveError(): AppErrorShape | null;
}

type Invoke = ApiClient['invoke'];
type TransitionRequest = Omit<HandlerInput<'workflow-transition'>, 'id'>;

export async function transition(invoke: Invoke, article: OpenArticle, request: TransitionRequest): Promise<TransitionOutcome> {
  // Whatever the action, the backend should act on the text the person sees.
  if (!(await article.flush())) return { kind: 'unsaved', error: article.saveError() };
  if (request.action === 'submit') {
    let problems: ReadinessProblem[];
    try {
      problems = await invoke('workflow-check', { id: article.id });
    } catch (err) {
      return { kind: 'failed', error: errorShapeOf(err) };
    }
    if (problems.length > 0) return { kind: 'notReady', problems };
  }
  try {
    const { article: summary, event } = await invoke('workflow-transition', { id: article.id, ...request });
    return { kind: 'done', article: summary, event };
  } catch (err) {
    const error = errorShapeOf(err);
    // Something changed between the check and the submit (another window): same list, same words.
    const problems = problemsFromError(error);
    return problems ? { kind: 'notReady', problems } : { kind: 'failed', error };
  }
}
