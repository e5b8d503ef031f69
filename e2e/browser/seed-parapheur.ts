/**
 * Seeds a data folder for the parapheur e2e, BEFORE the host starts: a commune (through the real first-run
 * handler, in process), a closed séance with adopted délibérations « à signer » as the conseil leaves them, the
 * SoftHSM token's module and the test root CA in the signing settings. Then the in-process core is closed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openInDataDir } from '../../main/db/cipher';
import { documentsKeyInDataDir } from '../../main/db/file-cipher';
import { DocumentStore } from '../../main/documents/store';
import { createTestPki, type TestPki } from '../../test-support/signing/pki';
import { samplePdf } from '../../test-support/signing/pdf-tools';
import { validAccount, withCommune } from '../../test-support/helpers';

export const PASSWORD = validAccount.password;

export interface Seeded {
  pki: TestPki;
  dataDir: string;
  titres: string[];
}

/** `n` délibérations of the séance of 20/11/2026, président Hélène Lefèvre (maire), no secrétaire de séance step. */
export async function seedParapheur(dataDir: string, n = 4): Promise<Seeded> {
  const pki = createTestPki(); // also sets process.env.SOFTHSM2_CONF, which the host inherits
  const t = await withCommune(dataDir);
  try {
    const db = t.core.communes.get(t.communeId).db;
    const docs = t.core.communes.documentsOf(t.communeId);
    const maire = db.prepare("SELECT id FROM elu WHERE fonction = 'maire' AND mandat_fin IS NULL").get() as {
      id: number;
    };
    const seanceId = Number(
      db
        .prepare(
          "INSERT INTO seance (date, heure, lieu, nature, created_at, statut, president_elu_id) VALUES ('2026-11-20', '20:30', 'Mairie', 'ordinaire', ?, 'close', ?)",
        )
        .run('2026-11-20T21:30:00Z', maire.id).lastInsertRowid,
    );
    const objets = [
      'Budget supplémentaire 2026',
      'Tarifs de la salle des fêtes',
      'Réfection de la voirie communale',
      'Subvention au comité des fêtes',
      'Adhésion au syndicat des eaux',
      'Convention avec l’école de musique',
    ];
    const titres: string[] = [];
    for (let i = 1; i <= n; i++) {
      const numero = `2026_04${i}`;
      const objet = objets[(i - 1) % objets.length]!;
      const { sha256 } = docs.put(await samplePdf(2, `Délibération n° ${numero}`));
      db.prepare(
        "INSERT INTO deliberation (seance_id, numero, objet, matiere, adoptee, signature, transmission, pdf_sha256) VALUES (?, ?, ?, '7.1', 1, 'a_signer', 'a_transmettre', ?)",
      ).run(seanceId, numero, objet, sha256);
      titres.push(`Délibération n° ${numero} — ${objet}`);
    }
    const r = await t.client.call('signing.saveSettings', { modulePath: pki.module, trustedRoots: [pki.caPem] });
    if (!r.ok) throw new Error(r.error.message);
    return { pki, dataDir, titres };
  } finally {
    t.close();
  }
}

/** The signed délibérations' PDFs as the running host stored them (read-only), for the independent verifier. */
export function signedDeliberationPdfs(dataDir: string): { numero: string; pdf: Buffer }[] {
  const communes = path.join(dataDir, 'communes');
  const dir = path.join(communes, fs.readdirSync(communes)[0]!);
  const db = openInDataDir(dataDir, path.join(dir, 'commune.sqlite'), { readonly: true, fileMustExist: true }); // encrypted at rest
  try {
    const rows = db
      .prepare("SELECT numero, pdf_sha256 FROM deliberation WHERE signature = 'signee' ORDER BY numero")
      .all() as { numero: string; pdf_sha256: string }[];
    const docs = new DocumentStore(path.join(dir, 'documents'), documentsKeyInDataDir(dataDir)); // encrypted at rest too
    return rows.map((r) => ({ numero: r.numero, pdf: docs.read(r.pdf_sha256) }));
  } finally {
    db.close();
  }
}
