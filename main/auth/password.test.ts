import { hashPassword, temporaryPassword, throttleDelayMs, verifyPassword } from './password';
import { can, ROLES } from './roles';

describe('password hashing', () => {
  it('stores a salted scrypt hash, never the password', async () => {
    const a = await hashPassword('une belle journée');
    const b = await hashPassword('une belle journée');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toContain('journée');
    expect(a).not.toBe(b); // salted
    expect(await verifyPassword('une belle journée', a)).toBe(true);
    expect(await verifyPassword('une belle journee', a)).toBe(false);
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
  });
  it('normalises Unicode so that é typed two ways is the same password', async () => {
    const h = await hashPassword('Journ\u00e9e au conseil');
    expect(await verifyPassword('Journe\u0301e au conseil', h)).toBe(true);
  });
});

describe('slowdown after wrong passwords', () => {
  it('is free for 3 tries, then doubles from 30 s, capped at 15 minutes: never permanent', () => {
    expect([0, 1, 2].map(throttleDelayMs)).toEqual([0, 0, 0]);
    expect(throttleDelayMs(3)).toBe(30_000);
    expect(throttleDelayMs(4)).toBe(60_000);
    expect(throttleDelayMs(50)).toBe(15 * 60_000);
  });
  it('temporary passwords are readable over the phone', () => {
    const t = temporaryPassword();
    expect(t).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(t).not.toMatch(/[01ilo]/);
  });
});

describe('roles', () => {
  it('the secrétaire runs the commune; élus read; support restores and diagnoses but does not edit', () => {
    expect(can('secretaire', 'commune.write')).toBe(true);
    expect(can('maire', 'commune.write')).toBe(false);
    expect(can('conseiller', 'journal.read')).toBe(false);
    expect(can('support', 'backup.manage')).toBe(true);
    expect(can('support', 'commune.read')).toBe(false);
    for (const r of ROLES) expect(typeof can(r, 'commune.read')).toBe('boolean');
  });
});

describe('the window names the roles as the core does (permissions come from app.status)', () => {
  it('same labels as the core, so that the two never drift', async () => {
    const mirror = await import('../../renderer/src/lib/status');
    const { ROLE_LABELS } = await import('./roles');
    expect(mirror.ROLE_LABELS).toEqual(ROLE_LABELS);
  });
});
