/**
 * The editorial workflow as data: which action takes an article from which status to which, and
 * who may take it. The backend enforces it on every transition; the renderer reads the same table
 * to decide which buttons to show, so the two can never disagree.
 *
 *   draft ──submit──> submitted ──approve──> approved ──schedule──> scheduled ──(time passes)──> published
 *     ^                 │  │  └──reject(note)──> rejected ──submit──> submitted        │
 *     └────withdraw─────┘  └──schedule / publish-now──> scheduled / published  <──────┘ publish-now
 *
 * `conflict` and `failed` are sync states: set by the sync engine, left by resolving or retrying.
 */
import type { ArticleStatus, LocalRole, ReadinessProblem } from './domain';
import { imageNodes, lexicalToPlainText, type LexicalDocument } from './lexical-document';

export type WorkflowAction =
  | 'submit'
  | 'withdraw'
  | 'approve'
  | 'reject'
  | 'schedule'
  | 'unschedule'
  | 'publish-now';

interface Rule {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  roles: readonly LocalRole[];
  /** The action needs a note (the rejection's reason). */
  needsNote?: boolean;
  /** The action needs a publish time in the future. */
  needsPublishAt?: boolean;
}

export const WORKFLOW_RULES: Readonly<Record<WorkflowAction, Rule>> = {
  submit: { from: ['draft', 'rejected'], to: 'submitted', roles: ['writer', 'editor'] },
  withdraw: { from: ['submitted'], to: 'draft', roles: ['writer', 'editor'] },
  approve: { from: ['submitted'], to: 'approved', roles: ['editor'] },
  reject: { from: ['submitted', 'approved', 'scheduled'], to: 'rejected', roles: ['editor'], needsNote: true },
  schedule: { from: ['submitted', 'approved', 'scheduled'], to: 'scheduled', roles: ['editor'], needsPublishAt: true },
  unschedule: { from: ['scheduled'], to: 'approved', roles: ['editor'] },
  'publish-now': { from: ['submitted', 'approved', 'scheduled'], to: 'published', roles: ['editor'] },
};

export const WORKFLOW_ACTIONS = Object.keys(WORKFLOW_RULES) as WorkflowAction[];

export type TransitionRefusal =
  | { code: 'workflow.notAllowedFromStatus'; status: ArticleStatus }
  | { code: 'workflow.roleNotAllowed'; role: LocalRole }
  | { code: 'workflow.noteRequired' }
  | { code: 'workflow.publishAtRequired' }
  | { code: 'workflow.publishAtInPast' };

export interface TransitionRequest {
  action: WorkflowAction;
  status: ArticleStatus;
  role: LocalRole;
  note?: string;
  publishAt?: number;
  now: number;
}

/** The status the action leads to, or why it is refused. */
export function decideTransition(req: TransitionRequest): { ok: true; to: ArticleStatus } | { ok: false; refusal: TransitionRefusal } {
  const rule = WORKFLOW_RULES[req.action];
  if (!rule.roles.includes(req.role)) return { ok: false, refusal: { code: 'workflow.roleNotAllowed', role: req.role } };
  if (!rule.from.includes(req.status)) return { ok: false, refusal: { code: 'workflow.notAllowedFromStatus', status: req.status } };
  if (rule.needsNote && !req.note?.trim()) return { ok: false, refusal: { code: 'workflow.noteRequired' } };
  if (rule.needsPublishAt) {
    if (req.publishAt === undefined) return { ok: false, refusal: { code: 'workflow.publishAtRequired' } };
    if (req.publishAt <= req.now) return { ok: false, refusal: { code: 'workflow.publishAtInPast' } };
  }
  return { ok: true, to: rule.to };
}

/** Actions a person in `role` can take on an article in `status` (for showing buttons). */
export function availableActions(status: ArticleStatus, role: LocalRole): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => WORKFLOW_RULES[a].from.includes(status) && WORKFLOW_RULES[a].roles.includes(role));
}

/** Who may change an article's text in each status: writers their drafts, editors what is in review. */
export function canEdit(status: ArticleStatus, role: LocalRole): boolean {
  if (status === 'draft' || status === 'rejected' || status === 'conflict' || status === 'failed') return true;
  if (status === 'published') return role === 'editor';
  return role === 'editor';
}

/**
 * Why an article cannot go to the trash now, or null when it can. An article in the workflow has
 * (or is about to have) a post on the portal that would go on without it: it must leave the
 * workflow first. A published article may go: only the local copy is trashed, the portal keeps it.
 */
export type TrashRefusal = 'withdrawFirst' | 'askEditor' | 'rejectFirst' | 'resolveFirst';

export function trashRefusal(status: ArticleStatus, role: LocalRole): TrashRefusal | null {
  switch (status) {
    case 'submitted':
      return 'withdrawFirst';
    case 'approved':
    case 'scheduled':
      return role === 'editor' ? 'rejectFirst' : 'askEditor';
    case 'conflict':
    case 'failed':
      return 'resolveFirst';
    default:
      return null;
  }
}

/** What an article still lacks before it can go to the editor (the backend's check; the editor's live list). */
export function readinessProblems(article: { title: string; body: LexicalDocument; categoryId: string | null }): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  if (article.title.trim() === '') problems.push({ code: 'missingTitle' });
  if (lexicalToPlainText(article.body).trim() === '') problems.push({ code: 'missingBody' });
  if (article.categoryId === null) problems.push({ code: 'missingCategory' });
  imageNodes(article.body).forEach((image, index) => {
    if (image.altText.trim() === '') problems.push({ code: 'imageWithoutAlt', position: index + 1 });
  });
  return problems;
}
