/** Short notices at the bottom of the window, optionally with one action (e.g. "Urungkan"). */
import type { TFunction } from 'i18next';
import { Store } from '../app/store';

export interface Toast {
  id: number;
  /** Rendered at display time, so a language switch changes visible notices too. */
  text: (t: TFunction) => string;
  tone: 'info' | 'error';
  action?: { label: (t: TFunction) => string; run: () => void };
  durationMs: number;
}

export type ToastInput = Omit<Toast, 'id' | 'durationMs' | 'tone'> & Partial<Pick<Toast, 'durationMs' | 'tone'>>;

const MAX_VISIBLE = 3;

export class ToastStore {
  readonly items = new Store<readonly Toast[]>([]);
  private nextId = 1;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();

  show(input: ToastInput): number {
    const toast: Toast = { tone: 'info', durationMs: input.action ? 8000 : 5000, ...input, id: this.nextId++ };
    const items = [...this.items.get(), toast];
    for (const dropped of items.slice(0, Math.max(0, items.length - MAX_VISIBLE))) this.clearTimer(dropped.id);
    this.items.set(items.slice(-MAX_VISIBLE));
    this.timers.set(toast.id, setTimeout(() => this.dismiss(toast.id), toast.durationMs));
    return toast.id;
  }

  dismiss(id: number): void {
    this.clearTimer(id);
    this.items.update((items) => items.filter((t) => t.id !== id));
  }

  /** Keeps a notice up while the pointer or focus is on it (WCAG 2.2.1: enough time to act). */
  hold(id: number): void {
    this.clearTimer(id);
  }

  release(id: number): void {
    const toast = this.items.get().find((t) => t.id === id);
    if (!toast || this.timers.has(id)) return;
    this.timers.set(id, setTimeout(() => this.dismiss(id), 4000));
  }

  private clearTimer(id: number): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }
}
