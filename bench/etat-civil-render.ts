/**
 * The 10,000-act list timed in a Chromium page that no DevTools client watches (issue 11: ≤ 100 ms, virtualised).
 *
 * Why apart from Playwright: Playwright always sends `Network.enable` to its pages, and Chromium's DevTools then
 * copies every WebSocket frame, whole, to the driver. For the 10,000-act reply (1–3 MB) that copy is built on
 * the page's main thread at the end of the very task that drew the list (50–70 ms in a trace, nothing traced
 * inside it), and relayed by the browser process (another 50–75 ms) before the next frame is produced: it is
 * the « long task between the DOM update and the next paint ». The real app has no DevTools attached. So this
 * drives the page through bare CDP (Runtime.evaluate only), optionally with `Network.enable` to show the cost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

export type InPage = { total: number; parse: number; react: number; paint: number; bytes: number };
type Cdp = { send: (method: string, params?: object) => Promise<Record<string, unknown>>; close: () => void };

/** Before the page's scripts: note when a large reply reaches the page, before the bridge parses it. */
function noteLargeReplies(): void {
  const W = window.WebSocket;
  window.WebSocket = class extends W {
    constructor(...a: ConstructorParameters<typeof window.WebSocket>) {
      super(...a);
      this.addEventListener('message', (e) => {
        const w = window as unknown as { __bigReplyAt?: number; __bigLen?: number };
        if (typeof e.data === 'string' && e.data.length > 100_000)
          [w.__bigReplyAt, w.__bigLen] = [performance.now(), e.data.length];
      });
    }
  };
}

/** In the page: small helpers to find a field by its label and type in it as React expects. */
const HELPERS = `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const until = async (f) => { for (let i = 0; i < 600; i++) { const v = f(); if (v) return v; await sleep(50); } throw new Error('délai dépassé : ' + f); };
const byLabel = (t) => { const l = [...document.querySelectorAll('label')].find((x) => x.textContent.trim().startsWith(t)); return l && document.getElementById(l.htmlFor); };
const fill = (el, v) => { Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, v); el.dispatchEvent(new Event('input', { bubbles: true })); };
const button = (t) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === t);`;

/** One search of `q` from an emptied field: reply received → parsed → committed by React → next frame painted. */
const SEARCH = (q: string) => `(async () => { ${HELPERS}
  const f = byLabel('Rechercher un acte'); fill(f, ''); await sleep(300);
  delete window.__ecPainted;
  const seen = new MutationObserver(() => { if (!document.querySelector('[role="listitem"]')) return; seen.disconnect(); requestAnimationFrame(() => setTimeout(() => (window.__ecPainted = performance.now()), 0)); });
  seen.observe(document.body, { childList: true, subtree: true });
  fill(f, ${JSON.stringify(q)});
  await until(() => window.__ecPainted);
  const mark = (n) => performance.getEntriesByName(n, 'mark').at(-1)?.startTime ?? NaN;
  const [rec, parsed, committed] = [window.__bigReplyAt ?? NaN, mark('etat-civil:resultats'), mark('etat-civil:dessinee')];
  return { total: window.__ecPainted - rec, parse: parsed - rec, react: committed - parsed, paint: window.__ecPainted - committed, bytes: window.__bigLen ?? NaN };
})()`;

function lineOf(stream: NodeJS.ReadableStream, re: RegExp, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${what} : rien en 20 s`)), 20_000);
    stream.on('data', (d: Buffer) => {
      text += d.toString();
      const m = text.match(re);
      if (!m) return;
      clearTimeout(timer);
      resolve(m[1] as string);
    });
  });
}

async function connect(wsUrl: string): Promise<Cdp> {
  const ws = new WebSocket(wsUrl, { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  let id = 0;
  const pending = new Map<number, (m: { result?: Record<string, unknown>; error?: { message: string } }) => void>();
  ws.on('message', (d: Buffer) => {
    const m = JSON.parse(d.toString()) as {
      id?: number;
      result?: Record<string, unknown>;
      error?: { message: string };
    };
    if (m.id === undefined) return;
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  const call = (sessionId: string | undefined, method: string, params: object = {}) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const i = ++id;
      pending.set(i, (m) => (m.error ? reject(new Error(`${method} : ${m.error.message}`)) : resolve(m.result ?? {})));
      ws.send(JSON.stringify({ id: i, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  const { targetId } = await call(undefined, 'Target.createTarget', { url: 'about:blank' });
  const { sessionId } = (await call(undefined, 'Target.attachToTarget', { targetId, flatten: true })) as {
    sessionId: string;
  };
  const send = (method: string, params: object = {}) => call(sessionId, method, params);
  return { send, close: () => ws.close() };
}

async function evaluate(cdp: Cdp, expression: string): Promise<unknown> {
  const r = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
    result?: { value?: unknown };
    exceptionDetails?: unknown;
  };
  if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails).slice(0, 300));
  return r.result?.value;
}

/**
 * `runs` searches of « naissance » (limit 10,000) in one page of a fresh Chromium against an already started
 * core at `url`, after logging in; `network`: also send Network.enable, as Playwright does.
 */
export async function bareListRender(o: {
  url: string;
  login: string;
  password: string;
  runs: number;
  network: boolean;
}): Promise<InPage[]> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-cdp-'));
  const chrome: ChildProcess = spawn(
    '/usr/bin/chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  try {
    const cdp = await connect(
      await lineOf(chrome.stderr as NodeJS.ReadableStream, /DevTools listening on (ws:\S+)/, 'Chromium'),
    );
    await cdp.send('Page.enable');
    if (o.network) await cdp.send('Network.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${noteLargeReplies.toString()})()` });
    await cdp.send('Page.navigate', { url: o.url });
    await evaluate(
      cdp,
      `(async () => { ${HELPERS}
      await until(() => byLabel('Identifiant'));
      fill(byLabel('Identifiant'), ${JSON.stringify(o.login)}); fill(byLabel('Mot de passe'), ${JSON.stringify(o.password)});
      button('Se connecter').click();
      await until(() => document.querySelector('[data-testid="dashboard-ready"]'));
      [...document.querySelectorAll('nav button, [role=navigation] button')].find((b) => b.textContent.includes('État civil')).click();
      await until(() => byLabel('Rechercher un acte'));
    })()`,
    );
    await evaluate(cdp, SEARCH('naissance')); // warm-up: the list's code compiled
    const out: InPage[] = [];
    for (let i = 0; i < o.runs; i++) out.push((await evaluate(cdp, SEARCH('naissance'))) as InPage);
    cdp.close();
    return out;
  } finally {
    // Chromium and its helper processes (its own process group) end before the profile they write into is removed
    if (chrome.exitCode === null)
      await new Promise((r) => (chrome.once('exit', r), process.kill(-(chrome.pid as number), 'SIGTERM')));
    await new Promise((r) => setTimeout(r, 300));
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}
