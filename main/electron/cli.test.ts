import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseShellArgs, utilityArgs } from './cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-cli-'));
const exe = path.join(dir, 'Clocher.exe');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('command line', () => {
  it('no provisioning, no data dir, no recovery by default', () => {
    expect(parseShellArgs([], {}, exe)).toEqual({ dataDir: null, provisioning: null, recoverLogin: null });
  });

  it('finds clocher-provisioning.json beside the executable', () => {
    const beside = path.join(dir, 'clocher-provisioning.json');
    fs.writeFileSync(beside, '{}');
    try {
      expect(parseShellArgs([], {}, exe).provisioning).toBe(beside);
      expect(parseShellArgs(['--provision=other.json'], {}, exe).provisioning).toBe(path.resolve('other.json'));
    } finally {
      fs.rmSync(beside);
    }
  });

  it('--data-dir, CLOCHER_DATA_DIR and --recover-account', () => {
    expect(parseShellArgs(['--data-dir=/tmp/x', '--recover-account=marie'], {}, exe)).toMatchObject({
      dataDir: path.resolve('/tmp/x'),
      recoverLogin: 'marie',
    });
    expect(parseShellArgs([], { CLOCHER_DATA_DIR: '/tmp/y' }, exe).dataDir).toBe(path.resolve('/tmp/y'));
    expect(parseShellArgs(['--recover-account='], {}, exe).recoverLogin).toBeNull();
  });

  it('utility arguments: --provision only when there is a file', () => {
    expect(utilityArgs('/d', null)).toEqual(['--data-dir=/d']);
    expect(utilityArgs('/d', '/p.json')).toEqual(['--data-dir=/d', '--provision=/p.json']);
  });
});
