/** `Clocher --recover-account`: the recovery tool gets the OS-wrapped key like the core, on its channel only. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electron, type FakeUtilityProcess } from '../../test-support/fake-electron';
import { runRecovery } from './recover';
import { osWrappedKey } from './secrets';

vi.mock('electron', async () => (await import('../../test-support/fake-electron')).electron);

describe('runRecovery', () => {
  it('hands the installation key (the one wrapped by the OS) to the tool over its channel, never in its arguments', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-recover-'));
    const done = runRecovery('/app/dist/main/host/recover.js', dataDir, 'secretaire');
    const child = electron.utilityProcess.forked[electron.utilityProcess.forked.length - 1] as FakeUtilityProcess;
    expect(child.args).toEqual([`--data-dir=${dataDir}`, '--login=secretaire', '--secrets=os']);
    child.emit('message', { type: 'need-secrets' });
    const sent = child.posted[0] as { type: string; key: string };
    expect(sent.type).toBe('secrets');
    const key = Buffer.from(sent.key, 'base64');
    expect(key).toHaveLength(32);
    expect(osWrappedKey(dataDir, electron.safeStorage)?.equals(key)).toBe(true); // the core's key, from cle-secrets.protegee
    expect(child.args.join(' ')).not.toContain(sent.key);
    child.emit('exit', 1);
    expect(await done).toBe(1);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
