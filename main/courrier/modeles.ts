/**
 * Removing a reply template the commune wrote (Paramètres du courrier). Nothing sent may lose its text: a template
 * no reply was made from is deleted; one that served is archived instead — no longer offered, its row kept for the
 * replies that name it (courrier_reponse.modele), whose letters are kept as PDFs anyway (migration 0340). The
 * templates shipped with Clocher carry legal mentions (the refusal's voies de recours, CJA R421-1): they stay.
 * Only the secrétaire removes one (rights.ts), after confirming the consequence the core states; journaled.
 */
import { AppError } from '../kernel';
import type { CourrierCtx } from './context';
import { mayWrite } from './rights';

interface ModeleRow {
  code: string;
  titre: string;
  builtin: number;
  archive_le: string | null;
}

export type Suppression = { resultat: 'supprime' | 'archive'; reponses: number };

export function deleteModele(ctx: CourrierCtx, code: string, confirm: boolean): Suppression {
  mayWrite(ctx.role);
  const m = ctx.db.prepare('SELECT code, titre, builtin, archive_le FROM courrier_modele WHERE code = ?').get(code) as
    ModeleRow | undefined;
  if (!m || m.archive_le) throw new AppError('NOT_FOUND', 'Ce modèle de réponse n’existe pas ou est déjà archivé.');
  if (m.builtin)
    throw new AppError(
      'RULE',
      'Ce modèle est fourni avec Clocher (ses mentions sont celles des textes) : il ne se supprime pas. Vous pouvez ne pas l’utiliser.',
    );
  const reponses = (
    ctx.db.prepare('SELECT count(*) AS n FROM courrier_reponse WHERE modele = ?').get(code) as { n: number }
  ).n;
  const faites = `${reponses} réponse${reponses > 1 ? 's' : ''}`;
  if (!confirm)
    throw new AppError(
      'CONFIRM',
      reponses
        ? `Le modèle « ${m.titre} » a servi à ${faites} : il sera archivé (plus proposé pour une nouvelle réponse) ; le texte de chaque réponse faite reste dans le registre. Archiver ce modèle ?`
        : `Le modèle « ${m.titre} » n’a servi à aucune réponse : il sera supprimé définitivement. Supprimer ce modèle ?`,
    );
  if (reponses)
    ctx.db
      .prepare('UPDATE courrier_modele SET archive_le = ?, archive_par = ? WHERE code = ?')
      .run(ctx.now.toISOString(), ctx.actor.name ?? ctx.actor.login, code);
  else ctx.db.prepare('DELETE FROM courrier_modele WHERE code = ?').run(code);
  ctx.audit({
    action: reponses ? 'courrier.modele.archive' : 'courrier.modele.supprime',
    summary: reponses
      ? `Modèle de réponse « ${m.titre} » archivé (il a servi à ${faites}, dont le texte reste au registre)`
      : `Modèle de réponse « ${m.titre} » supprimé`,
    objectType: 'courrier_modele',
    objectId: code,
  });
  return { resultat: reponses ? 'archive' : 'supprime', reponses };
}
