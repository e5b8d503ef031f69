/**
 * What the commune adjusts in its courrier: the table of procedures with their silence rule (CRPA L231-1 by
 * default; L231-4 to L231-6 and the décrets of domain-rules §3.4–3.5 for the exceptions) and the reply templates
 * with their mail-merge fields. Only the secrétaire edits them; every change is journaled. Rows that come from the
 * texts (builtin) are never changed: the commune adds its own beside them.
 */
import { z } from 'zod';
import { AppError, parseOrThrow, trimmed } from '../kernel';
import type { CourrierCtx } from './context';
import { storeDecision } from './courrier';
import { mayWrite } from './rights';

const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{2,60}$/, { error: 'Code : lettres minuscules sans accent, chiffres et « _ » (2 à 60).' });

const procedureInput = z
  .object({
    code,
    libelle: trimmed('Libellé', 200),
    regime: z.enum(['SVA', 'SVR'], { error: 'Sens du silence : acceptation (SVA) ou rejet (SVR).' }),
    delai: z.number({ error: 'Délai : un nombre entier.' }).int({ error: 'Délai : un nombre entier.' }),
    unite: z.enum(['mois', 'jours'], { error: 'Délai : en mois ou en jours.' }),
    // the rule must be traceable to its text: an article or a décret, which always carries a number
    article: trimmed('Texte qui fixe ce régime', 200).regex(/\d/, {
      error:
        'Texte qui fixe ce régime : indiquez l’article ou le décret, avec son numéro (par exemple « CRPA L231-5 ; décret n° 2016-625 »).',
    }),
  })
  .superRefine((p, ctx) => {
    const [min, max] = p.unite === 'mois' ? [1, 12] : [1, 365];
    if (p.delai < min || p.delai > max)
      ctx.addIssue({ code: 'custom', path: ['delai'], message: `Délai : entre ${min} et ${max} ${p.unite}.` });
  });

/** The commune adds a procedure with its own silence rule (L231-5, L231-6: a décret sets it); built-in rows stay. */
export function saveProcedure(ctx: CourrierCtx, input: unknown) {
  mayWrite(ctx.role);
  const p = parseOrThrow(procedureInput, input);
  const existing = ctx.db.prepare('SELECT builtin FROM courrier_procedure WHERE code = ?').get(p.code) as
    { builtin: number } | undefined;
  if (existing?.builtin)
    throw new AppError(
      'RULE',
      'Cette procédure vient des textes : elle ne se modifie pas. Créez-en une autre avec un nouveau code.',
    );
  const [mois, jours] = p.unite === 'mois' ? [p.delai, null] : [null, p.delai];
  ctx.db
    .prepare(
      `INSERT INTO courrier_procedure (code, libelle, regime, delai_mois, delai_jours, article, builtin) VALUES (?, ?, ?, ?, ?, ?, 0)
       ON CONFLICT (code) DO UPDATE SET libelle = excluded.libelle, regime = excluded.regime, delai_mois = excluded.delai_mois, delai_jours = excluded.delai_jours, article = excluded.article`,
    )
    .run(p.code, p.libelle, p.regime, mois, jours, p.article);
  // Courriers already classified under it follow the new rule.
  for (const { id } of ctx.db.prepare('SELECT id FROM courrier WHERE procedure_code = ?').all(p.code) as {
    id: number;
  }[])
    storeDecision(ctx.db, id);
  ctx.audit({
    action: 'courrier.procedure',
    summary: `Procédure « ${p.libelle} » : ${p.regime === 'SVA' ? 'acceptation' : 'rejet'} implicite après ${p.delai} ${p.unite} (${p.article})`,
    objectType: 'courrier_procedure',
    objectId: p.code,
  });
}

/** The mail-merge fields a template may use, filled by replies.ts fieldsOf from the arrivée and the commune. */
export const CHAMPS = [
  { code: 'correspondant', libelle: 'Nom du correspondant' },
  { code: 'objet', libelle: 'Objet du courrier reçu' },
  { code: 'numero', libelle: 'Numéro d’enregistrement du courrier reçu' },
  { code: 'date_reception', libelle: 'Date de réception' },
  { code: 'date_courrier', libelle: 'Date du courrier reçu' },
  { code: 'date', libelle: 'Date de la réponse' },
  { code: 'commune', libelle: 'Nom de la commune' },
  { code: 'maire', libelle: 'Prénom et nom du maire' },
  { code: 'texte', libelle: 'Texte saisi pour cette réponse' },
] as const;
const KNOWN = new Set<string>(CHAMPS.map((c) => c.code));
const list = CHAMPS.map((c) => `{{${c.code}}}`).join(', ');

/** Every {{…}} of a template, and the ones no reply could fill: a letter is never signed with a hole in it. */
export function checkChamps(corps: string): string[] {
  const found = [...corps.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1] ?? '');
  const unknown = [...new Set(found.filter((f) => !KNOWN.has(f)))];
  const refuse = (message: string) => new AppError('INVALID', message, { corps: message });
  if (unknown.length)
    throw refuse(
      `Champ${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} : ${unknown.map((u) => `{{${u}}}`).join(', ')}. Champs possibles : ${list}.`,
    );
  const stray = corps.replace(/\{\{\s*[^{}]*?\s*\}\}/g, '');
  if (/\{\{|\}\}/.test(stray))
    throw refuse('Accolades non fermées : un champ s’écrit entre doubles accolades, par exemple {{objet}}.');
  return [...new Set(found)];
}

const modeleInput = z.object({
  code,
  titre: trimmed('Titre du modèle', 120),
  corps: trimmed('Texte du modèle', 20_000),
});

/** A template the commune writes; the built-in ones (with their legal mentions, e.g. the refusal's recours) stay. */
export function saveModele(ctx: CourrierCtx, input: unknown): { champs: string[] } {
  mayWrite(ctx.role);
  const m = parseOrThrow(modeleInput, input);
  const champs = checkChamps(m.corps);
  const existing = ctx.db.prepare('SELECT builtin, archive_le FROM courrier_modele WHERE code = ?').get(m.code) as
    { builtin: number; archive_le: string | null } | undefined;
  if (existing?.archive_le)
    throw new AppError(
      'RULE',
      'Ce code est celui d’un modèle archivé (des réponses en ont été faites) : choisissez un autre code.',
      { code: 'Code d’un modèle archivé.' },
    );
  if (existing?.builtin)
    throw new AppError(
      'RULE',
      'Ce modèle est fourni avec Clocher : il ne se modifie pas. Créez-en un autre avec un nouveau code (vous pouvez repartir de son texte).',
    );
  ctx.db
    .prepare(
      'INSERT INTO courrier_modele (code, titre, corps, builtin) VALUES (?, ?, ?, 0) ON CONFLICT (code) DO UPDATE SET titre = excluded.titre, corps = excluded.corps',
    )
    .run(m.code, m.titre, m.corps);
  ctx.audit({
    action: 'courrier.modele',
    summary: `Modèle de réponse « ${m.titre} » ${existing ? 'modifié' : 'créé'}`,
    objectType: 'courrier_modele',
    objectId: m.code,
  });
  return { champs };
}
