import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import Database from 'better-sqlite3';
import { withCommune } from '../../test-support/helpers';
import { collectDocuments, GRACE_MS } from './collect';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-11-23T09:00:00Z'); // the test clock of withCommune: file dates are set from it, never from the real clock

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function setup() {
  const t = await withCommune();
  const dir = t.core.communes.dirOf(t.communeId);
  const { db } = t.core.communes.get(t.communeId);
  const docs = t.core.communes.documentsOf(t.communeId);
  const age = (sha256: string, ms: number) => {
    const when = new Date(NOW.getTime() - ms);
    fs.utimesSync(path.join(docs.root, sha256.slice(0, 2), sha256), when, when);
  };
  return { t, db, docs, age, backupDir: path.join(dir, 'sauvegardes') };
}

describe('document store garbage collection', () => {
  it('removes old unreferenced documents and crash leftovers; never one referenced by a table, a JSON value or a backup', async () => {
    const { t, db, docs, age, backupDir } = await setup();
    // referenced only by a backup: a restore of that backup must find it
    const inBackup = docs.put(Buffer.from('ancienne annexe')).sha256;
    db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(
      'essai_ancien',
      JSON.stringify({ sha256: inBackup }),
    );
    t.core.communes.backupNow(t.communeId);
    db.prepare("DELETE FROM setting WHERE key = 'essai_ancien'").run();
    // referenced by the live database only (added after the backup):
    // an annexe, through the real handler: referenced by annexe.sha256
    const { seanceId } = await ok(
      t.client.call('conseil.createSeance', {
        seance: { date: '2026-11-27', heure: '20:30', lieu: 'Salle', nature: 'ordinaire' },
      }),
    );
    const { pointId } = await ok(
      t.client.call('conseil.savePoint', { seanceId, pointId: null, point: { titre: 'Budget', matiere: '7.1' } }),
    );
    const d = await PDFDocument.create();
    d.addPage();
    const annexe = Buffer.from(await d.save({ useObjectStreams: false }));
    const { uploadId } = await ok(t.client.call('documents.uploadStart', { nom: 'annexe.pdf', size: annexe.length }));
    await ok(t.client.call('documents.uploadChunk', { uploadId, offset: 0, data: annexe.toString('base64') }));
    await ok(t.client.call('conseil.addAnnexe', { pointId, uploadId }));
    const annexeSha = docs.entries().find((e) => e.sha256 && e.sha256 !== inBackup)!.sha256!;
    // a setting holding a document in JSON (like the ACTES classification)
    const inJson = docs.put(Buffer.from('classification')).sha256;
    db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(
      'essai_document',
      JSON.stringify({ sha256: inJson }),
    );
    const orphan = docs.put(Buffer.from('plus rien ne me cite')).sha256;
    const young = docs.put(Buffer.from('écrit il y a une heure')).sha256;
    for (const h of [annexeSha, inJson, inBackup, orphan]) age(h, GRACE_MS + DAY);
    age(young, DAY);
    const tmp = path.join(docs.root, orphan.slice(0, 2), `${orphan}.4242.tmp`);
    fs.writeFileSync(tmp, 'moitié');
    fs.utimesSync(tmp, new Date(NOW.getTime() - 2 * DAY), new Date(NOW.getTime() - 2 * DAY));

    const r = collectDocuments({ db, docs, backupDir, now: NOW });
    expect(r.error).toBeUndefined();
    expect(r.removed.sort()).toEqual([orphan, `${orphan}.4242.tmp`].sort());
    for (const h of [annexeSha, inJson, inBackup, young]) expect(docs.read(h).length).toBeGreaterThan(0);
    expect(docs.has(orphan)).toBe(false);
    // the second run reads the backups' references from its cache, with the same result
    expect(collectDocuments({ db, docs, backupDir, now: NOW }).removed).toEqual([]);
    expect(docs.has(inBackup)).toBe(true);
    t.close();
  });

  it('runs at the first opening of a new day, after the daily backup', async () => {
    const { t, docs, age } = await setup();
    const orphan = docs.put(Buffer.from('orphelin')).sha256;
    age(orphan, GRACE_MS + DAY);
    await ok(t.client.call('commune.get'));
    await t.core.communes.checksSettled(); // the collection follows the day's check, after the reply (issue 9)
    expect(docs.has(orphan)).toBe(true); // same day: the day's collection already ran at creation
    t.setNow('2026-11-24T09:00:00Z');
    await ok(t.client.call('commune.get'));
    await t.core.communes.checksSettled();
    expect(docs.has(orphan)).toBe(false);
    t.close();
  });

  it('an unreadable backup keeps nothing alive but does not stop the collection; a failure removes nothing and is returned', async () => {
    const { t, db, docs, age, backupDir } = await setup();
    fs.writeFileSync(path.join(backupDir, 'abime.sqlite'), 'pas une base');
    const orphan = docs.put(Buffer.from('orphelin')).sha256;
    age(orphan, GRACE_MS + DAY);
    const closed = new Database(':memory:');
    closed.close();
    const broken = collectDocuments({ db: closed, docs, backupDir, now: NOW });
    expect(broken).toMatchObject({ removed: [], error: expect.any(String) });
    expect(docs.has(orphan)).toBe(true);
    fs.writeFileSync(path.join(docs.root, 'references-sauvegardes.json'), '{ cassé'); // a damaged cache is read again, not fatal
    expect(collectDocuments({ db, docs, backupDir, now: NOW }).removed).toEqual([orphan]);
    t.close();
  });
});
