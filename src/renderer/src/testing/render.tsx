/**
 * Renders a component the way the app does (i18n, services) into happy-dom, for tests that look at
 * what people and screen readers get. Queries go by role, label and text, like the e2e specs.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Settings } from '../../../shared/domain';
import { createServices } from '../app/create-services';
import { ServicesProvider, type Services } from '../app/services';
import { initI18n } from '../i18n';
import type { FakeClient } from './fake-client';

// React only flushes effects inside act() when it knows it runs in a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export const TEST_SETTINGS: Settings = {
  language: 'id',
  theme: 'light',
  role: 'writer',
  timeZone: 'Asia/Makassar',
  onboarded: true,
  displayName: 'Rina',
  photoLongEdge: 1600,
  photoFormat: 'jpeg',
  bylineOnPortal: false,
};

export interface Rendered {
  services: Services;
  container: HTMLElement;
  rerender(node: ReactNode): Promise<void>;
  unmount(): Promise<void>;
}

/** Lets pending promises and the effects they cause settle. */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export interface RenderOptions {
  language?: Settings['language'];
  settings?: Settings;
  /** Runs once the services exist, before the first render (e.g. loading the sync status). */
  prepare?: (services: Services) => Promise<unknown>;
}

export async function render(node: ReactNode, client: FakeClient, { language = 'id', settings = TEST_SETTINGS, prepare }: RenderOptions = {}): Promise<Rendered> {
  const i18n = await initI18n(language);
  client.answer('settings-get', () => ({ ...settings, language }));
  const services = createServices(client, i18n);
  await services.settings.load();
  await prepare?.(services);
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | null = null;
  const wrap = (child: ReactNode): ReactNode => (
    <I18nextProvider i18n={i18n}>
      <ServicesProvider services={services}>{child}</ServicesProvider>
    </I18nextProvider>
  );
  await act(async () => {
    root = createRoot(container);
    root.render(wrap(node));
  });
  await settle();
  return {
    services,
    container,
    async rerender(next) {
      await act(async () => root?.render(wrap(next)));
      await settle();
    },
    async unmount() {
      await act(async () => root?.unmount());
      container.remove();
    },
  };
}

/** The accessible name as tests need it: aria-label, aria-labelledby, a <label>, else the text. */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
  }
  if (el.id) {
    const forLabel = el.ownerDocument.querySelector(`label[for="${CSS.escape(el.id)}"]`);
    if (forLabel) return (forLabel.textContent ?? '').trim();
  }
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button',
  link: 'a[href]',
  textbox: 'input:not([type]), input[type="text"], input[type="url"], input[type="password"], textarea, [contenteditable="true"]',
  list: 'ul, ol',
  listitem: 'li',
  dialog: 'dialog',
  alert: '[role="alert"]',
  progressbar: 'progress, [role="progressbar"]',
  region: 'section[aria-label], section[aria-labelledby], [role="region"]',
  contentinfo: 'footer',
  combobox: 'select',
};

export function allByRole(scope: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  const selector = ROLE_SELECTORS[role];
  if (!selector) throw new Error(`unknown role ${role}`);
  return [...scope.querySelectorAll<HTMLElement>(selector)].filter((el) => {
    if (name === undefined) return true;
    const n = accessibleName(el);
    return typeof name === 'string' ? n === name : name.test(n);
  });
}

export function byRole(scope: ParentNode, role: string, name?: string | RegExp): HTMLElement {
  const found = allByRole(scope, role, name);
  if (found.length !== 1) throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}`);
  return found[0]!;
}

export function byLabel(scope: ParentNode, label: string): HTMLInputElement {
  const labels = [...scope.querySelectorAll('label')].filter((l) => (l.textContent ?? '').trim() === label);
  if (labels.length !== 1) throw new Error(`expected one label "${label}", found ${labels.length}`);
  const input = scope.querySelector<HTMLInputElement>(`#${CSS.escape(labels[0]!.htmlFor)}`);
  if (!input) throw new Error(`label "${label}" labels nothing`);
  return input;
}

/** Runs something that changes state outside React (a store, a pushed event) and lets it settle. */
export async function during(fn: () => unknown): Promise<void> {
  await act(async () => {
    await fn();
  });
  await settle();
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle();
}

/** Types into a React-controlled field (React listens for the native input event). */
export async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function submit(form: HTMLFormElement): Promise<void> {
  await act(async () => {
    form.requestSubmit();
  });
  await settle();
}

export const text = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
