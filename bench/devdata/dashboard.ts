/**
 * What the dashboard and the journal show on a commune in use: a few months of journal lines, a handful of
 * things to do with their legal due dates, and what arrived lately. Refers to the registers just generated.
 */
import type { Db } from '../../main/db/sqlite';
import type { Actor } from '../../main/audit/journal';
import { dayOfDate, frenchDate, isoAt, isoDay, weekdayOf } from './days';
import { allocate, type Rng } from './random';
import { batchWriter } from './period';

const ACTE_LABEL: Record<string, string> = {
  naissance: 'naissance',
  mariage: 'mariage',
  deces: 'décès',
  reconnaissance: 'reconnaissance',
};

interface Refs {
  actes: { id: number; type: string; annee: number; numero: number }[];
  courriers: { id: number; sens: string; annee: number; numero: number; correspondant: string; objet: string }[];
  deliberations: { id: number; numero: string; objet: string }[];
}

function recentRefs(db: Db, since: string): Refs {
  return {
    actes: db
      .prepare('SELECT id, type, annee, numero FROM acte_etat_civil WHERE date_acte >= ? ORDER BY id LIMIT 500')
      .all(since) as Refs['actes'],
    courriers: db
      .prepare(
        'SELECT id, sens, annee, numero, correspondant, objet FROM courrier WHERE date_enregistrement >= ? ORDER BY id LIMIT 500',
      )
      .all(since) as Refs['courriers'],
    deliberations: db
      .prepare('SELECT id, numero, objet FROM deliberation ORDER BY id DESC LIMIT 40')
      .all() as Refs['deliberations'],
  };
}

type Line = [action: string, summary: string, objectType: string | null, objectId: number | null];

function action(rng: Rng, refs: Refs): Line {
  const kind = rng.weighted([
    ['copie', 30],
    ['acte', 15],
    ['courrier', 40],
    ['deliberation', 8],
    ['sauvegarde', 2],
    ['verrou', 5],
  ] as const);
  if ((kind === 'copie' || kind === 'acte') && refs.actes.length) {
    const a = rng.pick(refs.actes);
    const ref = `l'acte de ${ACTE_LABEL[a.type]} n° ${a.numero}/${a.annee}`;
    return kind === 'copie'
      ? [
          'etat-civil.copie.delivree',
          `${rng.pick(['Copie intégrale', 'Extrait avec filiation', 'Extrait sans filiation'])} de ${ref} délivrée`,
          'acte_etat_civil',
          a.id,
        ]
      : ['etat-civil.acte.enregistre', `Acte enregistré : ${ref}`, 'acte_etat_civil', a.id];
  }
  if (kind === 'deliberation' && refs.deliberations.length) {
    const d = rng.pick(refs.deliberations);
    return [
      'conseil.deliberation.enregistree',
      `Délibération ${d.numero} enregistrée : ${d.objet}`,
      'deliberation',
      d.id,
    ];
  }
  if (kind === 'sauvegarde') return ['sauvegarde.creee', 'Sauvegarde manuelle', 'sauvegarde', null];
  if (kind === 'verrou') return ['session.verrouillee', 'Session verrouillée', null, null];
  if (refs.courriers.length) {
    const c = rng.pick(refs.courriers);
    const sens = c.sens === 'arrivee' ? 'arrivée' : 'départ';
    return [
      'courrier.enregistre',
      `Courrier ${sens} n° ${c.annee}-${c.numero} enregistré : ${c.correspondant} — ${c.objet}`,
      'courrier',
      c.id,
    ];
  }
  return ['commune.consultee', 'Consultation du dossier de la commune', null, null];
}

/** Journal lines over the last working days before `now`, in order: connexion, work, déconnexion. */
export function generateJournal(db: Db, rng: Rng, lines: number, now: Date, actors: readonly Actor[]): number {
  const today = dayOfDate(now);
  const days: number[] = [];
  for (let d = today - 90; d < today; d++) if (weekdayOf(d) <= 5) days.push(d);
  const refs = recentRefs(db, isoDay(today - 120));
  const perDay = allocate(
    lines,
    days.map(() => 1),
  );
  const w = batchWriter(
    db,
    'INSERT INTO journal (at, user_login, user_name, action, object_type, object_id, summary, details) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
  );
  days.forEach((day, i) => {
    const n = perDay[i] ?? 0;
    const who = actors.length > 1 && rng.chance(0.15) ? (actors[1] as Actor) : (actors[0] as Actor);
    let minute = 7 * 60 + 30 + rng.int(0, 60); // UTC: the mairie opens at 8:30 or 9:30, local time
    for (let k = 0; k < n; k++) {
      const line: Line =
        k === 0
          ? ['session.connexion', 'Connexion', null, null]
          : k === n - 1 && n > 1
            ? ['session.deconnexion', 'Déconnexion', null, null]
            : action(rng, refs);
      w.add([
        isoAt(day, minute),
        who.login,
        who.name,
        line[0],
        line[2],
        line[3] == null ? null : String(line[3]),
        line[1],
      ]);
      minute += rng.int(2, Math.max(3, Math.floor(480 / Math.max(1, n))));
    }
  });
  return w.end();
}

