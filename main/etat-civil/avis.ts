/**
 * Avis de mention (C. civ. art. 49; IGREC n° 229, 229-1, 259): outgoing ones are sent within 3 days as a
 * letter to the other commune's officier, their récépissé awaited with reminders and kept 10 years; incoming
 * ones are queued, applied as a mention here, and their récépissé is sent back.
 */
import { AppError } from '../kernel';
import { readIdentity } from '../commune';
import { PdfWriter } from '../documents';
import { acteRef, getActeRow } from './actes';
import type { EcCtx } from './context';
import { dateCourte } from './rules/dates';
import { ARTICLE_49, article49Deadline, avisSortantTodo, recepisseKeptUntil } from './rules/deadlines';
import { NATURE_LABELS, type Nature } from './rules/mentions';
import { buildText } from './mention-service';
import type { MentionInput } from './schemas';

export interface AvisRow {
  id: number;
  sens: 'sortant' | 'entrant';
  acte_id: number | null;
  commune: string;
  acte_vise: string;
  nature: Nature;
  texte: string;
  echeance: string | null;
  envoye_le: string | null;
  recu_le: string | null;
  recepisse_le: string | null;
  relances: number;
  derniere_relance_le: string | null;
  mention_id: number | null;
  conserver_jusqu_au: string | null;
}

export function getAvis(c: EcCtx, id: number, sens?: AvisRow['sens']): AvisRow {
  const a = c.db.prepare('SELECT * FROM ec_avis WHERE id = ?').get(id) as AvisRow | undefined;
  if (!a || (sens && a.sens !== sens)) throw new AppError('NOT_FOUND', 'Avis de mention introuvable.');
  return a;
}

/** The queue, each with what it still needs and by when. */
export function listAvis(c: EcCtx) {
  const rows = c.db
    .prepare(
      'SELECT a.*, m.statut AS mention_statut FROM ec_avis a LEFT JOIN ec_mention m ON m.id = a.mention_id ORDER BY a.recepisse_le IS NOT NULL, a.echeance, a.id',
    )
    .all() as (AvisRow & { mention_statut: string | null })[];
  return rows.map((a) => ({ ...a, natureLibelle: NATURE_LABELS[a.nature], aFaire: avisNext(a) }));
}

export function avisNext(
  a: AvisRow & { mention_statut?: string | null },
): { due: string | null; title: string; ref: string } | null {
  if (a.sens === 'sortant') return avisSortantTodo(a);
  if (a.recepisse_le) return null;
  if (a.mention_statut !== 'validee')
    return { due: a.echeance, title: `Apposer la mention reçue de ${a.commune}`, ref: ARTICLE_49 };
  return { due: null, title: `Envoyer le récépissé de l’avis de mention à ${a.commune}`, ref: 'IGREC n° 229' };
}

async function letter(
  c: EcCtx,
  title: string,
  lines: readonly (readonly [string, string])[],
  body: string[],
): Promise<Uint8Array> {
  const id = readIdentity(c.db);
  const w = await PdfWriter.create({
    title,
    commune: id.nom,
    createdAt: c.now,
    header: `Commune de ${id.nom} — État civil`,
  });
  w.text(`Mairie de ${id.nom}\n${id.adresse}\n${id.code_postal}`, { size: 10, after: 12 });
  w.heading(title);
  w.fields(lines);
  w.spacer(8);
  for (const b of body) w.text(b, { size: 11, after: 6 });
  w.spacer(16);
  w.signatures([{ title: `Fait à ${id.nom}, le ${dateCourte(c.today)}`, name: `${c.actor.name ?? ''}, ${c.qualite}` }]);
  return w.save();
}

