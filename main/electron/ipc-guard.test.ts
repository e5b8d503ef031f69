import { api, type HandlerName } from '../api/schemas';
import { checkCall, type SenderInfo } from './ipc-guard';

const ours: SenderInfo = { url: 'app://clocher/index.html', isMainFrame: true, isOurWindow: true };
const good = { id: 7, name: 'auth.login', args: { login: 'marie', password: 'secret' } };

function refused(sender: SenderInfo, raw: unknown) {
  const v = checkCall(sender, raw);
  if (v.ok) throw new Error('expected a refusal');
  return v.reply;
}

describe('checkCall: the sender', () => {
  it.each([
    ['https://evil.example/', true, true],
    ['file:///C:/Users/mairie/Documents/page.html', true, true],
    ['app://clocher.evil.example/index.html', true, true],
    ['app://other/index.html', true, true],
    ['app://clocher', true, true],
    ['http://127.0.0.1:5173/', true, true],
    ['', true, true],
    ['app://clocher/index.html', false, true], // a subframe of our page
    ['app://clocher/index.html', true, false], // another webContents
  ])('refuses %s (main frame %s, our window %s)', (url, isMainFrame, isOurWindow) => {
    const reply = refused({ url, isMainFrame, isOurWindow }, good);
    expect(reply).toMatchObject({ id: 7, ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    expect(reply.error.message).toMatch(/refusée/);
  });

  it('checks the sender before anything else (even a malformed message is FORBIDDEN_ORIGIN)', () => {
    expect(refused({ ...ours, url: 'https://evil.example/' }, 'garbage').error.code).toBe('FORBIDDEN_ORIGIN');
  });
});

describe('checkCall: the message', () => {
  it('accepts a good call and relays it as sent', () => {
    expect(checkCall(ours, good)).toEqual({ ok: true, request: good });
  });

  it('accepts undefined args for a handler that takes none (the envelope still needs the key, as in the core)', () => {
    expect(checkCall(ours, { id: 1, name: 'app.status', args: undefined })).toEqual({
      ok: true,
      request: { id: 1, name: 'app.status', args: {} },
    });
  });

  it.each([
    ['null', null],
    ['a string', 'auth.login'],
    ['no id', { name: 'auth.login', args: {} }],
    ['a string id', { id: '1', name: 'auth.login', args: {} }],
    ['a negative id', { id: -1, name: 'auth.login', args: {} }],
    ['an extra key', { id: 1, name: 'app.status', args: {}, sender: 'x' }],
    ['a too long name', { id: 1, name: 'x'.repeat(65), args: {} }],
  ])('refuses a malformed envelope: %s', (_label, raw) => {
    expect(refused(ours, raw).error).toEqual({ code: 'INVALID', message: 'Message mal formé.' });
  });

  it.each(['db.exec', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'auth.login '])(
    'refuses an unknown handler %j',
    (name) => {
      const reply = refused(ours, { id: 3, name, args: {} });
      expect(reply).toMatchObject({ id: 3, error: { code: 'UNKNOWN_HANDLER' } });
      expect(reply.error.message).toMatch(/^Action inconnue/);
    },
  );

  it.each([
    ['a number for a password', { login: 'marie', password: 12 }],
    ['an extra field', { login: 'marie', password: 'x', admin: true }],
    ['a missing field', { login: 'marie' }],
    ['a too long login', { login: 'm'.repeat(101), password: 'x' }],
  ])('refuses bad arguments: %s, with French field messages', (_label, args) => {
    const reply = refused(ours, { id: 9, name: 'auth.login', args });
    expect(reply.error.code).toBe('INVALID');
    expect(reply.error.message.length).toBeGreaterThan(0);
    expect(Object.keys(reply.error.fields ?? {}).length).toBeGreaterThan(0);
  });
});

describe('contract: no allow-list drift', () => {
  it('every handler of the contract is known to the guard (never UNKNOWN_HANDLER)', () => {
    for (const name of Object.keys(api) as HandlerName[]) {
      const v = checkCall(ours, { id: 1, name, args: {} });
      if (!v.ok) expect(v.reply.error.code, name).toBe('INVALID');
    }
  });
});
