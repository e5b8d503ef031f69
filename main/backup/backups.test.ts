import fs from 'node:fs';
import path from 'node:path';
import { openKeyed } from '../db';
import { communeMigrations } from '../../migrations';
import { validElus, validHoraires, validIdentity, withCommune } from '../../test-support/helpers';
import { checkBackup, createBackup, KEEP, listBackups } from './backups';

describe('automatic backups', () => {
  it('makes one backup per opening day, at the first opening', async () => {
    const t = await withCommune();
    const store = t.core.communes;
    // creation day: the commune was created and opened → one daily backup
    const first = store.backups(t.communeId).filter((b) => b.kind === 'quotidienne');
    expect(first).toHaveLength(1);
    store.close(t.communeId);
    store.get(t.communeId); // same day: no new one
    await store.checksSettled(); // the check and backup run after the opening (main/host/daily-check.ts)
    expect(store.backups(t.communeId).filter((b) => b.kind === 'quotidienne')).toHaveLength(1);
    store.close(t.communeId);
    t.setNow('2026-11-26T13:30:00Z'); // next opening half-day
    store.get(t.communeId);
    await store.checksSettled();
    expect(store.backups(t.communeId).filter((b) => b.kind === 'quotidienne')).toHaveLength(2);
    t.close();
  });

  it('rotates automatic backups but never manual ones', async () => {
    const t = await withCommune();
    const { db } = t.core.communes.get(t.communeId);
    const dir = t.core.communes.backupDirOf(t.communeId);
    for (let i = 0; i < KEEP.quotidienne + 3; i++)
      createBackup(db, dir, 'quotidienne', new Date(Date.UTC(2026, 0, 1 + i)));
    for (let i = 0; i < 30; i++) createBackup(db, dir, 'manuelle', new Date(Date.UTC(2025, 0, 1 + i)));
    const list = listBackups(dir);
    expect(list.filter((b) => b.kind === 'quotidienne')).toHaveLength(KEEP.quotidienne);
    expect(list.filter((b) => b.kind === 'manuelle')).toHaveLength(30);
    // the oldest go first
    const days = list.filter((b) => b.kind === 'quotidienne').map((b) => b.createdAt.slice(0, 10));
    expect(days).toContain('2026-01-23');
    expect(days).not.toContain('2026-01-04');
    t.close();
  });

  it('a backup is a complete, checked database', async () => {
    const t = await withCommune();
    const r = await t.client.call('backup.create');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const checked = checkBackup(
      path.join(t.core.communes.backupDirOf(t.communeId), r.value.file),
      communeMigrations,
      '45270',
      t.core.communes.key,
    );
    expect(checked).toMatchObject({ nom: 'Saint-Benoît-sur-Loire', code_insee: '45270' });
    t.close();
  });
});

describe('restore', () => {
  it('restores a backup, keeping the replaced file, and journals it', async () => {
    const t = await withCommune();
    const made = await t.client.call('backup.create');
    if (!made.ok) throw new Error(made.error.message);
    await t.client.call('commune.saveElu', {
      id: null,
      elu: { civilite: 'M.', nom: 'Nouveau', prenom: 'Benoît', fonction: 'conseiller', mandat_debut: '2026-04-01' },
    });
    const r = await t.client.call('backup.restore', { file: made.value.file });
    expect(r.ok).toBe(true);
    const dossier = await t.client.call('commune.get');
    expect(dossier.ok && dossier.value.elus.map((e) => e.nom)).not.toContain('Nouveau');
    const kept = t.core.communes.backups(t.communeId).find((b) => b.kind === 'avant-restauration');
    expect(kept).toBeDefined();
    const old = openKeyed(path.join(t.core.communes.backupDirOf(t.communeId), kept!.file), t.core.communes.key, {
      readonly: true,
    });
    expect((old.prepare("SELECT count(*) AS n FROM elu WHERE nom = 'Nouveau'").get() as { n: number }).n).toBe(1);
    old.close();
    const journal = await t.client.call('journal.list', {});
    expect(journal.ok && journal.value.rows[0]?.action).toBe('sauvegarde.restauree');
    t.close();
  });

  it('refuses a damaged backup or another commune’s, and replaces nothing', async () => {
    const t = await withCommune();
    const dir = t.core.communes.backupDirOf(t.communeId);
    const file = t.core.communes.fileOf(t.communeId);
    const damaged = '2026-11-22T10-00-00-000Z_manuelle.sqlite';
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, damaged), Buffer.alloc(8192, 7));
    const before = fs.readFileSync(file);
    const r = await t.client.call('backup.restore', { file: damaged });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'BACKUP_INVALID' });
    expect(!r.ok && r.error.message).toMatch(/endommagé.*Rien n'a été remplacé/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    // a second commune's backup copied into the first one's folder
    const other = await t.client.call('setup.createCommune', {
      identity: { ...validIdentity, nom: 'Germigny-des-Prés', code_insee: '45154' },
      horaires: validHoraires,
      elus: validElus,
    });
    expect(other.ok).toBe(true);
    const otherBackup = t.core.communes.backups((other as { value: { communeId: string } }).value.communeId)[0]!;
    fs.copyFileSync(
      path.join(
        t.core.communes.backupDirOf((other as { value: { communeId: string } }).value.communeId),
        otherBackup.file,
      ),
      path.join(dir, '2026-11-22T11-00-00-000Z_manuelle.sqlite'),
    );
    await t.client.call('commune.switch', { communeId: t.communeId });
    const r2 = await t.client.call('backup.restore', { file: '2026-11-22T11-00-00-000Z_manuelle.sqlite' });
    expect(!r2.ok && r2.error.message).toMatch(/autre commune \(Germigny-des-Prés/);
    const list = await t.client.call('backup.list');
    expect(list.ok && list.value.filter((b) => !b.usable)).toHaveLength(2);
    t.close();
  });

  it('a corrupt commune file leads to the restore path, never to a crash or an overwrite', async () => {
    const t = await withCommune();
    const made = await t.client.call('backup.create');
    if (!made.ok) throw new Error(made.error.message);
    const file = t.core.communes.fileOf(t.communeId);
    t.core.communes.close(t.communeId);
    // damage the file: keep the header, scramble the pages
    const bytes = fs.readFileSync(file);
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
    fs.writeFileSync(file, bytes);
    const damagedCopy = Buffer.from(bytes);

    const status = await t.client.call('app.status');
    expect(status.ok && status.value.phase === 'ready' && status.value.problem?.code).toBe('DB_CORRUPT');
    const dash = await t.client.call('dashboard.get');
    expect(!dash.ok && dash.error.code).toBe('DB_CORRUPT');
    expect(fs.readFileSync(file).equals(damagedCopy)).toBe(true); // nothing overwritten

    const list = await t.client.call('backup.list');
    expect(list.ok && list.value.some((b) => b.usable)).toBe(true);
    const r = await t.client.call('backup.restore', { file: made.value.file });
    expect(r.ok).toBe(true);
    const after = await t.client.call('app.status');
    expect(after.ok && after.value.phase === 'ready' && after.value.problem).toBeNull();
    // the damaged file is kept for support
    const kept = t.core.communes.backups(t.communeId).find((b) => b.kind === 'avant-restauration')!;
    expect(fs.readFileSync(path.join(t.core.communes.backupDirOf(t.communeId), kept.file)).equals(damagedCopy)).toBe(
      true,
    );
    t.close();
  });

  it('reports a full disk in plain French', async () => {
    const { toErrorValue } = await import('../kernel/errors');
    expect(toErrorValue(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringMatching(/disque .* plein/),
    });
  });
});