/** The letter to the other commune's officier (its PDF is kept, content-addressed). */
export async function avisPdf(c: EcCtx, id: number): Promise<Uint8Array> {
  const a = getAvis(c, id, 'sortant');
  const src = getActeRow(c, a.acte_id!);
  const pdf = await letter(
    c,
    'Avis de mention',
    [
      ['Destinataire', `Madame, Monsieur l’officier de l’état civil de ${a.commune}`],
      ['Acte à compléter', a.acte_vise],
      ['Nature', NATURE_LABELS[a.nature]],
      ['Acte d’origine', `${acteRef(src)}, dressé le ${dateCourte(src.date_acte)}`],
    ],
    [
      `En application de l’article 49 du Code civil, je vous prie de bien vouloir apposer en marge de l’acte ci-dessus la mention suivante :`,
      `« ${a.texte} »`,
      'Je vous remercie de me retourner le récépissé ci-joint, daté et signé, une fois la mention apposée.',
    ],
  );
  const { sha256 } = c.docs.put(pdf);
  c.db.prepare('UPDATE ec_avis SET lettre_sha256 = ? WHERE id = ?').run(sha256, id);
  c.audit({
    action: 'etat-civil.avis.imprime',
    summary: `Avis de mention pour ${a.commune} imprimé (${acteRef(src)})`,
    objectType: 'ec_avis',
    objectId: id,
  });
  return pdf;
}

export function avisEnvoye(c: EcCtx, id: number, date: string): void {
  const a = getAvis(c, id, 'sortant');
  if (a.envoye_le) throw new AppError('CONFLICT', `Cet avis est déjà noté envoyé le ${dateCourte(a.envoye_le)}.`);
  if (date > c.today) throw new AppError('INVALID', 'Date d’envoi : dans le futur.');
  c.db.prepare('UPDATE ec_avis SET envoye_le = ? WHERE id = ?').run(date, id);
  c.audit({
    action: 'etat-civil.avis.envoye',
    summary: `Avis de mention envoyé à ${a.commune} le ${dateCourte(date)}${a.echeance && date > a.echeance ? ` (après l’échéance du ${dateCourte(a.echeance)}, ${ARTICLE_49})` : ''}`,
    objectType: 'ec_avis',
    objectId: id,
  });
}

export function avisRelance(c: EcCtx, id: number, date: string): void {
  const a = getAvis(c, id, 'sortant');
  if (!a.envoye_le || a.recepisse_le)
    throw new AppError('RULE', 'On ne relance qu’un avis envoyé dont le récépissé n’est pas revenu.');
  c.db.prepare('UPDATE ec_avis SET relances = relances + 1, derniere_relance_le = ? WHERE id = ?').run(date, id);
  c.audit({
    action: 'etat-civil.avis.relance',
    summary: `Relance n° ${a.relances + 1} de l’avis de mention envoyé à ${a.commune}`,
    objectType: 'ec_avis',
    objectId: id,
  });
}

/** The récépissé came back: kept 10 years (IGREC n° 229-1), with its scan when there is one. */
export function avisRecepisse(
  c: EcCtx,
  id: number,
  date: string,
  scan: Uint8Array | null,
): { conserverJusquAu: string } {
  const a = getAvis(c, id, 'sortant');
  if (!a.envoye_le) throw new AppError('RULE', 'Notez d’abord l’envoi de l’avis.');
  if (a.recepisse_le)
    throw new AppError('CONFLICT', `Le récépissé est déjà enregistré (${dateCourte(a.recepisse_le)}).`);
  if (date < a.envoye_le || date > c.today)
    throw new AppError('INVALID', 'Date du récépissé : entre l’envoi et aujourd’hui.');
  const until = recepisseKeptUntil(date);
  c.db
    .prepare('UPDATE ec_avis SET recepisse_le = ?, recepisse_sha256 = ?, conserver_jusqu_au = ? WHERE id = ?')
    .run(date, scan ? c.docs.put(scan).sha256 : null, until, id);
  c.audit({
    action: 'etat-civil.avis.recepisse',
    summary: `Récépissé de ${a.commune} reçu le ${dateCourte(date)}, conservé jusqu’au ${dateCourte(until)}`,
    objectType: 'ec_avis',
    objectId: id,
  });
  return { conserverJusquAu: until };
}

