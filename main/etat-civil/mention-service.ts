/**
 * Mentions marginales on the acts held here: drafted from structured fields, editable, then validated and
 * immutable (a correction is a new mention); and the mentions an act drawn up here requires elsewhere
 * (C. civ. art. 49): a draft with its 3-day deadline when the other act is here, an avis de mention otherwise.
 */
import { AppError } from '../kernel';
import { acteRef, getActeRow, type ActeRow } from './actes';
import type { EcCtx } from './context';
import { ARTICLE_49, article49Deadline } from './rules/deadlines';
import { mentionsRequired } from './rules/kinds';
import { MentionError, mentionText, NATURE_LABELS, type MentionFields } from './rules/mentions';
import type { MentionInput } from './schemas';

export interface MentionRow {
  id: number;
  acte_id: number;
  nature: string;
  texte: string;
  statut: 'brouillon' | 'validee';
  echeance: string | null;
  avis_id: number | null;
}

/** The text from the fields, or INVALID naming the missing field (the officier may then edit it). */
export function buildText(m: MentionInput, sexe: 'M' | 'F' | null): string {
  if (m.texte) return m.texte;
  try {
    return mentionText({ ...m, sexe } as MentionFields);
  } catch (e) {
    if (e instanceof MentionError) throw new AppError('INVALID', e.message);
    throw e;
  }
}

function getMention(c: EcCtx, id: number): MentionRow {
  const m = c.db.prepare('SELECT * FROM ec_mention WHERE id = ?').get(id) as MentionRow | undefined;
  if (!m) throw new AppError('NOT_FOUND', 'Mention introuvable.');
  return m;
}

