import { describe, expect, it } from 'vitest';
import type { ArticleStatus, LocalRole } from './domain';
import { availableActions, canEdit, decideTransition, WORKFLOW_ACTIONS, type WorkflowAction } from './workflow';

const STATUSES: ArticleStatus[] = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'rejected', 'conflict', 'failed'];
const ROLES: LocalRole[] = ['writer', 'editor'];
const NOW = Date.UTC(2026, 10, 25, 6, 0);

// Every allowed transition, written out by hand: anything not listed here must be refused.
const ALLOWED: Record<string, ArticleStatus> = {
  'writer:submit:draft': 'submitted',
  'writer:submit:rejected': 'submitted',
  'writer:withdraw:submitted': 'draft',
  'editor:submit:draft': 'submitted',
  'editor:submit:rejected': 'submitted',
  'editor:withdraw:submitted': 'draft',
  'editor:approve:submitted': 'approved',
  'editor:reject:submitted': 'rejected',
  'editor:reject:approved': 'rejected',
  'editor:reject:scheduled': 'rejected',
  'editor:schedule:submitted': 'scheduled',
  'editor:schedule:approved': 'scheduled',
  'editor:schedule:scheduled': 'scheduled',
  'editor:unschedule:scheduled': 'approved',
  'editor:publish-now:submitted': 'published',
  'editor:publish-now:approved': 'published',
  'editor:publish-now:scheduled': 'published',
};

describe('workflow transitions', () => {
  for (const role of ROLES) {
    for (const action of WORKFLOW_ACTIONS) {
      for (const status of STATUSES) {
        const key = `${role}:${action}:${status}`;
        const expected = ALLOWED[key];
        it(`${role} ${action} from ${status}: ${expected ? `-> ${expected}` : 'refused'}`, () => {
          const result = decideTransition({ action, status, role, note: 'Data korban belum dikonfirmasi', publishAt: NOW + 3_600_000, now: NOW });
          if (expected) expect(result).toEqual({ ok: true, to: expected });
          else expect(result.ok).toBe(false);
        });
      }
    }
  }

  it('says why a writer cannot approve', () => {
    expect(decideTransition({ action: 'approve', status: 'submitted', role: 'writer', now: NOW })).toEqual({
      ok: false,
      refusal: { code: 'workflow.roleNotAllowed', role: 'writer' },
    });
  });

  it('needs a note to reject', () => {
    for (const note of [undefined, '', '   ']) {
      expect(decideTransition({ action: 'reject', status: 'submitted', role: 'editor', note, now: NOW })).toEqual({
        ok: false,
        refusal: { code: 'workflow.noteRequired' },
      });
    }
  });

  it('needs a publish time in the future to schedule', () => {
    const base = { action: 'schedule' as WorkflowAction, status: 'approved' as ArticleStatus, role: 'editor' as LocalRole, now: NOW };
    expect(decideTransition(base)).toEqual({ ok: false, refusal: { code: 'workflow.publishAtRequired' } });
    expect(decideTransition({ ...base, publishAt: NOW })).toEqual({ ok: false, refusal: { code: 'workflow.publishAtInPast' } });
    expect(decideTransition({ ...base, publishAt: NOW + 60_000 })).toEqual({ ok: true, to: 'scheduled' });
  });

  it('lists the actions the buttons offer', () => {
    expect(availableActions('draft', 'writer')).toEqual(['submit']);
    expect(availableActions('submitted', 'writer')).toEqual(['withdraw']);
    expect(availableActions('submitted', 'editor')).toEqual(['withdraw', 'approve', 'reject', 'schedule', 'publish-now']);
    expect(availableActions('published', 'editor')).toEqual([]);
  });

  it('lets writers edit only their drafts and editors what is in review', () => {
    expect(canEdit('draft', 'writer')).toBe(true);
    expect(canEdit('rejected', 'writer')).toBe(true);
    expect(canEdit('submitted', 'writer')).toBe(false);
    expect(canEdit('submitted', 'editor')).toBe(true);
    expect(canEdit('scheduled', 'writer')).toBe(false);
  });
});