/** A handful of things to do, some late, some soon, one done; and what arrived in the last days. */
export function generateDashboard(db: Db, rng: Rng, now: Date): { todos: number; arrivals: number } {
  const today = dayOfDate(now);
  const delib = db
    .prepare(
      'SELECT d.id, d.numero, s.date FROM deliberation d JOIN seance s ON s.id = d.seance_id ORDER BY d.id DESC LIMIT 1',
    )
    .get() as { id: number; numero: string; date: string } | undefined;
  const arrivees = db
    .prepare("SELECT id, correspondant, objet, canal FROM courrier WHERE sens = 'arrivee' ORDER BY id DESC LIMIT 6")
    .all() as {
    id: number;
    correspondant: string;
    objet: string;
    canal: string;
  }[];
  const sve = arrivees.find((c) => c.canal === 'sve');
  const todo = db.prepare(
    'INSERT INTO todo (created_at, due_date, title, legal_ref, object_type, object_id, done_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const rows: [number, number | null, string, string | null, string | null, number | null, boolean][] = [
    [
      -6,
      -1,
      `Transmettre au contrôle de légalité la délibération ${delib?.numero ?? '2026_001'}`,
      'CGCT L2131-1',
      'deliberation',
      delib?.id ?? null,
      false,
    ],
    [
      -4,
      3,
      `Publier la liste des délibérations de la séance du ${delib ? frenchDate(Date.parse(delib.date) / 86_400_000) : 'dernier conseil'}`,
      'CGCT L2121-25',
      'deliberation',
      delib?.id ?? null,
      false,
    ],
    [
      -2,
      2,
      `Envoyer la convocation du conseil municipal du ${frenchDate(today + 8)} (3 jours francs)`,
      'CGCT L2121-11',
      null,
      null,
      false,
    ],
    [
      -10,
      12,
      `Répondre à la saisine par voie électronique${sve ? ` de ${sve.correspondant}` : ''} avant la décision implicite`,
      'CRPA L231-1',
      'courrier',
      sve?.id ?? null,
      false,
    ],
    [
      -1,
      6,
      'Porter la mention de divorce en marge de l’acte de mariage reçu du notaire',
      'Code civil art. 49',
      null,
      null,
      false,
    ],
    [-3, 20, 'Transmettre à l’INSEE les avis de décès du mois', 'Code civil art. 80', null, null, false],
    [-7, null, 'Commander les registres d’état civil de l’an prochain', null, null, null, false],
    [-15, -8, 'Afficher le compte rendu de la dernière séance', 'CGCT L2121-25', null, null, true],
  ];
  for (const [created, due, title, ref, type, id, done] of rows)
    todo.run(
      isoAt(today + created, 8 * 60 + rng.int(0, 300)),
      due == null ? null : isoDay(today + due),
      title,
      ref,
      type,
      id == null ? null : String(id),
      done ? isoAt(today + created + 2, 10 * 60) : null,
    );

  const arrival = db.prepare(
    'INSERT INTO arrival (arrived_at, source, title, object_type, object_id) VALUES (?, ?, ?, ?, ?)',
  );
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
  let count = 0;
  arrivees.slice(0, 4).forEach((c, i) => {
    arrival.run(
      minutesAgo(60 * 24 * i + rng.int(30, 600)),
      'courrier',
      `${c.correspondant} : ${c.objet}`,
      'courrier',
      String(c.id),
    );
    count++;
  });
  if (delib) {
    arrival.run(
      minutesAgo(rng.int(60, 2000)),
      'prefecture',
      `Accusé de réception de la préfecture pour la délibération ${delib.numero}`,
      'deliberation',
      String(delib.id),
    );
    count++;
  }
  arrival.run(
    minutesAgo(rng.int(2000, 4000)),
    'helios',
    'Bordereau de mandats accepté par le comptable public',
    null,
    null,
  );
  return { todos: rows.length, arrivals: count + 1 };
}
