/**
 * The counter's documents in `npm run bench` (issue 12): 100 extraits produced in a row on the large commune,
 * per-document time including the PDF (goal ≤ 100 ms each). The seeded acts are only indexed, so the setup
 * keys 100 birth acts first (titulaire, both parents, the hour) and gives a third of them validated mentions,
 * the way the secrétaire keys an act from its scan before producing it. Measures only; judges nothing.
 */
import { Core } from '../main/host/core';
import { produceDocument, type DocumentKind } from '../main/etat-civil';
import type { EcCtx } from '../main/etat-civil/context';
import { createRng } from './devdata/random';

export interface ExtraitsBench {
  documents: number;
  /** per document kind: how many, p50 and p95 in ms */
  byKind: Record<string, { n: number; p50: number; p95: number }>;
  p50: number;
  p95: number;
  max: number;
  meanKiB: number;
  goalMs: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 100) / 100;
};

/** Key `n` seeded birth acts in one transaction: what `etatCivil.saisir` stores, written straight. */
function keyActs(c: EcCtx, n: number, seed: number): number[] {
  const rng = createRng(seed);
  const rows = c.db
    .prepare(
      "SELECT id, nom, prenoms, date_evenement, date_acte FROM acte_etat_civil WHERE type = 'naissance' ORDER BY random() LIMIT ?",
    )
    .all(n) as { id: number; nom: string; prenoms: string; date_evenement: string | null; date_acte: string }[];
  const person = c.db.prepare(
    'INSERT OR REPLACE INTO ec_personne (acte_id, role, rang, nom, prenoms, sexe, date_naissance, lieu_naissance, profession, domicile) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const acte = c.db.prepare(
    "UPDATE acte_etat_civil SET statut = 'saisi', sexe = ?, heure_evenement = ?, date_evenement = coalesce(date_evenement, date_acte) WHERE id = ?",
  );
  const mention = c.db.prepare(
    "INSERT INTO ec_mention (acte_id, nature, date_evenement, lieu_evenement, donnees, texte, statut, appliquee_le, officier, created_at) VALUES (?, 'mariage', ?, 'Orléans (Loiret)', ?, ?, 'validee', ?, 'Bench, Maire', ?)",
  );
  c.db.transaction(() => {
    for (const r of rows) {
      const sexe = rng.chance(0.5) ? 'M' : 'F';
      const year = Number((r.date_evenement ?? r.date_acte).slice(0, 4));
      acte.run(sexe, `${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`, r.id);
      person.run(r.id, 'titulaire', 1, r.nom, r.prenoms, sexe, null, null, null, null);
      person.run(
        r.id,
        'parent',
        1,
        r.nom,
        'Pierre',
        'M',
        `${year - 30}-03-04`,
        'Orléans (Loiret)',
        'agriculteur',
        'Orléans (Loiret)',
      );
      person.run(
        r.id,
        'parent',
        2,
        'Durand',
        'Marie',
        'F',
        `${year - 28}-05-06`,
        'Gien (Loiret)',
        'infirmière',
        'Orléans (Loiret)',
      );
      if (rng.chance(0.33) && year < 2000) {
        const d = `${year + 25}-06-01`;
        mention.run(
          r.id,
          d,
          JSON.stringify({ nature: 'mariage', date: d, autre: { prenoms: 'Anne', nom: 'Petit' } }),
          `Marié${sexe === 'F' ? 'e' : ''} à Orléans (Loiret) le 1er juin ${year + 25} avec Anne PETIT.`,
          c.today,
          c.now.toISOString(),
        );
      }
    }
  })();
  return rows.map((r) => r.id);
}

export async function benchExtraits(
  dataDir: string,
  communeId: string,
  now: Date,
  seed = 42,
  count = 100,
): Promise<ExtraitsBench> {
  const core = new Core({ dataDir, clock: () => now, logError: () => undefined });
  try {
    const { db } = core.communes.get(communeId);
    const today = now.toISOString().slice(0, 10);
    const c: EcCtx = {
      db,
      docs: core.communes.documentsOf(communeId),
      now,
      today,
      actor: { login: 'bench', name: 'Bench' },
      qualite: 'Maire',
      audit: () => undefined,
    };
    const ids = keyActs(c, count, seed);
    const kinds: DocumentKind[] = [
      'extrait_avec_filiation',
      'extrait_sans_filiation',
      'extrait_avec_filiation',
      'copie_integrale',
      'extrait_plurilingue',
    ];
    const input = (acteId: number, i: number) => ({
      acteId,
      document: kinds[i % kinds.length]!,
      copies: 1,
      delivreLe: today,
      officier: { nom: 'Hélène Lefèvre', qualite: 'Maire' },
    });
    await produceDocument(c, input(ids[0]!, 0)); // warm-up: fonts parsed, statements prepared
    const ms: number[] = [];
    const perKind: Record<string, number[]> = {};
    let bytes = 0;
    for (const [i, acteId] of ids.entries()) {
      const t = performance.now();
      const doc = await produceDocument(c, input(acteId, i));
      const dt = performance.now() - t;
      ms.push(dt);
      (perKind[input(acteId, i).document] ??= []).push(dt);
      bytes += doc.pdf.byteLength;
    }
    const byKind = Object.fromEntries(
      Object.entries(perKind).map(([k, xs]) => [k, { n: xs.length, p50: pct(xs, 0.5), p95: pct(xs, 0.95) }]),
    );
    return {
      documents: ms.length,
      byKind,
      p50: pct(ms, 0.5),
      p95: pct(ms, 0.95),
      max: pct(ms, 1),
      meanKiB: Math.round(bytes / ms.length / 102.4) / 10,
      goalMs: 100,
    };
  } finally {
    core.close();
  }
}