/** An avis received from another commune: queued with the 3 days of art. 49 counted from its receipt. */
export function avisEntrant(
  c: EcCtx,
  v: { commune: string; acteVise: string; recu_le: string; acteId: number | null; mention: MentionInput },
): number {
  const target = v.acteId ? getActeRow(c, v.acteId) : null;
  const texte = buildText(v.mention, target?.sexe ?? null);
  const { texte: _t, ...fields } = v.mention;
  const id = Number(
    c.db
      .prepare(
        "INSERT INTO ec_avis (sens, acte_id, commune, acte_vise, nature, date_evenement, lieu_evenement, donnees, texte, echeance, recu_le, created_at) VALUES ('entrant', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        target?.id ?? null,
        v.commune,
        v.acteVise,
        v.mention.nature,
        v.mention.date,
        v.mention.lieu,
        JSON.stringify(fields),
        texte,
        article49Deadline(v.recu_le),
        v.recu_le,
        c.now.toISOString(),
      ).lastInsertRowid,
  );
  c.audit({
    action: 'etat-civil.avis.recu',
    summary: `Avis de mention reçu de ${v.commune} (${NATURE_LABELS[v.mention.nature].toLowerCase()})`,
    objectType: 'ec_avis',
    objectId: id,
  });
  return id;
}

/** Apply an incoming avis: a draft mention on the act here, to check and validate. */
export function avisAppliquer(c: EcCtx, id: number, acteId: number): number {
  const a = getAvis(c, id, 'entrant');
  if (a.mention_id) throw new AppError('CONFLICT', 'Cet avis est déjà appliqué.');
  const target = getActeRow(c, acteId);
  const pending = c.db.prepare('SELECT id FROM ec_mention WHERE avis_id = ?').get(id) as { id: number } | undefined;
  if (pending) throw new AppError('CONFLICT', 'Une mention est déjà rédigée pour cet avis : validez-la.');
  const d = c.db.prepare('SELECT donnees, date_evenement, lieu_evenement FROM ec_avis WHERE id = ?').get(id) as {
    donnees: string;
    date_evenement: string;
    lieu_evenement: string | null;
  };
  const mid = Number(
    c.db
      .prepare(
        'INSERT INTO ec_mention (acte_id, nature, date_evenement, lieu_evenement, donnees, texte, echeance, avis_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        acteId,
        a.nature,
        d.date_evenement,
        d.lieu_evenement,
        d.donnees,
        a.texte,
        a.echeance,
        id,
        c.now.toISOString(),
      ).lastInsertRowid,
  );
  c.db.prepare('UPDATE ec_avis SET acte_id = ? WHERE id = ?').run(acteId, id);
  c.audit({
    action: 'etat-civil.avis.applique',
    summary: `Avis de ${a.commune} : mention rédigée en marge de l’${acteRef(target)}`,
    objectType: 'ec_avis',
    objectId: id,
  });
  return mid;
}

/** The récépissé sent back once the mention is validated; sending it closes the avis (kept 10 years). */
export async function recepissePdf(c: EcCtx, id: number): Promise<Uint8Array> {
  const a = getAvis(c, id, 'entrant');
  const m = a.mention_id
    ? (c.db.prepare('SELECT appliquee_le FROM ec_mention WHERE id = ?').get(a.mention_id) as { appliquee_le: string })
    : null;
  if (!m) throw new AppError('RULE', 'Validez d’abord la mention : le récépissé atteste qu’elle est apposée.');
  const pdf = await letter(
    c,
    'Récépissé d’avis de mention',
    [
      ['Destinataire', `Madame, Monsieur l’officier de l’état civil de ${a.commune}`],
      ['Acte', a.acte_vise],
      ['Nature', NATURE_LABELS[a.nature]],
    ],
    [
      `J’accuse réception de votre avis de mention reçu le ${dateCourte(a.recu_le!)}. La mention suivante a été apposée le ${dateCourte(m.appliquee_le)} :`,
      `« ${a.texte} »`,
    ],
  );
  if (!a.recepisse_le) {
    c.db
      .prepare('UPDATE ec_avis SET recepisse_le = ?, recepisse_sha256 = ?, conserver_jusqu_au = ? WHERE id = ?')
      .run(c.today, c.docs.put(pdf).sha256, recepisseKeptUntil(c.today), id);
    c.audit({
      action: 'etat-civil.avis.recepisse-envoye',
      summary: `Récépissé envoyé à ${a.commune}`,
      objectType: 'ec_avis',
      objectId: id,
    });
  }
  return pdf;
}
