/** Tiny helpers for component tests without testing-library: render, find by label, type, click. */
import { MantineProvider } from '@mantine/core';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { setBridge, type ClocherBridge } from '../bridge';
import type { Reply } from '../../../main/api/types';

type FakeAnswer = { value: unknown } | { error: { code: string; message: string; fields?: Record<string, string> } };

/** A bridge answering from a map of handler name → function; records every call. */
export function fakeBridge(handlers: Record<string, (args: unknown) => FakeAnswer>) {
  const calls: { name: string; args: unknown }[] = [];
  let id = 0;
  const bridge: ClocherBridge = {
    async call(name, args) {
      calls.push({ name, args });
      const h = handlers[name];
      const r: FakeAnswer = h ? h(args) : { error: { code: 'UNKNOWN_HANDLER', message: `pas de faux pour ${name}` } };
      return ('value' in r ? { id: ++id, ok: true, value: r.value } : { id: ++id, ok: false, error: r.error }) as Reply;
    },
    on: () => () => undefined,
  };
  setBridge(bridge);
  return { calls };
}

const mounted: { root: Root; container: HTMLElement }[] = [];

/**
 * Unmount what the tests rendered (test-setup.ts, after each test): Mantine's own timers (transitions, the
 * floating indicator) are cleared on unmount instead of firing after the file's jsdom is gone.
 */
export function unmountAll(): void {
  for (const { root, container } of mounted.splice(0)) {
    act(() => root.unmount());
    container.remove();
  }
}

export async function render(ui: ReactNode): Promise<{ container: HTMLElement; root: Root }> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  mounted.push({ root, container });
  await act(async () => {
    root.render(<MantineProvider theme={{ respectReducedMotion: true }}>{ui}</MantineProvider>);
  });
  await flush();
  return { container, root };
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

/** The form control whose <label> text is exactly `text`. */
export function byLabel(text: string): HTMLInputElement {
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  const el = label?.htmlFor ? document.getElementById(label.htmlFor) : null;
  if (!el) throw new Error(`aucun champ nommé « ${text} »`);
  return el as HTMLInputElement;
}

export function byText(selector: string, text: string): HTMLElement {
  const el = [...document.querySelectorAll<HTMLElement>(selector)].find((e) => e.textContent?.trim() === text);
  if (!el) throw new Error(`aucun ${selector} « ${text} »`);
  return el;
}

export async function type(input: HTMLInputElement, value: string): Promise<void> {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  await act(async () => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
  await flush();
}