export function saveMention(c: EcCtx, acteId: number, mentionId: number | null, m: MentionInput): number {
  const a = getActeRow(c, acteId);
  const texte = buildText(m, a.sexe);
  const { texte: _edited, ...fields } = m;
  if (mentionId === null) {
    const id = Number(
      c.db
        .prepare(
          'INSERT INTO ec_mention (acte_id, nature, date_evenement, lieu_evenement, donnees, texte, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(acteId, m.nature, m.date, m.lieu, JSON.stringify(fields), texte, c.now.toISOString()).lastInsertRowid,
    );
    c.audit({
      action: 'etat-civil.mention.redigee',
      summary: `Mention de ${NATURE_LABELS[m.nature].toLowerCase()} rédigée en marge de l’${acteRef(a)}`,
      objectType: 'ec_mention',
      objectId: id,
    });
    return id;
  }
  const old = getMention(c, mentionId);
  if (old.acte_id !== acteId) throw new AppError('NOT_FOUND', 'Mention introuvable.');
  if (old.statut === 'validee')
    throw new AppError('RULE', 'Une mention validée ne se modifie plus : apposez une mention rectificative.');
  const prev = JSON.parse(
    (c.db.prepare('SELECT donnees FROM ec_mention WHERE id = ?').get(mentionId) as { donnees: string }).donnees,
  ) as Record<string, unknown>;
  c.db
    .prepare(
      'UPDATE ec_mention SET nature = ?, date_evenement = ?, lieu_evenement = ?, donnees = ?, texte = ? WHERE id = ?',
    )
    .run(m.nature, m.date, m.lieu, JSON.stringify({ ...prev, ...fields }), texte, mentionId);
  c.audit({
    action: 'etat-civil.mention.modifiee',
    summary: `Mention (brouillon) modifiée en marge de l’${acteRef(a)}`,
    objectType: 'ec_mention',
    objectId: mentionId,
  });
  return mentionId;
}

/** Validate: applied today by this officier, immutable from now on (the database refuses any change). */
export function validateMention(c: EcCtx, id: number): void {
  const m = getMention(c, id);
  if (m.statut === 'validee') throw new AppError('CONFLICT', 'Cette mention est déjà validée.');
  const a = getActeRow(c, m.acte_id);
  c.db
    .prepare("UPDATE ec_mention SET statut = 'validee', appliquee_le = ?, officier = ? WHERE id = ?")
    .run(c.today, `${c.actor.name ?? c.actor.login ?? '?'}, ${c.qualite}`, id);
  if (m.avis_id) c.db.prepare('UPDATE ec_avis SET mention_id = ? WHERE id = ?').run(id, m.avis_id);
  c.audit({
    action: 'etat-civil.mention.validee',
    summary: `Mention de ${NATURE_LABELS[m.nature as keyof typeof NATURE_LABELS]?.toLowerCase() ?? m.nature} apposée en marge de l’${acteRef(a)}`,
    objectType: 'ec_mention',
    objectId: id,
  });
}

/** The fields of the mention an act drawn up here requires on the birth act of its titulaire `rang`. */
function triggeredFields(c: EcCtx, src: ActeRow, rang: number): Omit<MentionFields, 'sexe'> {
  const req = mentionsRequired(src.type).find((r) => r.titulaireRang === rang);
  if (!req)
    throw new AppError('RULE', `Un ${acteRef(src)} n’appelle pas de mention pour ce titulaire (${ARTICLE_49}).`);
  const base = { nature: req.nature, date: src.date_evenement ?? src.date_acte, lieu: src.lieu_evenement };
  if (req.nature === 'mariage') {
    const other =
      rang === 1
        ? { prenoms: src.prenoms_conjoint ?? '', nom: src.nom_conjoint ?? '' }
        : { prenoms: src.prenoms, nom: src.nom };
    return { ...base, autre: other };
  }
  if (req.nature === 'reconnaissance') {
    const auteur = c.db
      .prepare("SELECT nom, prenoms FROM ec_personne WHERE acte_id = ? AND role = 'auteur' AND rang = 1")
      .get(src.id) as { nom: string; prenoms: string } | undefined;
    if (!auteur)
      throw new AppError(
        'RULE',
        'Saisissez d’abord l’auteur de la reconnaissance : la mention le nomme (C. civ. art. 62).',
      );
    return { ...base, autre: auteur };
  }
  return base;
}

export type Cible =
  | { titulaireRang: number; acteId: number }
  | { titulaireRang: number; commune: string; acteVise: string; sexe?: 'M' | 'F' | undefined };

/** Plan the mention an act requires: on an act here (draft, 3 days) or by avis to another commune (3 days). */
export function prevoirMention(c: EcCtx, srcId: number, cible: Cible): { mentionId?: number; avisId?: number } {
  const src = getActeRow(c, srcId);
  const fields = triggeredFields(c, src, cible.titulaireRang);
  const already = c.db
    .prepare(
      "SELECT 1 FROM ec_mention WHERE source_acte_id = ? AND json_extract(donnees, '$.titulaireRang') = ? UNION ALL SELECT 1 FROM ec_avis WHERE sens = 'sortant' AND acte_id = ? AND json_extract(donnees, '$.titulaireRang') = ?",
    )
    .get(src.id, cible.titulaireRang, src.id, cible.titulaireRang);
  if (already) throw new AppError('CONFLICT', 'Cette mention est déjà prévue (mention à apposer ou avis de mention).');
  const echeance = article49Deadline(src.date_acte);
  const donnees = JSON.stringify({ ...fields, titulaireRang: cible.titulaireRang });
  if ('acteId' in cible) {
    const target = getActeRow(c, cible.acteId);
    if (target.type !== 'naissance')
      throw new AppError('RULE', `La mention se porte en marge de l’acte de naissance (${ARTICLE_49}).`);
    const texte = buildText(
      { ...fields, lieu: fields.lieu ?? null, autre: fields.autre ?? null, autorite: null, objet: null, texte: null },
      needSexe(target.sexe),
    );
    const id = Number(
      c.db
        .prepare(
          'INSERT INTO ec_mention (acte_id, nature, date_evenement, lieu_evenement, donnees, texte, echeance, source_acte_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          target.id,
          fields.nature,
          fields.date,
          fields.lieu ?? null,
          donnees,
          texte,
          echeance,
          src.id,
          c.now.toISOString(),
        ).lastInsertRowid,
    );
    c.audit({
      action: 'etat-civil.mention.prevue',
      summary: `Mention à apposer en marge de l’${acteRef(target)} avant le ${echeance} (${ARTICLE_49})`,
      objectType: 'ec_mention',
      objectId: id,
    });
    return { mentionId: id };
  }
  const texte = buildText(
    { ...fields, lieu: fields.lieu ?? null, autre: fields.autre ?? null, autorite: null, objet: null, texte: null },
    needSexe(cible.sexe ?? rangSexe(c, src, cible.titulaireRang)),
  );
  const id = Number(
    c.db
      .prepare(
        "INSERT INTO ec_avis (sens, acte_id, commune, acte_vise, nature, date_evenement, lieu_evenement, donnees, texte, echeance, created_at) VALUES ('sortant', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        src.id,
        cible.commune,
        cible.acteVise,
        fields.nature,
        fields.date,
        fields.lieu ?? null,
        donnees,
        texte,
        echeance,
        c.now.toISOString(),
      ).lastInsertRowid,
  );
  c.audit({
    action: 'etat-civil.avis.prevu',
    summary: `Avis de mention à envoyer à ${cible.commune} avant le ${echeance} (${ARTICLE_49}) — ${acteRef(src)}`,
    objectType: 'ec_avis',
    objectId: id,
  });
  return { avisId: id };
}

function rangSexe(c: EcCtx, src: ActeRow, rang: number): 'M' | 'F' | null {
  const p = c.db
    .prepare("SELECT sexe FROM ec_personne WHERE acte_id = ? AND role = 'titulaire' AND rang = ?")
    .get(src.id, rang) as { sexe: 'M' | 'F' | null } | undefined;
  return p?.sexe ?? (rang === 1 ? src.sexe : null);
}

/** The wording agrees with the titulaire (« Marié / Mariée »): unknown on an indexed act, so it is asked. */
function needSexe(sexe: 'M' | 'F' | null): 'M' | 'F' {
  if (!sexe)
    throw new AppError(
      'INVALID',
      'Indiquez le sexe de la personne dont l’acte reçoit la mention : le texte s’accorde (« Marié » ou « Mariée »).',
      { sexe: 'Obligatoire.' },
    );
  return sexe;
}
