import { fullName, readElus, type EluRow } from '../commune';
import type { Db } from '../db';
import { convocationDate, deliberationsOf, executoireOf } from './deliberations';
import { attendanceInput, pointSituation, pouvoirsFor, openingPresence } from './seance-day';
import { attendanceFor } from './attendance';
import { checkQuorum } from './rules/quorum';
import { getSeance, pointsOf, eluIdsEnExercice } from './seances';
import { convocationState } from './convocation-service';
import type { ConseilCtx } from './context';
import type { PvRow } from './apres-seance';
import { compareFr } from '../documents';

const RANG = { maire: 0, adjoint: 1, conseiller: 2 } as const;
/** The maire, the adjoints by rang, then the conseillers by name in French collation (SQLite's binary order puts Lécuyer after Leroux). */
export const tableauOrder = <T extends EluRow>(elus: readonly T[]): T[] =>
  [...elus].sort(
    (a, b) =>
      RANG[a.fonction] - RANG[b.fonction] ||
      (a.rang_adjoint ?? 0) - (b.rang_adjoint ?? 0) ||
      compareFr(a.nom, b.nom) ||
      compareFr(a.prenom, b.prenom),
  );

export interface VoteRow {
  point_id: number;
  en_exercice: number;
  presents: number;
  representes: number;
  votants: number;
  pour: number;
  contre: number;
  abstention: number;
  mode: string;
  president_choix: string | null;
  voix_preponderante: number;
  adopte: number;
  message: string;
  created_at: string;
}

export interface TourRow {
  tour: 1 | 2 | 3;
  candidats: { eluId: number | null; nom: string; voix: number; dateNaissance?: string | null }[];
  blancsNuls: number;
  elu: string | null;
  message: string;
}
import { listeDeadline, pvPublicationDeadline } from './rules/publicite';

/** Everything the séance screens show, in one read. */
export function seanceDetail(c: ConseilCtx, seanceId: number) {
  const db = c.db;
  const s = getSeance(db, seanceId);
  const elus = readElus(db);
  const inOffice = new Set(eluIdsEnExercice(db, s.date));
  const delibs = new Map(deliberationsOf(db, seanceId).map((d) => [d.point_id, d]));
  const points = pointsOf(db, seanceId).map((p) => {
    const annexes = db
      .prepare('SELECT id, nom, sha256, taille, pages, type_pj FROM annexe WHERE point_id = ? ORDER BY id')
      .all(p.id) as {
      id: number;
      nom: string;
      sha256: string;
      taille: number;
      pages: number;
      type_pj: string | null;
    }[];
    const interesses = (
      db.prepare('SELECT elu_id FROM interesse WHERE point_id = ?').all(p.id) as { elu_id: number }[]
    ).map((r) => r.elu_id);
    const vote = db.prepare('SELECT * FROM vote WHERE point_id = ?').get(p.id) as VoteRow | undefined;
    const tours = (
      db.prepare('SELECT tour, resultat FROM nomination_tour WHERE point_id = ? ORDER BY tour').all(p.id) as {
        tour: number;
        resultat: string;
      }[]
    ).map((t) => ({ tour: t.tour, ...(JSON.parse(t.resultat) as Omit<TourRow, 'tour'>) }));
    const d = delibs.get(p.id);
    const situation = s.statut === 'en_cours' || s.statut === 'close' ? pointSituation(db, p.id) : null;
    return {
      ...p,
      annexes,
      interesses,
      vote: vote ?? null,
      tours,
      deliberation: d ? { ...d, executoire: executoireOf(d) } : null,
      situation: situation ? { attendance: situation.attendance, quorum: situation.quorum } : null,
    };
  });
  const pv = db.prepare('SELECT * FROM pv WHERE seance_id = ?').get(seanceId) as PvRow | undefined;
  // At the opening of a séance, the previous séances' PV waiting to be arrêtés (L2121-15).
  const pvsAArreter =
    s.statut === 'en_cours'
      ? (db
          .prepare(
            "SELECT s.id, s.date FROM pv JOIN seance s ON s.id = pv.seance_id WHERE pv.statut = 'brouillon' AND s.date < ? ORDER BY s.date",
          )
          .all(s.date) as { id: number; date: string }[])
      : [];
  return {
    /** the core's today (Paris): the reference for default dates in forms */
    aujourdhui: c.today,
    pvsAArreter,
    seance: s,
    elus: tableauOrder(elus.filter((e) => inOffice.has(e.id))).map((e) => ({ ...e, nomComplet: fullName(e) })),
    points,
    convocation: convocationState(c, seanceId),
    convocationLe: convocationDate(db, seanceId),
    presences: Object.fromEntries(openingPresence(db, seanceId)),
    mouvements: db
      .prepare('SELECT id, elu_id, avant_rang, type FROM mouvement WHERE seance_id = ? ORDER BY id')
      .all(seanceId) as { id: number; elu_id: number; avant_rang: number; type: 'arrivee' | 'depart' }[],
    pouvoirs: pouvoirsFor(db, seanceId),
    secretaires: (
      db.prepare('SELECT elu_id FROM secretaire_seance WHERE seance_id = ?').all(seanceId) as { elu_id: number }[]
    ).map((r) => r.elu_id),
    pv: pv ?? null,
    echeances: {
      liste: s.statut === 'close' ? listeDeadline(s.date) : null,
      pv: pv && pv.arrete_le ? pvPublicationDeadline(pv.arrete_le) : null,
    },
    quorum: openingQuorum(db, s),
    reconvocations: db.prepare('SELECT id, date FROM seance WHERE reconvocation_de = ?').all(seanceId) as {
      id: number;
      date: string;
    }[],
  };
}

/**
 * The quorum at the roll call, before the first item (L2121-17), decided by the same rule as each item's:
 * a séance de reconvocation deliberates whatever the number present (al. 2), so the window never recomputes it.
 */
function openingQuorum(db: Db, s: ReturnType<typeof getSeance>) {
  const att = attendanceFor(attendanceInput(db, s, null), 0);
  return checkQuorum({
    enExercice: att.enExercice,
    presents: att.presents.length,
    reconvocation: s.reconvocation_de !== null,
  });
}

export function seancesList(db: Db, annee: number | null) {
  const where = annee ? 'WHERE s.date LIKE ?' : '';
  const params = annee ? [`${annee}-%`] : [];
  return db
    .prepare(
      `SELECT s.id, s.date, s.heure, s.lieu, s.nature, s.statut, s.reconvocation_de, s.liste_publiee_le,
              (SELECT count(*) FROM point_odj p WHERE p.seance_id = s.id AND p.statut <> 'retire') AS points,
              (SELECT count(*) FROM deliberation d WHERE d.seance_id = s.id) AS deliberations,
              (SELECT statut FROM pv WHERE pv.seance_id = s.id) AS pv
       FROM seance s ${where} ORDER BY s.date DESC, s.heure DESC LIMIT 500`,
    )
    .all(...params) as {
    id: number;
    date: string;
    heure: string;
    lieu: string;
    nature: string;
    statut: string;
    reconvocation_de: number | null;
    liste_publiee_le: string | null;
    points: number;
    deliberations: number;
    pv: string | null;
  }[];
}
