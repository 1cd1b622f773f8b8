/**
 * The hold: which articles are open in an editor window right now, so that a sync never changes
 * their text under someone's fingers. Every window says what its editor shows (null when it shows
 * another screen or nothing) and says it again while it keeps showing it; a window that stops
 * saying it (a tab closed without a word, a crashed renderer) lets go after `HOLD_TTL_MS`.
 * The hold covers the text only: status, notes, publish time, portal link and queue rows always
 * follow the portal at once. See docs/sync.md.
 */

/** A window renews its hold well within this (see the renderer's sync store). */
export const HOLD_TTL_MS = 90_000;

/** The window id used by callers that do not name one (a single window, the tests). */
export const DEFAULT_WINDOW = 'default';

export class Holds {
  private readonly byWindow = new Map<string, { articleId: string; at: number }>();

  constructor(
    private readonly clock: () => number,
    private readonly ttlMs = HOLD_TTL_MS,
  ) {}

  /** What `windowId`'s editor shows now (null: no article, or another screen). */
  set(windowId: string, articleId: string | null): void {
    if (articleId === null) this.byWindow.delete(windowId);
    else this.byWindow.set(windowId, { articleId, at: this.clock() });
  }

  isHeld(articleId: string): boolean {
    const now = this.clock();
    let held = false;
    for (const [windowId, hold] of this.byWindow) {
      if (now - hold.at > this.ttlMs) this.byWindow.delete(windowId);
      else if (hold.articleId === articleId) held = true;
    }
    return held;
  }
}

/** What a sync does with a portal change to one article (pure: the rule the engine follows). */
export interface RemoteChangePlan {
  /** Leave everything for now: a local change is about to be delivered (the delivery compares) or a conflict waits for a person. */
  skip: boolean;
  /** Take the portal's text in silently (nobody has the article open). */
  takeText: boolean;
  /** The portal's text changed while the article is open: keep it beside the local one as a conflict, for the person to choose. */
  offerChoice: boolean;
}

/**
 * `waitingDelivery`: a local change goes on the next attempt. `parkedDelivery`: a local change waits
 * for a person ("Coba lagi", a permission): the status still follows the portal, but portal text
 * would overwrite what was not sent, so it becomes a choice, as for an open article.
 */
export function planRemoteChange(input: { held: boolean; waitingDelivery: boolean; parkedDelivery?: boolean; inConflict: boolean; textChanged: boolean }): RemoteChangePlan {
  if (input.waitingDelivery || input.inConflict) return { skip: true, takeText: false, offerChoice: false };
  const keepText = input.held || input.parkedDelivery === true;
  return { skip: false, takeText: input.textChanged && !keepText, offerChoice: input.textChanged && keepText };
}
