import { describe, expect, it } from 'vitest';
import type { HandlerName } from '../../../../shared/contract';
import type { ArticleSummary, ReadinessProblem, WorkflowEvent } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { ClientError, type ApiClient } from '../../api/client';
import { transition, type OpenArticle } from './transitions';

const ID = '11111111-1111-4111-8111-111111111111';
const summary = { id: ID, status: 'submitted' } as ArticleSummary;
const event = { id: 'e1', action: 'submit' } as WorkflowEvent;

function fake(options: { saved?: boolean; problems?: ReadinessProblem[]; refuse?: AppErrorShape } = {}) {
  const calls: { name: HandlerName; args: unknown }[] = [];
  const order: string[] = [];
  const invoke = (async (name: HandlerName, args: unknown) => {
    calls.push({ name, args });
    order.push(name);
    if (name === 'workflow-check') return options.problems ?? [];
    if (name === 'workflow-transition') {
      if (options.refuse) throw new ClientError(options.refuse);
      return { article: summary, event };
    }
    throw new Error(`unexpected ${name}`);
  }) as ApiClient['invoke'];
  const article: OpenArticle = {
    id: ID,
    flush: async () => {
      order.push('flush');
      return options.saved ?? true;
    },
    saveError: () => (options.saved === false ? { kind: 'network', code: 'network.offline', message: 'down', retryable: true } : null),
  };
  return { invoke, article, calls, order };
}

describe('transition', () => {
  it('saves first, then checks, then submits', async () => {
    const { invoke, article, order, calls } = fake();
    await expect(transition(invoke, article, { action: 'submit' })).resolves.toEqual({ kind: 'done', article: summary, event });
    expect(order).toEqual(['flush', 'workflow-check', 'workflow-transition']);
    expect(calls[1]!.args).toEqual({ id: ID, action: 'submit' });
  });

  it('sends nothing when the text on screen could not be saved', async () => {
    const { invoke, article, calls } = fake({ saved: false });
    const outcome = await transition(invoke, article, { action: 'submit' });
    expect(outcome).toEqual({ kind: 'unsaved', error: expect.objectContaining({ code: 'network.offline' }) });
    expect(calls).toEqual([]);
  });

  it('stops at the check and lists what is missing', async () => {
    const problems: ReadinessProblem[] = [{ code: 'missingCategory' }, { code: 'imageWithoutAlt', position: 2 }];
    const { invoke, article, order } = fake({ problems });
    await expect(transition(invoke, article, { action: 'submit' })).resolves.toEqual({ kind: 'notReady', problems });
    expect(order).toEqual(['flush', 'workflow-check']);
  });

  it('turns a refused submit (changed since the check) into the same list', async () => {
    const refuse: AppErrorShape = {
      kind: 'validation',
      code: 'workflow.notReady',
      message: 'x',
      retryable: false,
      issues: [{ path: 'image.1', code: 'readiness.imageWithoutAlt', message: '' }],
    };
    const { invoke, article } = fake({ refuse });
    await expect(transition(invoke, article, { action: 'submit' })).resolves.toEqual({ kind: 'notReady', problems: [{ code: 'imageWithoutAlt', position: 1 }] });
  });

  it('checks readiness only for a submit, and passes the note and time through', async () => {
    const { invoke, article, order, calls } = fake();
    await transition(invoke, article, { action: 'schedule', publishAt: 1_800_000_000_000 });
    await transition(invoke, article, { action: 'reject', note: 'Lengkapi sumber.' });
    expect(order).toEqual(['flush', 'workflow-transition', 'flush', 'workflow-transition']);
    expect(calls.map((c) => c.args)).toEqual([
      { id: ID, action: 'schedule', publishAt: 1_800_000_000_000 },
      { id: ID, action: 'reject', note: 'Lengkapi sumber.' },
    ]);
  });

  it('reports other refusals as they are', async () => {
    const refuse: AppErrorShape = { kind: 'conflict', code: 'workflow.notAllowedFromStatus', message: 'x', retryable: false, params: { status: 'approved', action: 'approve' } };
    const { invoke, article } = fake({ refuse });
    await expect(transition(invoke, article, { action: 'approve' })).resolves.toEqual({ kind: 'failed', error: refuse });
  });
});
